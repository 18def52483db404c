/**
 * The SVG diagram, drawn from `diagramGeometry`. Output is byte-identical for the same
 * input: no dates, no random ids, and element order follows the geometry's stable order.
 * Presentation attributes only (no <style>, no style="…"), so the SVG also works inline
 * under the HTML brief's strict CSP.
 */
import { EDGE_KINDS, type ScenarioDocument } from '../model';
import { diagramGeometry, TYPE, type DiagramGeometry, type EdgeLine, type LegendItem, type NodeBox, type Pill, type TextRun } from './geometry';
import { el, fragment, text, trusted, type Markup } from './markup';
import type { ExportScope } from './scope';
import { num } from './shapes';
import { DIAGRAM_COLORS, EDGE_STYLE, fontStack } from './style';

export interface SvgOptions {
  /** Leave out the XML declaration, for embedding inside HTML. */
  inline?: boolean;
}

export function renderSvg(doc: ScenarioDocument, scope: ExportScope, options: SvgOptions = {}): string {
  return svgFromGeometry(diagramGeometry(doc, scope), options);
}

export function svgFromGeometry(g: DiagramGeometry, options: SvgOptions = {}): string {
  const svg = svgElement(g);
  return options.inline ? svg : fragment([trusted('<?xml version="1.0" encoding="UTF-8"?>\n'), svg, trusted('\n')]);
}

/**
 * The <svg> element alone, as markup for embedding in the HTML brief. `idPrefix` keeps the
 * ids of several diagrams on one page apart.
 */
export function svgElement(g: DiagramGeometry, idPrefix = ''): Markup {
  const markerId = (kind: string): string => `${idPrefix}arrow-${kind}`;
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: g.width,
      height: g.height,
      viewBox: `0 0 ${g.width} ${g.height}`,
      'font-family': fontStack(g.language, 'diagram'),
      role: 'img',
      'aria-labelledby': `${idPrefix}diagram-title`,
    },
    el('title', { id: `${idPrefix}diagram-title` }, text(g.title.text)),
    el('defs', {}, EDGE_KINDS.map((kind) => arrowMarker(kind, markerId(kind)))),
    el('rect', { x: 0, y: 0, width: g.width, height: g.height, fill: DIAGRAM_COLORS.background }),
    g.marking ? [markingBand(g, g.marking.top, 'Handling marking'), markingBand(g, g.marking.bottom, null)] : [],
    titleText(g),
    el('g', { 'aria-label': 'Legend' }, g.legend.map(legendItem)),
    el('g', { 'aria-label': 'Crises' }, g.sections.map((s) =>
      el('g', {},
        el('text', { x: s.text.x, y: s.text.y, 'font-size': TYPE.section, 'font-weight': 'bold', fill: DIAGRAM_COLORS.sectionTitle }, text(s.text.text)),
        el('line', { x1: s.text.x, y1: s.ruleY, x2: g.width - s.text.x, y2: s.ruleY, stroke: DIAGRAM_COLORS.sectionRule, 'stroke-width': 1 }),
      ),
    )),
    el('g', { 'aria-label': 'Edges' }, g.edges.map((e) => edgeMarkup(e, markerId(e.edge.kind)))),
    el('g', { 'aria-label': 'Nodes' }, g.nodes.map(nodeMarkup)),
  );
}


export function titleText(g: DiagramGeometry): Markup {
  return el('text', { x: g.title.x, y: g.title.y, 'font-size': TYPE.title, 'font-weight': 'bold', fill: DIAGRAM_COLORS.title }, text(g.title.text));
}

/** The marking, bold and centred on a band: the top one is labelled, the bottom one repeats it. */
export function markingBand(g: DiagramGeometry, run: TextRun, label: string | null): Markup {
  const band = g.marking!.band;
  return el(
    'g',
    { 'data-marking': label ? 'top' : 'bottom', 'aria-label': label, 'aria-hidden': label ? null : 'true' },
    el('rect', { x: 0, y: num(run.y + 10 - band), width: g.width, height: band, fill: DIAGRAM_COLORS.markingFill }),
    el('text', { x: num(run.x), y: num(run.y), 'font-size': TYPE.marking, 'font-weight': 'bold', 'letter-spacing': 0.6, 'text-anchor': 'middle', fill: DIAGRAM_COLORS.markingText }, text(run.text)),
  );
}

