/**
 * The diagram laid out once, in diagram units (1 unit = 1 CSS px): where every box, line,
 * label, badge, section header and legend item goes. The SVG and PDF exporters only draw
 * what this computes, so the two cannot drift apart.
 */
import { documentLanguage, EDGE_KINDS, NODE_KINDS, SOURCED_BASES, type Actor, type Basis, type CjkLanguage, type Crisis, type GraphEdge, type GraphNode, type ScenarioDocument } from '../model';
import { boundingBox } from '../bounds';
import { anchorPoint, edgeRoute, ROUTE_SIDES } from '../layout/edge-route';
import { num, shapeOutline, textInset, type Rect } from './shapes';
import { scopedGraph, scopeTitle, type ExportScope } from './scope';
import { BASIS_STYLE, DIAGRAM_COLORS, EDGE_STYLE, KIND_STYLE, type EdgeStyle, type KindStyle } from './style';
import { oneLineText, textWidthEm, truncate, wrapText } from './text';

export const TYPE = {
  title: 22,
  section: 16,
  nodeTitle: 13,
  kind: 9,
  badge: 10,
  edgeLabel: 11,
  legend: 12,
  lineHeight: 16,
  marking: 13,
} as const;

const MARGIN = 32;
const BADGE_WIDTH = 26;
const SECTION_HEADER = 40;
const SECTION_GAP = 48;
const LEGEND_TOP = 60;
/** Two rows: node and edge kinds, then what a solid or dotted badge means. */
const LEGEND_HEIGHT = 50;
const LEGEND_ROW = 22;
const EDGE_LABEL_MAX = 48;
/** Height of the handling-marking band printed at the top and the bottom of a marked diagram. */
const MARKING_BAND = 30;

export interface TextRun {
  text: string;
  x: number;
  y: number;
}

export interface Pill extends Rect {
  text: string;
  fill: string;
  /** Outline for a pill on a light fill; null when the fill itself stands out. */
  stroke: string | null;
  /** Dash pattern of the outline ('' solid): dotted when the value rests on no source (BASIS_STYLE). */
  dash: string;
  /** The basis of the value the pill shows, when it shows one. */
  basis: Basis | null;
  textColor: string;
}

export interface NodeBox extends Rect {
  node: GraphNode;
  style: KindStyle;
  outline: string;
  kindLabel: TextRun;
  titleLines: TextRun[];
  /** The full title, for tooltips and accessible names when the box shows only part of it. */
  fullTitle: string;
  titleTruncated: boolean;
  /** Likelihood (triggers, crises) or severity (impacts). */
  badge: Pill | null;
  /** The lead actor's code on a response. */
  leadChip: Pill | null;
  status: TextRun | null;
}

export interface EdgeLine {
  edge: GraphEdge;
  style: EdgeStyle;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The arrowhead as a closed triangle, tip first, for drawers without markers (PDF). */
  arrow: [number, number][];
  label: (TextRun & { width: number }) | null;
}

export interface SectionHeader {
  crisis: Crisis;
  text: TextRun;
  ruleY: number;
  empty: boolean;
}

export type LegendItem =
  | { type: 'node'; outline: string; style: KindStyle; label: TextRun }
  | { type: 'edge'; style: EdgeStyle; x1: number; y1: number; x2: number; y2: number; label: TextRun }
  | { type: 'badge'; pill: Pill; label: TextRun };

/** The handling marking, centred in a band at the top and again at the bottom. */
export interface MarkingBands {
  text: string;
  band: number;
  top: TextRun;
  bottom: TextRun;
}

export interface DiagramGeometry {
  width: number;
  height: number;
  marking: MarkingBands | null;
  title: TextRun;
  legend: LegendItem[];
  sections: SectionHeader[];
  nodes: NodeBox[];
  edges: EdgeLine[];
  /** The scenario's CJK language, which puts its font first (style.ts fontStack). */
  language: CjkLanguage | null;
}

export interface GeometryOptions {
  /** The handling marking as one line ('' or absent: unmarked). */
  marking?: string;
}

/**
 * Lay out the scoped part of `doc`. Crises are stacked one below another, each under its title;
 * a marked diagram has its marking in a band above and below everything else.
 */
