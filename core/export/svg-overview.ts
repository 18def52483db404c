/**
 * The diagram as an overview: every box in its shape and colour and every line, with no text
 * on the boxes. A PNG of a very large crisis is scaled down until a node title would be a few
 * pixels high; its labels could not be read anyway, and drawn one element each they make an
 * SVG too large for the rasteriser (resvg refuses an SVG of some millions of elements: a
 * 200,000-node crisis). Here each kind of box is one path and each kind of line another, so
 * the size of the drawing no longer depends on how many elements it holds. The title, the
 * legend and the handling marking are drawn as in the full diagram.
 */
import { EDGE_KINDS, NODE_KINDS } from '../model';
import { TYPE, type DiagramGeometry } from './geometry';
import { el, fragment, trusted, type Markup } from './markup';
import { num } from './shapes';
import { DIAGRAM_COLORS, EDGE_STYLE, FONT_STACK, KIND_STYLE } from './style';
import { legendItem, markingBand, titleText } from './svg';

/** Below this many pixels a node title cannot be read: the PNG is drawn as an overview. */
export const MIN_LEGIBLE_TEXT_PX = 4;

/** Whether node titles drawn at `zoom` could be read; if not, draw the overview instead. */
export const titlesLegibleAt = (zoom: number): boolean => TYPE.nodeTitle * zoom >= MIN_LEGIBLE_TEXT_PX;

export function svgOverviewFromGeometry(g: DiagramGeometry): string {
  const boxes = NODE_KINDS.map((kind) => {
    const style = KIND_STYLE[kind];
    const d = g.nodes.filter((b) => b.node.kind === kind).map((b) => b.outline).join('');
    return d ? el('path', { 'data-kind': kind, d, fill: style.fill, stroke: style.stroke, 'stroke-width': style.strokeWidth }) : fragment([]);
  });
  const lines = EDGE_KINDS.map((kind) => {
    const style = EDGE_STYLE[kind];
    const mine = g.edges.filter((e) => e.edge.kind === kind);
    if (mine.length === 0) return fragment([]);
    const d = mine.map((e) => `M${num(e.x1)} ${num(e.y1)}L${num(e.x2)} ${num(e.y2)}`).join('');
    const heads = mine.map((e) => `M${e.arrow.map(([x, y]) => `${num(x)} ${num(y)}`).join('L')}Z`).join('');
    return fragment([
      el('path', { 'data-kind': kind, d, fill: 'none', stroke: style.stroke, 'stroke-width': 1.5, 'stroke-dasharray': style.dash || null }),
      el('path', { d: heads, fill: style.stroke }),
    ]);
  });
  const svg = el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width: g.width, height: g.height, viewBox: `0 0 ${g.width} ${g.height}`, 'font-family': FONT_STACK },
    el('rect', { x: 0, y: 0, width: g.width, height: g.height, fill: DIAGRAM_COLORS.background }),
    g.marking ? [markingBand(g, g.marking.top, 'Handling marking'), markingBand(g, g.marking.bottom, null)] : [],
    titleText(g),
    el('g', {}, g.legend.map(legendItem)),
    el('g', {}, g.sections.map((s) => el('line', { x1: s.text.x, y1: s.ruleY, x2: g.width - s.text.x, y2: s.ruleY, stroke: DIAGRAM_COLORS.sectionRule, 'stroke-width': 1 }))),
    el('g', {}, lines),
    el('g', {}, boxes),
  );
  return fragment([trusted('<?xml version="1.0" encoding="UTF-8"?>\n'), svg as Markup, trusted('\n')]);
}
