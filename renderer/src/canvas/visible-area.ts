/**
 * What of the canvas is really visible: the pane less the palette along the top, the zoom
 * controls on the left and the minimap (when shown) along the bottom. Fit and opening a crisis
 * frame nodes inside this area only, so nothing lands under an overlay, and Arrange lays out to
 * its shape. Pure geometry apart from reading the pane's size.
 */
import type { GraphEdge, GraphNode } from '../../../core/model';
import { READABLE_ZOOM } from '../../../core/layout';
import { maxOf, minOf } from '../../../core/arrays';

const MINIMAP = { width: 170, height: 110, margin: 12 };
export const MINIMAP_STYLE = { width: MINIMAP.width, height: MINIMAP.height } as const;

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export function overlayInsets(showMinimap: boolean): Insets {
  return { top: 64, left: 56, right: 20, bottom: showMinimap ? MINIMAP.height + 2 * MINIMAP.margin : 20 };
}

/** React Flow's fitView padding for those insets. */
type Px = `${number}px`;
export function fitPadding(showMinimap: boolean): { top: Px; right: Px; bottom: Px; left: Px } {
  const i = overlayInsets(showMinimap);
  const px = (n: number): Px => `${n}px`;
  return { top: px(i.top), right: px(i.right), bottom: px(i.bottom), left: px(i.left) };
}

/** The pane's size in screen pixels (null before it is laid out). */
export function paneSize(): { width: number; height: number } | null {
  const pane = document.querySelector('[data-testid="canvas"] .react-flow')?.getBoundingClientRect();
  return pane && pane.width > 0 && pane.height > 0 ? { width: pane.width, height: pane.height } : null;
}

/** The visible area's size in screen pixels: what Arrange lays out to. */
export function visibleSize(showMinimap: boolean): { width: number; height: number } | null {
  const pane = paneSize();
  if (!pane) return null;
  const i = overlayInsets(showMinimap);
  return { width: Math.max(1, pane.width - i.left - i.right), height: Math.max(1, pane.height - i.top - i.bottom) };
}

/**
 * The nodes to frame when a crisis opens: all of it (undefined) when it fits the visible area at a
 * readable zoom; otherwise its best-connected crisis node and as many of that node's neighbours,
 * nearest first, as fit at a readable zoom: the story starts at the crisis, the rest a pan away.
 */
export function openingTargets(nodes: readonly GraphNode[], edges: readonly GraphEdge[], visible: { width: number; height: number } | null): string[] | undefined {
  if (nodes.length === 0) return undefined;
  if (visible && fitZoom(nodes, visible) >= READABLE_ZOOM) return undefined;
  const ids = new Set(nodes.map((n) => n.id));
  const degree = new Map<string, number>();
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const crises = nodes.filter((n) => n.kind === 'crisis');
  const pool = crises.length ? crises : nodes;
  const centre = pool.reduce((a, b) => ((degree.get(b.id) ?? 0) > (degree.get(a.id) ?? 0) ? b : a));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const neighbours = new Set<string>();
  for (const e of edges) {
    if (e.source === centre.id && ids.has(e.target)) neighbours.add(e.target);
    if (e.target === centre.id && ids.has(e.source)) neighbours.add(e.source);
  }
  // The nearest neighbours first, as many as still fit at a readable zoom.
  const mid = (n: GraphNode) => ({ x: n.x + n.width / 2, y: n.y + n.height / 2 });
  const distance = (n: GraphNode) => Math.hypot(mid(n).x - mid(centre).x, mid(n).y - mid(centre).y);
  const chosen: GraphNode[] = [centre];
  for (const n of [...neighbours].map((id) => byId.get(id)!).sort((a, b) => distance(a) - distance(b))) {
    if (!visible || fitZoom([...chosen, n], visible) >= READABLE_ZOOM) chosen.push(n);
  }
  return chosen.map((n) => n.id);
}

function fitZoom(nodes: readonly GraphNode[], visible: { width: number; height: number }): number {
  const left = minOf(nodes.map((n) => n.x));
  const top = minOf(nodes.map((n) => n.y));
  const width = maxOf(nodes.map((n) => n.x + n.width)) - left;
  const height = maxOf(nodes.map((n) => n.y + n.height)) - top;
  return Math.min(visible.width / width, visible.height / height);
}