export function diagramGeometry(doc: ScenarioDocument, scope: ExportScope, options: GeometryOptions = {}): DiagramGeometry {
  const scoped = scopedGraph(doc, scope);
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const titleText = truncate(oneLineText(scopeTitle(doc, scoped, scope)), 160);
  const markingText = truncate(oneLineText(options.marking ?? ''), 300);
  const band = markingText ? MARKING_BAND : 0;
  const legend = legendItems(band);
  let width = Math.max(MARGIN * 2 + textWidthEm(titleText) * TYPE.title, legendWidth(legend) + MARGIN, MARGIN * 2 + textWidthEm(markingText) * TYPE.marking * 1.1);
  let top = band + LEGEND_TOP + LEGEND_HEIGHT + 24;
  const sections: SectionHeader[] = [];
  const nodes: NodeBox[] = [];
  const edges: EdgeLine[] = [];
  for (const section of scoped.sections) {
    const headerText = truncate(oneLineText(section.crisis.title), 160);
    sections.push({
      crisis: section.crisis,
      text: { text: headerText, x: MARGIN, y: top + TYPE.section },
      ruleY: top + TYPE.section + 10,
      empty: section.nodes.length === 0,
    });
    width = Math.max(width, MARGIN * 2 + textWidthEm(headerText) * TYPE.section);
    const bounds = boundingBox(section.nodes) ?? { x: 0, y: 0, width: 0, height: 0 };
    const dx = MARGIN - bounds.x;
    const dy = top + SECTION_HEADER - bounds.y;
    const boxes = new Map<string, NodeBox>();
    for (const node of section.nodes) {
      const box = nodeBox(node, node.x + dx, node.y + dy, actors);
      boxes.set(node.id, box);
      nodes.push(box);
    }
    for (const edge of section.edges) {
      const from = boxes.get(edge.source);
      const to = boxes.get(edge.target);
      if (from && to) edges.push(edgeLine(edge, from, to));
    }
    const contentHeight = bounds.height;
    width = Math.max(width, bounds.width + MARGIN * 2);
    top += SECTION_HEADER + contentHeight + SECTION_GAP;
  }
  const height = Math.ceil(top - SECTION_GAP + MARGIN + band);
  const centre = Math.ceil(width) / 2;
  return {
    width: Math.ceil(width),
    height,
    marking: markingText
      ? { text: markingText, band, top: { text: markingText, x: centre, y: band - 10 }, bottom: { text: markingText, x: centre, y: height - 10 } }
      : null,
    title: { text: titleText, x: MARGIN, y: band + 38 },
    legend,
    sections,
    nodes,
    edges,
    language: documentLanguage(doc),
  };
}

function nodeBox(node: GraphNode, x: number, y: number, actors: Map<string, Actor>): NodeBox {
  const style = KIND_STYLE[node.kind];
  const rect = { x, y, width: node.width, height: node.height };
  const inset = textInset(style.shape, rect);
  const bottomRow = node.kind === 'response' && node.height >= 56 ? 20 : 0;
  const firstBaseline = 30;
  const maxLines = Math.max(1, Math.floor((node.height - bottomRow - 8 - firstBaseline) / TYPE.lineHeight) + 1);
  const score = node.kind === 'impact' ? node.severity : node.likelihood;
  const badgeText = score === null ? null : `${node.kind === 'impact' ? 'S' : 'L'}${score}`;
  const scoreBasis = (node.kind === 'impact' ? node.basis.severity : node.basis.likelihood) ?? null;
  // The first title line rises into the badge's band (CJK faces have tall ascents), so it stops short of the badge.
  const lineEm = Math.max(1, (node.width - inset * 2) / TYPE.nodeTitle);
  const firstLineEm = badgeText ? Math.max(1, lineEm - (BADGE_WIDTH + 4) / TYPE.nodeTitle) : lineEm;
  const wrapped = wrapText(node.title, lineEm, maxLines, firstLineEm);
  const titleLines = wrapped.lines.map((text, i) => ({ text, x: x + inset, y: y + firstBaseline + i * TYPE.lineHeight }));
  const badge: Pill | null = badgeText
    ? { text: badgeText, x: x + node.width - inset - BADGE_WIDTH, y: y + 6, width: BADGE_WIDTH, height: 15, fill: DIAGRAM_COLORS.badgeFill, stroke: BASIS_STYLE.outline, dash: basisDash(scoreBasis), basis: scoreBasis, textColor: style.text }
    : null;
  let leadChip: Pill | null = null;
  let status: TextRun | null = null;
  if (bottomRow) {
    const lead = node.leadActorId ? actors.get(node.leadActorId) : undefined;
    const chipText = lead ? truncate(oneLineText(lead.code), 12) : 'no lead';
    const chipWidth = Math.ceil(textWidthEm(chipText) * TYPE.badge + 12);
    const leadBasis = lead ? (node.basis.leadActorId ?? null) : null;
    leadChip = {
      text: chipText,
      x: x + inset,
      y: y + node.height - 22,
      width: chipWidth,
      height: 15,
      fill: lead ? lead.color : '#8a909c',
      // A lead resting on no source gets the dotted outline; a sourced one or none needs no outline.
      stroke: lead && basisDash(leadBasis) ? BASIS_STYLE.outline : null,
      dash: lead ? basisDash(leadBasis) : '',
      basis: leadBasis,
      textColor: '#ffffff',
    };
    if (node.responseStatus) status = { text: node.responseStatus, x: x + node.width - inset, y: y + node.height - 11 };
  }
  return {
    ...rect,
    node,
    style,
    outline: shapeOutline(style.shape, rect),
    kindLabel: { text: style.label.toUpperCase(), x: x + inset, y: y + 16 },
    titleLines,
    fullTitle: oneLineText(node.title),
    titleTruncated: wrapped.truncated,
    badge,
    leadChip,
    status,
  };
}

