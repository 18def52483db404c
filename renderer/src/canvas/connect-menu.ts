/**
 * Connecting without a mouse: from a node's menu (right-click, Shift+F10 or the Menu key),
 * "Connect to …" items name every node of the crisis this one may link to (core/rules decides
 * which, and the edge kind), and "Add connected …" creates a node of the next kind in its
 * kind's column and links it in one undo step.
 */
import { placeNewNode } from '../../../core/layout';
import { NODE_DEFAULT_SIZE, blankEdge, blankNode, newId, type GraphNode, type NodeKind } from '../../../core/model';
import { checkConnection } from '../../../core/rules';
import type { Workbench } from '../workspace-context';
import type { MenuItem } from './ContextMenu';

/** What a new node linked from each kind would be: the story's next step, and a response to it. */
const FOLLOWERS: Record<NodeKind, readonly NodeKind[]> = {
  trigger: ['crisis', 'response'],
  crisis: ['impact', 'response'],
  impact: ['impact', 'response'],
  response: [],
};

export function connectItems(workbench: Workbench, node: GraphNode, readOnly: boolean): MenuItem[] {
  const doc = workbench.current();
  if (!doc || readOnly) return [];
  const linked = new Set(doc.edges.filter((e) => e.source === node.id || e.target === node.id).map((e) => (e.source === node.id ? e.target : e.source)));
  const targets = doc.nodes
    .filter((other) => other.crisisId === node.crisisId && other.id !== node.id && !linked.has(other.id))
    .flatMap((other) => {
      // Either direction the rules allow: a response is the source of what it averts or contains.
      const out = checkConnection(node, other);
      if (out.ok) return [{ other, source: node, target: other, kind: out.kind }];
      const back = checkConnection(other, node);
      return back.ok ? [{ other, source: other, target: node, kind: back.kind }] : [];
    })
    .sort((a, b) => a.other.title.localeCompare(b.other.title));
  const items: MenuItem[] = targets.map(({ other, source, target, kind }) => ({
    label: `Connect to ${other.kind} “${other.title || 'Untitled'}” (${kind})`,
    testId: `menu-connect-${other.id}`,
    run: () => {
      const edge = blankEdge(newId(), node.crisisId, { source: source.id, target: target.id, kind });
      workbench.doc.edit([{ op: 'edge.create', edge }]).catch((e: Error) => workbench.notify(e.message, 'error'));
    },
  }));
  for (const kind of FOLLOWERS[node.kind]) {
    items.push({ label: `Add connected ${kind}`, testId: `menu-add-connected-${kind}`, run: () => addConnected(workbench, node, kind) });
  }
  return items;
}

function addConnected(workbench: Workbench, from: GraphNode, kind: NodeKind): void {
  const doc = workbench.current();
  if (!doc) return;
  const boxes = doc.nodes.filter((n) => n.crisisId === from.crisisId);
  const at = placeNewNode(kind, NODE_DEFAULT_SIZE[kind], boxes, { x: from.x, y: from.y, width: from.width, height: from.height });
  const node = blankNode(kind, from.crisisId, newId(), at);
  const forward = checkConnection(from, node);
  const backward = checkConnection(node, from);
  const check = forward.ok ? { source: from, target: node, kind: forward.kind } : backward.ok ? { source: node, target: from, kind: backward.kind } : null;
  if (!check) return workbench.notify(`A ${kind} cannot be connected to a ${from.kind}.`, 'error');
  const mark = `node:new:${node.id}`;
  const edge = blankEdge(newId(), from.crisisId, { source: check.source.id, target: check.target.id, kind: check.kind });
  workbench.doc
    .edit([{ op: 'node.create', node }, { op: 'edge.create', edge }], mark)
    .then(() => {
      workbench.selection.selectNodes([node.id]);
      workbench.view.patch({ editingNodeId: node.id, editingMark: mark });
      workbench.canvas.current?.focusNodes([node.id]);
    })
    .catch((e: Error) => workbench.notify(e.message, 'error'));
}
