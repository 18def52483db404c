/**
 * Lets the rest of the window move the canvas (focus nodes, fit, zoom) while it is mounted.
 * Framing is computed from the document's nodes, not React Flow's: in the overview React Flow
 * holds no nodes, and Fit must still frame the whole crisis. Every move is tracked by the
 * canvas's motion signal, so tests can wait until it is still.
 */
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { boundingBox } from '../../../core/bounds';
import type { GraphNode } from '../../../core/model';
import { useWorkbench } from '../workspace-context';
import type { CanvasMotion } from './canvas-motion';
import { fitPadding, overlayInsets } from './visible-area';

const MIN_ZOOM = 0.05;

export function useCanvasHandle(nodeById: ReadonlyMap<string, GraphNode>, motion: CanvasMotion): void {
  const workbench = useWorkbench();
  const flow = useReactFlow();
  const store = useStoreApi();
  const nodes = useRef(nodeById);
  nodes.current = nodeById;

  useEffect(() => {
    const frame = (ids: readonly string[] | null, padding: Parameters<typeof getViewportForBounds>[5], duration: number) => {
      const picked = ids ? ids.map((id) => nodes.current.get(id)).filter((n): n is GraphNode => !!n) : nodes.current.values();
      const bounds = boundingBox(picked);
      if (!bounds) return;
      const { width, height } = store.getState();
      motion.track(flow.setViewport(getViewportForBounds(bounds, width, height, MIN_ZOOM, 1.2, padding), { duration }));
    };
    workbench.canvas.current = {
      focusNodes: (ids) => {
        if (ids.length) frame(ids, 0.4, 250);
      },
      fit: () => frame(null, fitPadding(overlayInsets(workbench.view.get().showMinimap)), 250),
      zoomIn: () => motion.track(flow.zoomIn({ duration: 150 })),
      zoomOut: () => motion.track(flow.zoomOut({ duration: 150 })),
      centre: () => {
        // This canvas's own pane (the window may show two canvases side by side).
        const { width, height, transform } = store.getState();
        const [x, y, zoom] = transform;
        return { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom };
      },
      viewport: () => flow.getViewport(),
      show: (viewport) => motion.track(flow.setViewport(viewport)),
    };
    return () => {
      workbench.canvas.current = null;
    };
  }, [flow, store, workbench, motion]);
}
