/**
 * The PDF brief: a document a planner can hand over without the app. A cover (title, marking,
 * date, author, who the brief leaves out), a contents page with page numbers and links, then
 * for each crisis its diagram on a page of its own and the brief's blocks (brief-blocks.ts, the
 * same as the Markdown and HTML briefs), and the sources at the end. Every page carries the
 * handling marking at its top and bottom and its page number. Text is real, embedded text
 * (searchable, copyable; CJK with a CJK font from fonts.ts), and the document is tagged.
 *
 * Laid out twice: the first pass learns on which page each crisis starts, the second writes
 * the contents with those numbers (the contents take the same space in both passes). Output
 * is deterministic: fixed document dates, from which pdfkit also derives the file id.
 */
import PDFDocument from 'pdfkit';
import { markingBanner, type ExportHeader } from '../../core/export/audience';
import { briefBlocks, briefContents, briefIntro, type BriefBlock } from '../../core/export/brief-blocks';
import { briefData, type BriefData } from '../../core/export/brief-data';
import { diagramGeometry } from '../../core/export/geometry';
import { crisisScope, type ExportScope } from '../../core/export/scope';
import { documentLanguage, type ScenarioDocument } from '../../core/model';
import { findPdfFonts, type PdfFonts } from './fonts';
import { BAND_PT, drawDiagram, PAPER_PT, pageLayout, type Paper } from './pdf';
import { INK, PdfWriter, SIZE } from './pdf-writer';

export interface PdfBriefOptions {
  paper: Paper;
  fonts?: PdfFonts;
  onProgress?: (fraction: number) => void;
}

const FIXED_DATE = new Date('2000-01-01T00:00:00Z');
const MARGINS = { top: 58, bottom: 58, left: 56, right: 56 };
const PROGRESS_STEP = 100;

export async function renderPdfBrief(doc: ScenarioDocument, scope: ExportScope, header: ExportHeader, options: PdfBriefOptions): Promise<Uint8Array> {
  const brief = briefData(doc, scope, header);
  const blocks = briefBlocks(brief);
  const fonts = options.fonts ?? findPdfFonts(process.env, documentLanguage(doc));
  const first = await layout(doc, scope, brief, blocks, fonts, options.paper, null);
  options.onProgress?.(0.2);
  const second = await layout(doc, scope, brief, blocks, fonts, options.paper, first.headingPages, (f) => options.onProgress?.(0.2 + f * 0.8));
  return second.bytes;
}

