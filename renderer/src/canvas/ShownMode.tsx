/**
 * Publishes the view mode the canvas is showing as `data-shown-mode` on the canvas element: set
 * once React Flow has taken in nodes decorated for that mode and drawn them (the nodes it mounts
 * re-render in the same commit as this component, so its layout effect runs after their DOM is
 * updated). Switching Consensus, Risk or Coverage is done for a person, and for the benchmark and
 * tests that time it, when this attribute names the new mode, not when the button looks pressed.
 */
import { useStore, type Node } from '@xyflow/react';
import { useLayoutEffect, useRef } from 'react';
import type { ViewMode } from '../state/view';

export function ShownMode({ nodes, mode }: { nodes: readonly Node[]; mode: ViewMode }) {
  const marker = useRef<HTMLSpanElement>(null);
  const taken = useStore((s) => s.nodes === nodes);
  useLayoutEffect(() => {
    const canvas = marker.current?.closest<HTMLElement>('[data-testid="canvas"]');
    if (taken && canvas) canvas.dataset.shownMode = mode;
  }, [taken, mode]);
  return <span ref={marker} hidden />;
}
