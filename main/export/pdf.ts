/**
 * PDF: the same diagram geometry as the SVG, drawn as vectors with pdfkit, followed by a
 * node index that lists every title in full (boxes truncate long titles, and an index is
 * what a printed brief needs anyway). Text is real text, so it can be selected and searched.
 * Output is deterministic: fixed document dates, and pdfkit derives its file id from them.
 */
import PDFDocument from 'pdfkit';
import type { DiagramGeometry, NodeBox, EdgeLine, LegendItem } from '../../core/export/geometry';
import { TYPE } from '../../core/export/geometry';
import { DIAGRAM_COLORS } from '../../core/export/style';
import { findPdfFont, toWinAnsi, type PdfFont } from './fonts';

export type { Paper } from '../../core/formats';
import type { Paper } from '../../core/formats';

export interface PdfOptions {
  paper?: Paper;
  font?: PdfFont;
  onProgress?: (fraction: number) => void;
}

/** 1 CSS px = 0.75 pt. */
const PT_PER_PX = 0.75;
/** Acrobat's page-size limit (200 in). */
const MAX_PAGE_PT = 14_400;
const MARGIN_PT = 24;
const PAPER_PT: Record<Exclude<Paper, 'fit'>, [number, number]> = { a4: [841.89, 595.28], letter: [792, 612] };
const FIXED_DATE = new Date('2000-01-01T00:00:00Z');
const PROGRESS_STEP = 250;

type Doc = InstanceType<typeof PDFDocument>;

export function pageLayout(g: Pick<DiagramGeometry, 'width' | 'height'>, paper: Paper): { size: [number, number]; scale: number; offset: [number, number] } {
  if (paper === 'fit') {
    const scale = Math.min(PT_PER_PX, (MAX_PAGE_PT - MARGIN_PT * 2) / g.width, (MAX_PAGE_PT - MARGIN_PT * 2) / g.height);
    return { size: [g.width * scale + MARGIN_PT * 2, g.height * scale + MARGIN_PT * 2], scale, offset: [MARGIN_PT, MARGIN_PT] };
  }
  const [w, h] = PAPER_PT[paper];
  const scale = Math.min(PT_PER_PX, (w - MARGIN_PT * 2) / g.width, (h - MARGIN_PT * 2) / g.height);
  return { size: [w, h], scale, offset: [(w - g.width * scale) / 2, (h - g.height * scale) / 2] };
}

export async function renderPdf(g: DiagramGeometry, title: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const paper = options.paper ?? 'fit';
  const font = options.font ?? findPdfFont();
  const layout = pageLayout(g, paper);
  const doc = new PDFDocument({
    size: layout.size,
    margin: 0,
    autoFirstPage: true,
    compress: true,
    info: { Title: prepare(title, font), Creator: 'Scenario Workbench', Producer: 'Scenario Workbench', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  if (font.family) doc.font(font.src, font.family);
  else doc.font(font.src);
  const text = (s: string): string => prepare(s, font);

  doc.save();
  doc.translate(layout.offset[0], layout.offset[1]).scale(layout.scale);
  await drawDiagram(doc, g, text, options.onProgress);
  doc.restore();
  drawIndex(doc, g, paper, text);
  doc.end();
  return done;
}

function prepare(s: string, font: PdfFont): string {
  return font.embedded ? s : toWinAnsi(s);
}

/** Draw `s` with its baseline at y (pdfkit positions text by its top). */
function textAt(doc: Doc, s: string, x: number, baseline: number, size: number, color: string, anchor: 'start' | 'middle' | 'end' = 'start'): void {
  if (!s) return;
  doc.fontSize(size).fillColor(color);
  const width = anchor === 'start' ? 0 : doc.widthOfString(s);
  const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
  doc.text(s, left, baseline - size * 0.8, { lineBreak: false });
}

/** Yields to the event loop every few hundred nodes, so progress reaches the window while a large PDF draws. */
async function drawDiagram(doc: Doc, g: DiagramGeometry, text: (s: string) => string, onProgress?: (f: number) => void): Promise<void> {
  textAt(doc, text(g.title.text), g.title.x, g.title.y, TYPE.title, DIAGRAM_COLORS.title);
  g.legend.forEach((item) => drawLegendItem(doc, item, text));
  for (const s of g.sections) {
    textAt(doc, text(s.text.text), s.text.x, s.text.y, TYPE.section, DIAGRAM_COLORS.sectionTitle);
    doc.moveTo(s.text.x, s.ruleY).lineTo(g.width - s.text.x, s.ruleY).lineWidth(1).strokeColor(DIAGRAM_COLORS.sectionRule).stroke();
  }
  g.edges.forEach((e) => drawEdge(doc, e, text));
  const total = g.nodes.length;
  for (let i = 0; i < total; i++) {
    drawNode(doc, g.nodes[i]!, text);
    if (i % PROGRESS_STEP === PROGRESS_STEP - 1) {
      onProgress?.((i + 1) / total);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

function drawLegendItem(doc: Doc, item: LegendItem, text: (s: string) => string): void {
  if (item.type === 'node') {
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

function drawNode(doc: Doc, b: NodeBox, text: (s: string) => string): void {
  const s = b.style;
  doc.path(b.outline).lineWidth(s.strokeWidth).fillAndStroke(s.fill, s.stroke);
  textAt(doc, b.kindLabel.text, b.kindLabel.x, b.kindLabel.y, TYPE.kind, s.stroke);
  for (const line of b.titleLines) textAt(doc, text(line.text), line.x, line.y, TYPE.nodeTitle, s.text);
  for (const p of [b.badge, b.leadChip]) {
    if (!p) continue;
    doc.roundedRect(p.x, p.y, p.width, p.height, 7.5).lineWidth(1).fillAndStroke(p.fill, p.stroke ?? p.fill);
    textAt(doc, text(p.text), p.x + p.width / 2, p.y + 11, TYPE.badge, p.textColor, 'middle');
  }
  if (b.status) textAt(doc, text(b.status.text), b.status.x, b.status.y, TYPE.badge, s.text, 'end');
}

/** Every node's full title, grouped by crisis, flowing over as many pages as it needs. */
function drawIndex(doc: Doc, g: DiagramGeometry, paper: Paper, text: (s: string) => string): void {
  if (g.nodes.length === 0) return;
  const size: [number, number] = paper === 'fit' ? [595.28, 841.89] : PAPER_PT[paper];
  doc.addPage({ size, margin: 48 });
  doc.fillColor(DIAGRAM_COLORS.title).fontSize(16).text(text(`Node index: ${g.title.text}`));
  doc.moveDown(0.5);
  let crisisId: string | null = null;
  for (const b of g.nodes) {
    if (b.node.crisisId !== crisisId) {
      crisisId = b.node.crisisId;
      const header = g.sections.find((s) => s.crisis.id === crisisId);
      doc.moveDown(0.5).fillColor(DIAGRAM_COLORS.sectionTitle).fontSize(12).text(text(header ? header.text.text : crisisId));
    }
    doc.fillColor(b.style.stroke).fontSize(9).text(`${b.style.label}: `, { continued: true });
    doc.fillColor(DIAGRAM_COLORS.title).text(text(b.fullTitle));
  }
}