function arrowMarker(kind: (typeof EDGE_KINDS)[number], id: string): Markup {
  return el(
    'marker',
    { id, viewBox: '0 0 10 8', refX: 10, refY: 4, markerWidth: 10, markerHeight: 8, markerUnits: 'userSpaceOnUse', orient: 'auto' },
    el('path', { d: 'M0 0L10 4L0 8Z', fill: EDGE_STYLE[kind].stroke }),
  );
}

export function legendItem(item: LegendItem): Markup {
  const label = el('text', { x: item.label.x, y: item.label.y, 'font-size': TYPE.legend, fill: DIAGRAM_COLORS.muted }, text(item.label.text));
  if (item.type === 'badge') return fragment([pill(item.pill), label]);
  if (item.type === 'node') {
    return fragment([el('path', { d: item.outline, fill: item.style.fill, stroke: item.style.stroke, 'stroke-width': item.style.strokeWidth }), label]);
  }
  return fragment([
    el('line', { x1: item.x1, y1: item.y1, x2: item.x2, y2: item.y2, stroke: item.style.stroke, 'stroke-width': 1.5, 'stroke-dasharray': item.style.dash || null }),
    label,
  ]);
}

function edgeMarkup(e: EdgeLine, marker: string): Markup {
  const kind = e.edge.kind;
  const parts: Markup[] = [
    el('line', {
      x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2,
      stroke: e.style.stroke,
      'stroke-width': 1.5,
      'stroke-dasharray': e.style.dash || null,
      'marker-end': `url(#${marker})`,
    }),
  ];
  if (e.label) {
    parts.push(
      el('rect', { x: num(e.label.x - e.label.width / 2), y: num(e.label.y - TYPE.edgeLabel), width: e.label.width, height: TYPE.edgeLabel + 5, rx: 3, fill: DIAGRAM_COLORS.labelHalo, 'fill-opacity': 0.85 }),
      el('text', { x: e.label.x, y: e.label.y, 'font-size': TYPE.edgeLabel, 'text-anchor': 'middle', fill: e.style.stroke }, text(e.label.text)),
    );
  }
  return el('g', { 'data-edge': e.edge.id, 'data-kind': kind }, el('title', {}, text(e.edge.label || e.style.label)), parts);
}

function pill(p: Pill): Markup {
  return el(
    'g',
    { 'data-basis': p.basis },
    el('rect', { x: num(p.x), y: num(p.y), width: p.width, height: p.height, rx: 7.5, fill: p.fill, stroke: p.stroke, 'stroke-width': p.stroke ? 1.2 : null, 'stroke-dasharray': p.stroke && p.dash ? p.dash : null }),
    el('text', { x: num(p.x + p.width / 2), y: num(p.y + 11), 'font-size': TYPE.badge, 'font-weight': 'bold', 'text-anchor': 'middle', fill: p.textColor }, text(p.text)),
  );
}

function nodeMarkup(b: NodeBox): Markup {
  const s = b.style;
  const parts: Markup[] = [
    el('title', {}, text(b.fullTitle)),
    el('path', { d: b.outline, fill: s.fill, stroke: s.stroke, 'stroke-width': s.strokeWidth }),
    el('text', { x: num(b.kindLabel.x), y: num(b.kindLabel.y), 'font-size': TYPE.kind, 'letter-spacing': 0.8, fill: s.stroke }, text(b.kindLabel.text)),
    el(
      'text',
      { 'font-size': TYPE.nodeTitle, fill: s.text, 'font-weight': b.node.kind === 'crisis' ? 'bold' : null },
      b.titleLines.map((line) => el('tspan', { x: num(line.x), y: num(line.y) }, text(line.text))),
    ),
  ];
  if (b.badge) parts.push(pill(b.badge));
  if (b.leadChip) parts.push(pill(b.leadChip));
  if (b.status) {
    parts.push(el('text', { x: num(b.status.x), y: num(b.status.y), 'font-size': TYPE.badge, 'text-anchor': 'end', fill: s.text }, text(b.status.text)));
  }
  return el('g', { 'data-node': b.node.id, 'data-kind': b.node.kind }, parts);
}