async function layout(
  doc: ScenarioDocument,
  scope: ExportScope,
  brief: BriefData,
  blocks: BriefBlock[],
  fonts: PdfFonts,
  paper: Paper,
  pages: ReadonlyMap<string, number> | null,
  onProgress?: (fraction: number) => void,
): Promise<{ bytes: Uint8Array; headingPages: Map<string, number> }> {
  const [long, short] = PAPER_PT[paper === 'fit' ? 'a4' : paper];
  const marking = markingBanner(brief.header.marking);
  const pdf = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    tagged: true,
    lang: 'en',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: brief.title,
      // pdfkit derives the file id from every entry, so absent ones are left out, not undefined.
      ...(brief.author.trim() ? { Author: brief.author.trim() } : {}),
      ...(marking ? { Keywords: marking } : {}),
      Subject: marking ? `${marking} — crisis brief` : 'Crisis brief',
      Creator: 'Scenario Workbench',
      Producer: 'Scenario Workbench',
      CreationDate: FIXED_DATE,
      ModDate: FIXED_DATE,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  registerFonts(pdf, fonts);
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const w = new PdfWriter(pdf, fonts, root, { size: [short, long], margins: MARGINS });

  cover(w, brief);
  contents(w, briefContents(blocks), pages);
  for (const [i, block] of blocks.entries()) {
    // Every so often let the event loop run, so progress reaches the window while a big brief lays out.
    if (i % PROGRESS_STEP === 0) {
      if (pages) onProgress?.(i / blocks.length);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    w.block(block, blocks[i + 1], (crisisId, title) => {
      w.drawnDiagrams.add(crisisId);
      const g = diagramGeometry(doc, crisisScope(doc, scope, crisisId));
      const page = pageLayout(g, paper, BAND_PT);
      pdf.addPage({ size: page.size, margins: { top: BAND_PT, bottom: BAND_PT, left: 0, right: 0 } });
      // The first pass only needs to know that the diagram takes a page.
      if (!pages) return;
      const figure = pdf.struct('Figure', { alt: `Diagram of ${title}: ${g.nodes.length} elements and ${g.edges.length} links, as listed under Elements.` });
      root.add(figure);
      figure.add(() => {
        pdf.save();
        pdf.translate(page.offset[0], page.offset[1]).scale(page.scale);
        pdf.font('body');
        drawDiagram(pdf, g, (s) => w.t(s));
        pdf.restore();
      });
      figure.end();
    });
  }
  decoratePages(w, marking);
  root.end();
  pdf.end();
  return { bytes: await done, headingPages: w.headingPages };
}

function registerFonts(pdf: InstanceType<typeof PDFDocument>, fonts: PdfFonts): void {
  for (const [name, font] of [['body', fonts.regular], ['bold', fonts.bold]] as const) {
    if (font.family) pdf.registerFont(name, font.src, font.family);
    else pdf.registerFont(name, font.src);
  }
  pdf.font('body');
}

function cover(w: PdfWriter, brief: BriefData): void {
  const { pdf } = w;
  w.newTextPage();
  const intro = briefIntro(brief);
  pdf.y = 150;
  for (const [i, line] of brief.header.marking.entries()) {
    w.para(i === 0 ? 'P' : 'P', line, 'bold', i === 0 ? 18 : 12, INK.text, 0.2);
  }
  if (brief.header.marking.length) pdf.moveDown(1.5);
  w.para('H1', brief.title, 'bold', SIZE.h1, INK.text, 0.6);
  w.para('P', 'Crisis brief', 'regular', SIZE.h3, INK.muted, 1);
  const crises = brief.sections.map((s) => s.graph.crisis.title);
  w.para('P', `${crises.length === 1 ? 'Crisis' : `Crises (${crises.length})`}: ${crises.join('; ') || 'none'}`, 'regular', SIZE.body);
  for (const fact of intro.facts) w.para('P', fact, 'regular', SIZE.body);
  pdf.moveDown(1);
  for (const line of intro.audience) w.para('P', line, 'bold', SIZE.body, INK.contradicts);
  if (brief.description.trim()) {
    pdf.moveDown(1);
    w.para('P', brief.description, 'regular', SIZE.body);
  }
}

/** The contents page; on the first pass the page numbers are not known yet and show as "…". */
function contents(w: PdfWriter, entries: { text: string; id: string }[], pages: ReadonlyMap<string, number> | null): void {
  const { pdf } = w;
  w.newTextPage();
  w.para('H2', 'Contents', 'bold', SIZE.h2, INK.text, 0.6);
  const toc = pdf.struct('TOC');
  w.root.add(toc);
  for (const entry of entries) {
    const page = pages?.get(entry.id);
    w.ensure(SIZE.body * 2);
    const y = pdf.y;
    toc.add(
      pdf.struct('TOCI', {}, () => {
        w.style('regular', SIZE.body);
        const number = page === undefined ? '…' : String(page);
        pdf.text(w.t(entry.text), w.left, y, { width: w.width - 40, goTo: page === undefined ? undefined : entry.id, continued: false });
        const after = pdf.y;
        pdf.text(number, w.left + w.width - 36, y, { width: 36, align: 'right', lineBreak: false });
        pdf.y = after;
      }),
    );
    pdf.moveDown(0.3);
  }
  toc.end();
}

/** The marking at the top and bottom of every page, and "page n of N", as pagination artifacts. */
function decoratePages(w: PdfWriter, marking: string): void {
  const { pdf } = w;
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const page = pdf.page;
    const margins = page.margins;
    // Writing inside the margins would make pdfkit start a new page; lift them while drawing.
    page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    pdf.markContent('Artifact', { type: 'Pagination' });
    if (marking) {
      w.style('bold', 9.5, '#111111');
      const text = w.t(marking);
      const x = Math.max(12, (page.width - pdf.widthOfString(text)) / 2);
      pdf.text(text, x, 16, { lineBreak: false });
      pdf.text(text, x, page.height - 28, { lineBreak: false });
    }
    w.style('regular', 8, INK.muted);
    const number = `Page ${i + 1} of ${range.count}`;
    pdf.text(number, page.width - 24 - pdf.widthOfString(number), page.height - 28, { lineBreak: false });
    pdf.endMarkedContent();
    page.margins = margins;
  }
}
