/**
 * Gives a library crisis its positions. The data ships with every node at 0,0 so that one
 * layout algorithm (core/layout) decides how all seeded crises look.
 */
import type { GraphEdge, GraphNode } from '../model';
import { layeredLayout } from '../layout';

/** Copies of `nodes` with x/y set by the layered layout of this crisis's graph. */
export function placeCrisisNodes(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): GraphNode[] {
  const { positions } = layeredLayout({
    nodes: nodes.map(({ id, kind, width, height }) => ({ id, kind, width, height })),
    edges: edges.map(({ source, target, kind }) => ({ source, target, kind })),
  });
  return nodes.map((node) => {
    const at = positions[node.id];
    return at ? { ...node, x: Math.round(at.x), y: Math.round(at.y) } : { ...node };
  });
}
