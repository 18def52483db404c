/**
 * The level-of-detail view of a big crisis: zoomed far out, React Flow is given no nodes at all
 * and every node is drawn as a box of its kind's colour on this one canvas layer, with its
 * edges while there are few enough to read. Panning and zooming stay React Flow's; a click on
 * a box selects that node and zooms in on it (see Canvas.tsx).
 */
import { useStore } from '@xyflow/react';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { GraphEdge, GraphNode } from '../../../core/model';
import { fitCanvas, groupByKind, paintBoxes } from './box-painter';

/** Below this zoom a crisis with more than OVERVIEW_MIN_NODES nodes is drawn as boxes. */
export const OVERVIEW_ZOOM = 0.3;
export const OVERVIEW_MIN_NODES = 400;
/** Edges are drawn in the overview up to this many; beyond, they are a grey blur that hides the boxes. */
const OVERVIEW_EDGE_LIMIT = 6000;

interface Props {
  nodes: readonly GraphNode[];
  nodeById: ReadonlyMap<string, GraphNode>;
  edges: readonly GraphEdge[];
  selected: ReadonlySet<string>;
}

export function OverviewLayer({ nodes, nodeById, edges, selected }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [x, y, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const groups = useMemo(() => groupByKind(nodes), [nodes]);

  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const ctx = fitCanvas(el, width, height);
    if (!ctx) return;
    const drawn = paintBoxes(ctx, groups, { x, y, zoom }, { width, height }, {
      edges: edges.length <= OVERVIEW_EDGE_LIMIT ? edges : undefined,
      byId: nodeById,
      selected,
    });
    // What the layer shows, for people using assistive technology and for tests.
    el.dataset.drawn = String(drawn);
  }, [groups, nodeById, edges, selected, x, y, zoom, width, height]);

  return (
    <canvas
      ref={canvas}
      className="overview-layer"
      data-testid="overview-layer"
      data-total={nodes.length}
      role="img"
      aria-label={`Overview of ${nodes.length} nodes; zoom in to read and edit them`}
      style={{ width, height }}
    />
  );
}

/** The node under a point of the overview (flow coordinates), topmost first. */
export function nodeAt(nodes: readonly GraphNode[], point: { x: number; y: number }, slack: number): GraphNode | null {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (point.x >= n.x - slack && point.x <= n.x + n.width + slack && point.y >= n.y - slack && point.y <= n.y + n.height + slack) return n;
  }
  return null;
}
