/** Lets the rest of the window move the canvas (focus nodes, fit, zoom) while it is mounted. */
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useWorkbench } from '../workspace-context';
import { fitPadding } from './visible-area';
import type { CanvasMotion } from './canvas-motion';

export function useCanvasHandle(motion: CanvasMotion): void {
  const workbench = useWorkbench();
  const flow = useReactFlow();
  useEffect(() => {
    workbench.canvas.current = {
      focusNodes: (ids) => {
        const targets = ids.map((id) => ({ id }));
        if (targets.length) motion.track(flow.fitView({ nodes: targets, duration: 250, maxZoom: 1.2, padding: 0.4 }));
      },
      fit: () => motion.track(flow.fitView({ duration: 250, padding: fitPadding(workbench.view.get().showMinimap), maxZoom: 1.2 })),
      zoomIn: () => motion.track(flow.zoomIn({ duration: 150 })),
      zoomOut: () => motion.track(flow.zoomOut({ duration: 150 })),
      centre: () => {
        const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
        if (!pane) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
      },
    };
    return () => {
      workbench.canvas.current = null;
    };
  }, [flow, workbench, motion]);
}
