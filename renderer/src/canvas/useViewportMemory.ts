/**
 * The canvas's viewport, owned by the session's viewport store: a crisis seen before reopens
 * where it was left (this session, or as saved in the file); a new one is fitted. Only the
 * user's own panning and zooming is remembered (React Flow passes no event when the app moved it).
 */
import { useReactFlow, type Viewport as FlowViewport } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { GraphEdge, GraphNode } from '../../../core/model';
import { useWorkbench } from '../workspace-context';
import { useStable } from './use-stable';

// Opening a crisis fits it, but never so far out that titles stop being readable.
const FIT_ON_OPEN = { maxZoom: 1, minZoom: 0.65, padding: 0.1 };
const FIT_ALL_UP_TO = 80;

/**
 * The nodes to frame when a crisis opens: all of a small one (undefined); for a big one, its
 * best-connected crisis node, which then sits in the middle at a readable zoom.
 */
export function openingFocus(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string[] | undefined {
  if (nodes.length <= FIT_ALL_UP_TO) return undefined;
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const candidates = nodes.filter((n) => n.kind === 'crisis');
  const pool = candidates.length ? candidates : nodes;
  const best = pool.reduce((a, b) => ((degree.get(b.id) ?? 0) > (degree.get(a.id) ?? 0) ? b : a));
  return [best.id];
}

export function useViewportMemory(
  crisisId: string,
  readOnly: boolean,
  shown: { count: number; modelNodes: readonly GraphNode[]; edges: readonly GraphEdge[] },
): { onMoveEnd: (event: MouseEvent | TouchEvent | null, viewport: FlowViewport) => void } {
  const workbench = useWorkbench();
  const flow = useReactFlow();
  const opened = useRef(false);
  const { count, modelNodes, edges } = shown;

  useEffect(() => {
    if (opened.current || count === 0) return;
    opened.current = true;
    const saved = workbench.session.viewports.get(crisisId);
    if (saved) {
      void flow.setViewport(saved);
      return;
    }
    const focus = openingFocus(modelNodes, edges);
    requestAnimationFrame(() => void flow.fitView({ ...FIT_ON_OPEN, nodes: focus?.map((id) => ({ id })) }));
  }, [count, modelNodes, edges, crisisId, flow, workbench]);

  const onMoveEnd = useStable((event: MouseEvent | TouchEvent | null, viewport: FlowViewport) => {
    if (!event) return;
    // Kept exact: rounding would reopen the canvas half a pixel away from where it was left.
    workbench.session.viewports.remember(crisisId, { x: viewport.x, y: viewport.y, zoom: viewport.zoom }, !readOnly);
  });
  return { onMoveEnd };
}
