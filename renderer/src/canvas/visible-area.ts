/**
 * What of the canvas is really visible: the pane less the palette along the top, the zoom
 * controls in the bottom-left corner and the minimap (when shown) in the bottom-right. Fit and
 * opening a crisis frame nodes inside this area only, so nothing lands under an overlay, and
 * Arrange lays out to its shape. Pure geometry apart from reading the pane's size.
 *
 * The controls take a corner, not a strip: a frame may keep clear of them either beside them
 * (the pane less a left strip) or above them (the full width less a bottom band). Opening a
 * crisis too large to read whole frames its crisis node and neighbours the way that reads larger
 * (at 1024×700 with the inspector open, only above them fits trigger, crisis and impact at 0.6).
 */
import type { GraphEdge, GraphNode } from '../../../core/model';
import { READABLE_ZOOM } from '../../../core/layout';
import { boundingBox } from '../../../core/bounds';

const MINIMAP = { width: 170, height: 110, margin: 12 };
export const MINIMAP_STYLE = { width: MINIMAP.width, height: MINIMAP.height } as const;
/** The zoom controls' corner: four 26 px buttons stacked 15 px from the pane's left and bottom. */
const CONTROLS = { right: 56, top: 132 };
const PALETTE_BAND = 64;
const EDGE_MARGIN = 20;

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

type Size = { width: number; height: number };

/** The two ways to keep clear of every overlay: beside the zoom controls, or above them. */
function insetChoices(showMinimap: boolean): [Insets, Insets] {
  const minimap = showMinimap ? MINIMAP.height + 2 * MINIMAP.margin : EDGE_MARGIN;
  return [
    { top: PALETTE_BAND, left: CONTROLS.right, right: EDGE_MARGIN, bottom: minimap },
    { top: PALETTE_BAND, left: EDGE_MARGIN, right: EDGE_MARGIN, bottom: Math.max(CONTROLS.top, minimap) },
  ];
}

const inner = (pane: Size, i: Insets): Size => ({ width: Math.max(1, pane.width - i.left - i.right), height: Math.max(1, pane.height - i.top - i.bottom) });
const zoomToFit = (content: Size, area: Size) => Math.min(area.width / Math.max(1, content.width), area.height / Math.max(1, content.height));

/**
 * The insets beside the zoom controls: what Fit, Arrange and a whole crisis opening use. They keep
 * every box 56 px from the left edge, past React Flow's 40 px auto-pan band, so dragging a
 * connection to a box on the left does not pan the canvas under the pointer.
 */
export function overlayInsets(showMinimap: boolean): Insets {
  return insetChoices(showMinimap)[0];
}

/** The insets that show `content` (flow units) largest in the pane, with the zoom that gives. */
export function framing(content: Size, pane: Size | null, showMinimap: boolean): { insets: Insets; zoom: number } {
  const [beside, above] = insetChoices(showMinimap);
  if (!pane) return { insets: beside, zoom: 1 };
  const zoomBeside = zoomToFit(content, inner(pane, beside));
  const zoomAbove = zoomToFit(content, inner(pane, above));
  return zoomAbove > zoomBeside ? { insets: above, zoom: zoomAbove } : { insets: beside, zoom: zoomBeside };
}

/** React Flow's fitView padding for those insets. */
type Px = `${number}px`;
export function fitPadding(insets: Insets): { top: Px; right: Px; bottom: Px; left: Px } {
  const px = (n: number): Px => `${n}px`;
  return { top: px(insets.top), right: px(insets.right), bottom: px(insets.bottom), left: px(insets.left) };
}

/** The padding that frames `boxes` largest in the pane as it is now, clear of every overlay. */
export function framePadding(boxes: Iterable<GraphNode>, showMinimap: boolean): ReturnType<typeof fitPadding> {
  const bounds = boundingBox(boxes);
  return fitPadding(framing(bounds ?? { width: 1, height: 1 }, paneSize(), showMinimap).insets);
}

/** The pane's size in screen pixels (null before it is laid out). */
export function paneSize(): Size | null {
  const pane = document.querySelector('[data-testid="canvas"] .react-flow')?.getBoundingClientRect();
  return pane && pane.width > 0 && pane.height > 0 ? { width: pane.width, height: pane.height } : null;
}

/** The visible area's size in screen pixels beside the zoom controls: what Arrange lays out to. */
export function visibleSize(showMinimap: boolean): Size | null {
  const pane = paneSize();
  return pane ? inner(pane, insetChoices(showMinimap)[0]) : null;
}

/**
 * The nodes to frame when a crisis opens: all of it (undefined) when it fits the visible area at a
 * readable zoom; otherwise its best-connected crisis node and as many of that node's neighbours
 * as fit at a readable zoom, those in the columns beside it first (its triggers and impacts,
 * then responses further out), so the crisis stands among its causes and effects and the rest is
 * a pan away.
 */
export function openingTargets(nodes: readonly GraphNode[], edges: readonly GraphEdge[], pane: Size | null, showMinimap: boolean): string[] | undefined {
  if (nodes.length === 0) return undefined;
  const readable = (picked: readonly GraphNode[]) => !pane || framing(boundingBox(picked)!, pane, showMinimap).zoom >= READABLE_ZOOM;
  // Whole, it is framed as Fit frames it (beside the controls); its neighbourhood, either way.
  if (pane && zoomToFit(boundingBox(nodes)!, inner(pane, overlayInsets(showMinimap))) >= READABLE_ZOOM) return undefined;
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
  const mid = (n: GraphNode) => ({ x: n.x + n.width / 2, y: n.y + n.height / 2 });
  const across = (n: GraphNode) => Math.abs(mid(n).x - mid(centre).x);
  const along = (n: GraphNode) => Math.abs(mid(n).y - mid(centre).y);
  // Columns first (a node in the next column before one two columns away), then nearest in it.
  const order = [...neighbours].map((id) => byId.get(id)!).sort((a, b) => Math.round(across(a) / centre.width) - Math.round(across(b) / centre.width) || along(a) - along(b));
  const chosen: GraphNode[] = [centre];
  for (const n of order) if (readable([...chosen, n])) chosen.push(n);
  return chosen.map((n) => n.id);
}
