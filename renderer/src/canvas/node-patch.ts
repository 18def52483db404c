/**
 * Changes to the canvas's React Flow nodes in proportion to what changed: a drag frame, a
 * selection or a rename replaces the few node objects it touches, found by id through an index
 * of the array, instead of mapping every node of the crisis (React Flow's applyNodeChanges
 * walks the whole array for each change). An array patched in place keeps its index, since the
 * order does not change.
 */
import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import type { FlowNode } from './flow-model';

/** Where each id sits in a node array, built once per array (and shared by its patched copies). */
const indexes = new WeakMap<readonly FlowNode[], ReadonlyMap<string, number>>();

export function indexOfNodes(nodes: readonly FlowNode[]): ReadonlyMap<string, number> {
  let index = indexes.get(nodes);
  if (!index) {
    index = new Map(nodes.map((n, i) => [n.id, i]));
    indexes.set(nodes, index);
  }
  return index;
}

/**
 * The nodes with `update` applied to those of `ids` present: the same array when it returned
 * every node unchanged, else a copy in the same order, sharing the index.
 */
export function patchNodes(nodes: FlowNode[], ids: Iterable<string>, update: (node: FlowNode) => FlowNode): FlowNode[] {
  const index = indexOfNodes(nodes);
  let out: FlowNode[] | null = null;
  for (const id of ids) {
    const at = index.get(id);
    if (at === undefined) continue;
    const next = update(nodes[at]!);
    if (next === nodes[at]) continue;
    out ??= nodes.slice();
    out[at] = next;
  }
  if (!out) return nodes;
  indexes.set(out, index);
  return out;
}

/**
 * React Flow's changes without the select ones (the selection comes back through the session's
 * store): moves and measurements patch their nodes by id, each through applyNodeChanges on that
 * node alone so a change means what React Flow means by it; any other change (add, remove,
 * replace) goes through applyNodeChanges over the whole array.
 */
export function applyLocalChanges(changes: readonly NodeChange<FlowNode>[], nodes: FlowNode[]): FlowNode[] {
  const local = changes.filter((c) => c.type !== 'select');
  if (local.length === 0) return nodes;
  if (!local.every((c) => c.type === 'position' || c.type === 'dimensions')) return applyNodeChanges(local, nodes);
  const byId = new Map<string, NodeChange<FlowNode>[]>();
  for (const c of local) {
    if (c.type !== 'position' && c.type !== 'dimensions') continue;
    const list = byId.get(c.id);
    if (list) list.push(c);
    else byId.set(c.id, [c]);
  }
  return patchNodes(nodes, byId.keys(), (node) => applyNodeChanges(byId.get(node.id)!, [node])[0] ?? node);
}

/** The nodes with each of `ids` selected exactly when `selected` holds it. */
export function patchSelection(nodes: FlowNode[], ids: Iterable<string>, selected: ReadonlySet<string>): FlowNode[] {
  return patchNodes(nodes, ids, (node) => {
    const want = selected.has(node.id);
    return !!node.selected === want ? node : { ...node, selected: want };
  });
}

/**
 * The ids of the model nodes replaced between two lists of the same nodes in the same order (an
 * edit, a move): null when one was added, removed or reordered, and the whole list must be read.
 */
export function replacedNodes<T extends { id: string }>(before: readonly T[], after: readonly T[]): string[] | null {
  if (before.length !== after.length) return null;
  const out: string[] = [];
  for (let i = 0; i < after.length; i++) {
    if (before[i] === after[i]) continue;
    if (before[i]!.id !== after[i]!.id) return null;
    out.push(after[i]!.id);
  }
  return out;
}
