/**
 * The canvas's viewport, owned by the session's viewport store: a crisis seen before reopens
 * where it was left (this session, or as saved in the file); a new one is fitted. Only the
 * user's own panning and zooming is remembered (React Flow passes no event when the app moved it).
 */
import { useReactFlow, type Viewport as FlowViewport } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { READABLE_ZOOM } from '../../../core/layout';
import type { GraphEdge, GraphNode } from '../../../core/model';
import { useWorkbench } from '../workspace-context';
import type { CanvasMotion } from './canvas-motion';
import { useStable } from './use-stable';
import { fitPadding, framePadding, openingTargets, overlayInsets, paneSize } from './visible-area';

// Opening a crisis fits it at a readable zoom, within the visible area (see visible-area.ts).
const FIT_ON_OPEN = { maxZoom: 1, minZoom: READABLE_ZOOM };

export function useViewportMemory(
  crisisId: string,
  readOnly: boolean,
  shown: { count: number; modelNodes: readonly GraphNode[]; edges: readonly GraphEdge[] },
  motion: CanvasMotion,
): {
  onMoveStart: (event: MouseEvent | TouchEvent | null) => void;
  onMoveEnd: (event: MouseEvent | TouchEvent | null, viewport: FlowViewport) => void;
} {
  const workbench = useWorkbench();
  const flow = useReactFlow();
  const opened = useRef(false);
  const { count, modelNodes, edges } = shown;

  useEffect(() => {
    if (opened.current) return;
    // An empty crisis has nothing to frame: it is open as it is, and is fitted once it has nodes.
    if (count === 0) return motion.openedAt();
    opened.current = true;
    const saved = workbench.session.viewports.get(crisisId);
    const applied = saved
      ? flow.setViewport(saved)
      : new Promise<unknown>((resolve) => {
          requestAnimationFrame(() => {
            const showMinimap = workbench.view.get().showMinimap;
            const focus = openingTargets(modelNodes, edges, paneSize(), showMinimap);
            const padding = focus ? framePadding(modelNodes.filter((n) => focus.includes(n.id)), showMinimap) : fitPadding(overlayInsets(showMinimap));
            flow.fitView({ ...FIT_ON_OPEN, padding, nodes: focus?.map((id) => ({ id })) }).then(resolve, resolve);
          });
        });
    motion.track(applied);
    motion.openedAt();
  }, [count, modelNodes, edges, crisisId, flow, workbench, motion]);

  const onMoveStart = useStable((event: MouseEvent | TouchEvent | null) => motion.userMove(event, true));
  const onMoveEnd = useStable((event: MouseEvent | TouchEvent | null, viewport: FlowViewport) => {
    motion.userMove(event, false);
    if (!event) return;
    // Kept exact: rounding would reopen the canvas half a pixel away from where it was left.
    workbench.session.viewports.remember(crisisId, { x: viewport.x, y: viewport.y, zoom: viewport.zoom }, !readOnly);
  });
  return { onMoveStart, onMoveEnd };
}
