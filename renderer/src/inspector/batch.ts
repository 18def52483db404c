/**
 * Op batches for editing several nodes at once. Each builder returns only the ops that change
 * something, so one click is one undo step and a no-op click records nothing.
 */
import { LIMITS, type GraphNode, type NodePatch } from '../../../core/model';
import type { Op } from '../../../core/ops';

type NodeUpdate = Extract<Op, { op: 'node.update' }>;

/** Fields the multi-edit sets to one value on every node they apply to. */
export type SharedField = 'likelihood' | 'severity' | 'horizon' | 'leadActorId' | 'responseStatus' | 'leadTime';

/** Which kinds carry a field (mirrors nodeKindIssues in core/model/graph). */
export function carries(node: GraphNode, field: SharedField): boolean {
  switch (field) {
    case 'likelihood':
      return node.kind === 'trigger' || node.kind === 'crisis';
    case 'severity':
      return node.kind === 'impact';
    case 'horizon':
      return true;
    case 'leadActorId':
    case 'responseStatus':
    case 'leadTime':
      return node.kind === 'response';
  }
}

export function setFieldOps<F extends SharedField>(nodes: readonly GraphNode[], field: F, value: GraphNode[F]): NodeUpdate[] {
  return nodes
    .filter((n) => carries(n, field) && n[field] !== value)
    .map((n) => ({ op: 'node.update', id: n.id, patch: { [field]: value } as NodePatch }));
}

export function addTagOps(nodes: readonly GraphNode[], tag: string): NodeUpdate[] {
  return nodes
    .filter((n) => !n.tags.includes(tag) && n.tags.length < LIMITS.tags)
    .map((n) => ({ op: 'node.update', id: n.id, patch: { tags: [...n.tags, tag] } }));
}

export function removeTagOps(nodes: readonly GraphNode[], tag: string): NodeUpdate[] {
  return nodes.filter((n) => n.tags.includes(tag)).map((n) => ({ op: 'node.update', id: n.id, patch: { tags: n.tags.filter((t) => t !== tag) } }));
}

/** The value all the nodes that carry the field share; undefined when they differ (or none carries it). */
export function sharedValue<F extends SharedField>(nodes: readonly GraphNode[], field: F): GraphNode[F] | undefined {
  let found = false;
  let value: GraphNode[F] | undefined;
  for (const n of nodes) {
    if (!carries(n, field)) continue;
    if (!found) {
      found = true;
      value = n[field];
    } else if (n[field] !== value) return undefined;
  }
  return value;
}

/** Every tag in the selection with how many of the nodes carry it, most common first. */
export function tagCounts(nodes: readonly GraphNode[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of nodes) for (const t of n.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
