/**
 * Gives a library crisis its positions. The data ships with every node at 0,0 so that one
 * layout algorithm (core/layout) decides how all seeded crises look.
 */
import type { GraphEdge, GraphNode } from '../model';
import { layeredLayout } from '../layout';

/**
 * The canvas a seeded crisis is laid out for: what a 1440×900 window shows between the sidebar
 * and the inspector, less the margins Fit keeps. Smaller windows open on the crisis node instead.
 */
export const LIBRARY_CANVAS = { width: 840, height: 740 } as const;

/** Copies of `nodes` with x/y set by the layered layout of this crisis's graph, shaped to fit LIBRARY_CANVAS. */
export function placeCrisisNodes(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): GraphNode[] {
  const { positions } = layeredLayout({
    nodes: nodes.map(({ id, kind, width, height }) => ({ id, kind, width, height })),
    edges: edges.map(({ source, target, kind }) => ({ source, target, kind })),
  }, { fit: LIBRARY_CANVAS });
  return nodes.map((node) => {
    const at = positions[node.id];
    return at ? { ...node, x: Math.round(at.x), y: Math.round(at.y) } : { ...node };
  });
}
