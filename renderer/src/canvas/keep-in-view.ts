/**
 * What the canvas does when its pane changes size: a panel opens or closes (analysis, inspector,
 * sidebar, a snapshot beside it), a splitter is dragged, the window is resized. React Flow keeps
 * the top-left corner, so the nodes being worked on slid under the new panel. Instead the nodes
 * that were wholly in view stay wholly in view: the pane's centre stays its centre; where those
 * nodes no longer fit, the view moves the least that brings them back, and zooms out only when they
 * cannot fit at this zoom, never below a readable zoom unless the user was already there; what
 * cannot fit then is left out farthest from the centre first, the selection last.
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { boundingBox, type Box } from '../../../core/bounds';
import { READABLE_ZOOM } from '../../../core/layout';
import { useWorkbench } from '../workspace-context';
import type { CanvasMotion } from './canvas-motion';
import { overlayInsets, type Insets } from './visible-area';

export interface Transform {
  x: number;
  y: number;
  zoom: number;
}

type Size = { width: number; height: number };

/** The visible area (the pane less its overlays) in flow coordinates, at this transform. */
function seenArea(pane: Size, t: Transform, insets: Insets): Box {
  return {
    x: (insets.left - t.x) / t.zoom,
    y: (insets.top - t.y) / t.zoom,
    width: Math.max(0, pane.width - insets.left - insets.right) / t.zoom,
    height: Math.max(0, pane.height - insets.top - insets.bottom) / t.zoom,
  };
}

const holds = (outer: Box, inner: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/**
 * How far (flow units) the seen span [start, start + length] must move along one axis to hold
 * [boxStart, boxStart + boxLength]: 0 if it does; centred on it if it cannot.
 */
function nudge(start: number, length: number, boxStart: number, boxLength: number): number {
  if (boxLength > length) return boxStart + boxLength / 2 - (start + length / 2);
  if (boxStart < start) return boxStart - start;
  if (boxStart + boxLength > start + length) return boxStart + boxLength - (start + length);
  return 0;
}

/**
 * The transform for the pane's new size that keeps in view what was wholly in view before.
 * `nodes` are every node of the crisis; only those wholly inside the visible area count. When
 * they cannot all fit at a readable zoom, the selected ones and then those nearest the old centre
 * are kept, as many as fit.
 */
export function keepInView(before: Size, after: Size, t: Transform, nodes: Iterable<Box & { id: string }>, insets: Insets, selected: ReadonlySet<string> = new Set()): Transform {
  // The pane's centre stays its centre.
  const kept = { x: t.x + (after.width - before.width) / 2, y: t.y + (after.height - before.height) / 2, zoom: t.zoom };
  const seen = seenArea(before, t, insets);
  const shown = [...nodes].filter((n) => holds(seen, n));
  if (!shown.length) return kept;
  const area = { width: Math.max(1, after.width - insets.left - insets.right), height: Math.max(1, after.height - insets.top - insets.bottom) };
  const fitZoom = (box: Box) => Math.min(area.width / Math.max(1, box.width), area.height / Math.max(1, box.height));
  const floor = Math.min(t.zoom, READABLE_ZOOM);
  const held = boundingBox(fitZoom(boundingBox(shown)!) >= floor ? shown : mostThatFit(shown, seen, selected, (box) => fitZoom(box) >= floor))!;
  const zoom = Math.max(floor, Math.min(t.zoom, fitZoom(held)));
  // Zooming keeps the held nodes' centre where it was on the pane, then the least move brings them in.
  const start = zoom === t.zoom ? kept : zoomAbout(kept, zoom, { x: held.x + held.width / 2, y: held.y + held.height / 2 });
  const now = seenArea(after, start, insets);
  const dx = nudge(now.x, now.width, held.x, held.width);
  const dy = nudge(now.y, now.height, held.y, held.height);
  return { x: start.x - dx * zoom, y: start.y - dy * zoom, zoom };
}

/** The selected nodes, then those nearest the centre of `seen`, as many as `fits` allows (at least one). */
function mostThatFit<T extends Box & { id: string }>(shown: readonly T[], seen: Box, selected: ReadonlySet<string>, fits: (box: Box) => boolean): T[] {
  const centre = { x: seen.x + seen.width / 2, y: seen.y + seen.height / 2 };
  const distance = (n: Box) => Math.hypot(n.x + n.width / 2 - centre.x, n.y + n.height / 2 - centre.y);
  const order = [...shown].sort((a, b) => Number(selected.has(b.id)) - Number(selected.has(a.id)) || distance(a) - distance(b));
  const chosen = [order[0]!];
  for (const n of order.slice(1)) if (fits(boundingBox([...chosen, n])!)) chosen.push(n);
  return chosen;
}

/** The transform at `zoom` that leaves flow point `p` where it sits on the pane under `t`. */
function zoomAbout(t: Transform, zoom: number, p: { x: number; y: number }): Transform {
  const screen = { x: p.x * t.zoom + t.x, y: p.y * t.zoom + t.y };
  return { x: screen.x - p.x * zoom, y: screen.y - p.y * zoom, zoom };
}

/**
 * Applies keepInView whenever React Flow measures a new pane size, once the crisis's first
 * viewport is applied (until then the opening frames the crisis for the size it finds).
 */
export function useKeepInView(nodes: readonly (Box & { id: string })[], motion: CanvasMotion): void {
  const workbench = useWorkbench();
  const flow = useReactFlow();
  const store = useStoreApi();
  const latest = useRef(nodes);
  latest.current = nodes;
  useEffect(() => {
    let size = { width: store.getState().width, height: store.getState().height };
    return store.subscribe(({ width, height, transform }) => {
      if (width === size.width && height === size.height) return;
      const before = size;
      size = { width, height };
      if (!before.width || !before.height || !width || !height || !motion.opened) return;
      const [x, y, zoom] = transform;
      const insets = overlayInsets(workbench.view.get().showMinimap);
      motion.track(flow.setViewport(keepInView(before, size, { x, y, zoom }, latest.current, insets, workbench.selection.get().nodeIds)));
    });
  }, [flow, store, workbench, motion]);
}
