/**
 * A diagram drawn into a PDF with pdfkit: the same geometry as the SVG, as vectors, with real
 * text that can be selected and searched. The PDF brief (pdf-brief.ts) puts one on a page of
 * its own for each crisis.
 */
import type PDFDocument from 'pdfkit';
import type { DiagramGeometry, NodeBox, EdgeLine, LegendItem, Pill } from '../../core/export/geometry';
import { TYPE } from '../../core/export/geometry';
import { DIAGRAM_COLORS } from '../../core/export/style';
import { toWinAnsi, type PdfFont } from './fonts';

export type { Paper } from '../../core/formats';
import type { Paper } from '../../core/formats';


/** 1 CSS px = 0.75 pt. */
const PT_PER_PX = 0.75;
/** Acrobat's page-size limit (200 in). */
const MAX_PAGE_PT = 14_400;
const MARGIN_PT = 24;
/** Every brief page keeps this much above and below for the marking and the page number. */
export const BAND_PT = 40;
/** Landscape sizes; the brief's text pages use them turned to portrait. */
export const PAPER_PT: Record<Exclude<Paper, 'fit'>, [number, number]> = { a4: [841.89, 595.28], letter: [792, 612] };

export type Doc = InstanceType<typeof PDFDocument>;

/**
 * The page a diagram gets: `fit` sizes the page to the diagram (1 px = 0.75 pt, scaled down
 * past the 14,400 pt page-size limit); A4 and Letter are landscape, the diagram scaled to fit
 * and centred. `band` is kept free above and below it (for the marking and the page number).
 */
export function pageLayout(g: Pick<DiagramGeometry, 'width' | 'height'>, paper: Paper, band = MARGIN_PT): { size: [number, number]; scale: number; offset: [number, number] } {
  if (paper === 'fit') {
    const scale = Math.min(PT_PER_PX, (MAX_PAGE_PT - MARGIN_PT * 2) / g.width, (MAX_PAGE_PT - band * 2) / g.height);
    return { size: [g.width * scale + MARGIN_PT * 2, g.height * scale + band * 2], scale, offset: [MARGIN_PT, band] };
  }
  const [w, h] = PAPER_PT[paper];
  const scale = Math.min(PT_PER_PX, (w - MARGIN_PT * 2) / g.width, (h - band * 2) / g.height);
  return { size: [w, h], scale, offset: [(w - g.width * scale) / 2, (h - g.height * scale) / 2] };
}

export function prepare(s: string, font: PdfFont): string {
  return font.embedded ? s : toWinAnsi(s);
}

/** Draw `s` with its baseline at y (pdfkit positions text by its top). */
function textAt(doc: Doc, s: string, x: number, baseline: number, size: number, color: string, anchor: 'start' | 'middle' | 'end' = 'start'): void {
  if (!s) return;
  doc.fontSize(size).fillColor(color);
  const width = anchor === 'start' ? 0 : doc.widthOfString(s);
  const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
  // Positioned by the baseline itself, as SVG does, whatever the font's ascender (CJK fonts' is tall).
  doc.text(s, left, baseline, { lineBreak: false, baseline: 'alphabetic' });
}

/**
 * Draw the whole diagram at the current transform, synchronously: the brief wraps it in one
 * tagged Figure, which must open and close around all of it. The brief yields between diagrams.
 */
export function drawDiagram(doc: Doc, g: DiagramGeometry, text: (s: string) => string): void {
  textAt(doc, text(g.title.text), g.title.x, g.title.y, TYPE.title, DIAGRAM_COLORS.title);
  g.legend.forEach((item) => drawLegendItem(doc, item, text));
  for (const s of g.sections) {
    textAt(doc, text(s.text.text), s.text.x, s.text.y, TYPE.section, DIAGRAM_COLORS.sectionTitle);
    doc.moveTo(s.text.x, s.ruleY).lineTo(g.width - s.text.x, s.ruleY).lineWidth(1).strokeColor(DIAGRAM_COLORS.sectionRule).stroke();
  }
  g.edges.forEach((e) => drawEdge(doc, e, text));
  g.nodes.forEach((b) => drawNode(doc, b, text));
}

function drawLegendItem(doc: Doc, item: LegendItem, text: (s: string) => string): void {
  if (item.type === 'badge') {
    drawPill(doc, item.pill, text);
  } else if (item.type === 'node') {
    doc.path(item.outline).lineWidth(item.style.strokeWidth).fillAndStroke(item.style.fill, item.style.stroke);
  } else {
    stroked(doc, item.style.dash, () => doc.moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(1.5).strokeColor(item.style.stroke).stroke());
  }
  textAt(doc, text(item.label.text), item.label.x, item.label.y, TYPE.legend, DIAGRAM_COLORS.muted);
}

function stroked(doc: Doc, dash: string, draw: () => void): void {
  const [on, off] = dash.split(' ').map(Number);
  if (on && off) doc.dash(on, { space: off });
  draw();
  doc.undash();
}

function drawEdge(doc: Doc, e: EdgeLine, text: (s: string) => string): void {
  stroked(doc, e.style.dash, () => doc.moveTo(e.x1, e.y1).lineTo(e.x2, e.y2).lineWidth(1.5).strokeColor(e.style.stroke).stroke());
  doc.polygon(...e.arrow).fill(e.style.stroke);
  if (e.label) {
    doc.roundedRect(e.label.x - e.label.width / 2, e.label.y - TYPE.edgeLabel, e.label.width, TYPE.edgeLabel + 5, 3).fillOpacity(0.85).fill(DIAGRAM_COLORS.labelHalo);
    doc.fillOpacity(1);
    textAt(doc, text(e.label.text), e.label.x, e.label.y, TYPE.edgeLabel, e.style.stroke, 'middle');
  }
}

/** A badge or chip: its outline dotted when the value rests on no source, as in the SVG. */
function drawPill(doc: Doc, p: Pill, text: (s: string) => string): void {
  doc.roundedRect(p.x, p.y, p.width, p.height, 7.5).fill(p.fill);
  if (p.stroke) stroked(doc, p.dash, () => doc.roundedRect(p.x, p.y, p.width, p.height, 7.5).lineWidth(1.2).strokeColor(p.stroke!).stroke());
  textAt(doc, text(p.text), p.x + p.width / 2, p.y + 11, TYPE.badge, p.textColor, 'middle');
}

function drawNode(doc: Doc, b: NodeBox, text: (s: string) => string): void {
  const s = b.style;
  doc.path(b.outline).lineWidth(s.strokeWidth).fillAndStroke(s.fill, s.stroke);
  textAt(doc, b.kindLabel.text, b.kindLabel.x, b.kindLabel.y, TYPE.kind, s.stroke);
  for (const line of b.titleLines) textAt(doc, text(line.text), line.x, line.y, TYPE.nodeTitle, s.text);
  for (const p of [b.badge, b.leadChip]) if (p) drawPill(doc, p, text);
  if (b.status) textAt(doc, text(b.status.text), b.status.x, b.status.y, TYPE.badge, s.text, 'end');
}