/** An edge from the side of `from` to the side of `to` that the canvas uses too (layout/edge-route.ts). */
function edgeLine(edge: GraphEdge, from: Rect, to: Rect): EdgeLine {
  const sides = ROUTE_SIDES[edgeRoute(from, to)];
  const start = anchorPoint(from, sides.source);
  const end = anchorPoint(to, sides.target);
  const angle = Math.atan2(end.y - start.y, end.x - start.x);
  const back = (d: number, side: number): [number, number] => [
    round(end.x - Math.cos(angle) * d - Math.sin(angle) * side),
    round(end.y - Math.sin(angle) * d + Math.cos(angle) * side),
  ];
  const labelText = truncate(oneLineText(edge.label), EDGE_LABEL_MAX);
  return {
    edge,
    style: EDGE_STYLE[edge.kind],
    x1: round(start.x),
    y1: round(start.y),
    x2: round(end.x),
    y2: round(end.y),
    arrow: [[round(end.x), round(end.y)], back(10, 4), back(10, -4)],
    label: labelText
      ? { text: labelText, x: round((start.x + end.x) / 2), y: round((start.y + end.y) / 2 + 4), width: Math.ceil(textWidthEm(labelText) * TYPE.edgeLabel + 8) }
      : null,
  };
}

const round = (v: number): number => Number(num(v));

/** Solid for a value a source grounds, dotted for one resting on an assumption, a planner or nothing recorded. */
function basisDash(basis: Basis | null): string {
  return basis !== null && SOURCED_BASES.includes(basis) ? BASIS_STYLE.sourced.dash : BASIS_STYLE.unsourced.dash;
}

function legendItems(offset: number): LegendItem[] {
  const items: LegendItem[] = [];
  let x = MARGIN;
  const y = offset + LEGEND_TOP;
  for (const kind of NODE_KINDS) {
    const style = KIND_STYLE[kind];
    items.push({ type: 'node', style, outline: shapeOutline(style.shape, { x, y, width: 34, height: 20 }), label: { text: style.label, x: x + 40, y: y + 14 } });
    x += 40 + Math.ceil(textWidthEm(style.label) * TYPE.legend) + 20;
  }
  for (const kind of EDGE_KINDS) {
    const style = EDGE_STYLE[kind];
    items.push({ type: 'edge', style, x1: x, y1: y + 10, x2: x + 34, y2: y + 10, label: { text: style.label, x: x + 40, y: y + 14 } });
    x += 40 + Math.ceil(textWidthEm(style.label) * TYPE.legend) + 20;
  }
  x = MARGIN;
  for (const [basis, look] of [['report', BASIS_STYLE.sourced], ['assumption', BASIS_STYLE.unsourced]] as const) {
    const pill: Pill = { text: 'L3', x, y: y + LEGEND_ROW + 3, width: 26, height: 15, fill: DIAGRAM_COLORS.badgeFill, stroke: BASIS_STYLE.outline, dash: look.dash, basis, textColor: DIAGRAM_COLORS.title };
    items.push({ type: 'badge', pill, label: { text: look.label, x: x + 32, y: y + LEGEND_ROW + 14 } });
    x += 32 + Math.ceil(textWidthEm(look.label) * TYPE.legend) + 20;
  }
  return items;
}

function legendWidth(items: LegendItem[]): number {
  return items.reduce((w, item) => Math.max(w, item.label.x + textWidthEm(item.label.text) * TYPE.legend), 0);
}
