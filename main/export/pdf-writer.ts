/**
 * Flowing the brief's blocks onto PDF pages with pdfkit: headings, paragraphs, lists, tables,
 * element entries and quotes, each tagged in the structure tree (H2, P, L, Table, BlockQuote,
 * Figure) so screen readers get the reading order and the roles. Pages break between rows
 * and before a heading that would sit alone at a page's foot.
 */
import type PDFDocument from 'pdfkit';
import { maxOf } from '../../core/arrays';
import type { BriefBlock, TableCell } from '../../core/export/brief-blocks';
import { quoteLead } from '../../core/export/brief-text';
import type { ProvenanceRelation } from '../../core/model';
import type { PdfFonts } from './fonts';
import { prepare } from './pdf';

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;

export const SIZE = { h1: 24, h2: 17, h3: 12.5, h4: 10.5, body: 10, small: 8.5 } as const;
export const INK = { text: '#1d2330', muted: '#5b6270', rule: '#c9ced8', head: '#eef0f4', quote: '#8a909c', contradicts: '#b3261e' } as const;
const POSITION_FILL: Record<string, string> = { agree: '#d7f2e1', disagree: '#fbdcd8', uncertain: '#fdf0cf' };
const CELL_PAD = 4;

export class PdfWriter {
  /** The page (1-based) each level-2 heading landed on, by block id. */
  readonly headingPages = new Map<string, number>();
  /** Crises whose diagram page is already drawn. */
  readonly drawnDiagrams = new Set<string>();

  constructor(
    readonly pdf: Doc,
    readonly fonts: PdfFonts,
    readonly root: Struct,
    readonly textPage: { size: [number, number]; margins: { top: number; bottom: number; left: number; right: number } },
  ) {}

  /** Text the chosen font can draw: as is when the font is embedded, Windows-1252 otherwise. */
  t(s: string): string {
    return prepare(s, this.fonts.regular);
  }

  get pageNumber(): number {
    const range = this.pdf.bufferedPageRange();
    return range.start + range.count;
  }

  get width(): number {
    return this.pdf.page.width - this.pdf.page.margins.left - this.pdf.page.margins.right;
  }

  get left(): number {
    return this.pdf.page.margins.left;
  }

  newTextPage(): void {
    this.pdf.addPage({ size: this.textPage.size, margins: this.textPage.margins });
  }

  /** A new text page unless `space` points still fit on this one (or this page is not a text page). */
  ensure(space: number): void {
    const page = this.pdf.page;
    const isTextPage = page.width === this.textPage.size[0] && page.height === this.textPage.size[1] && page.margins.top === this.textPage.margins.top;
    if (!isTextPage || this.pdf.y + space > page.maxY()) this.newTextPage();
  }

  style(font: 'regular' | 'bold', size: number, color: string = INK.text): this {
    this.pdf.font(font === 'bold' ? 'bold' : 'body').fontSize(size).fillColor(color);
    return this;
  }

  /** A tagged run of text at the cursor, flowing over pages as needed. */
  para(tag: string, text: string, font: 'regular' | 'bold', size: number, color: string = INK.text, gap = 0.45): void {
    if (!text) return;
    this.style(font, size, color);
    this.root.add(this.pdf.struct(tag, {}, () => this.pdf.text(this.t(text), this.left, this.pdf.y, { width: this.width })));
    this.pdf.moveDown(gap);
  }

  list(items: string[], size: number = SIZE.body): void {
    if (items.length === 0) return;
    this.style('regular', size);
    this.ensure(size * 2);
    this.pdf.list(items.map((i) => this.t(i)), this.left, this.pdf.y, { width: this.width, bulletRadius: 1.6, bulletIndent: 2, textIndent: 10, structParent: this.root });
    this.pdf.moveDown(0.5);
  }

  /**
   * One block. A level-2 heading starts a crisis (or the sources): when its diagram follows,
   * the crisis opens with the diagram page, which the contents and the bookmarks point to.
   */
  block(b: BriefBlock, next: BriefBlock | undefined, drawDiagram: (crisisId: string, title: string) => void): void {
    switch (b.type) {
      case 'heading':
        if (b.level === 2) {
          const opensWithDiagram = next?.type === 'diagram';
          if (opensWithDiagram) drawDiagram(next.crisisId, next.title);
          else this.newTextPage();
          this.headingPages.set(b.id, this.pageNumber);
          this.pdf.addNamedDestination(b.id);
          this.pdf.outline.addItem(this.t(b.text));
          if (opensWithDiagram) this.newTextPage();
          this.para('H2', b.text, 'bold', SIZE.h2, INK.text, 0.3);
        } else {
          // Keep a heading with what follows it: room for it and a few lines or table rows.
          this.ensure(SIZE.h3 * 9);
          this.pdf.moveDown(0.4);
          this.para('H3', b.text, 'bold', SIZE.h3, INK.text, 0.3);
        }
        return;
      case 'paragraph':
        this.ensure(SIZE.body * 2);
        this.para('P', b.text, 'regular', SIZE.body, b.muted ? INK.muted : INK.text);
        return;
      case 'list':
        this.list(b.items);
        return;
      case 'table':
        this.table(b.head, b.rows, b.weights);
        return;
      case 'entry':
        this.ensure(SIZE.h4 * 4);
        this.para('H4', `${b.kind}: ${b.title}`, 'bold', SIZE.h4, INK.text, 0.15);
        this.para('P', b.facts.join(' · '), 'regular', SIZE.small, INK.muted, 0.2);
        this.para('P', b.description, 'regular', SIZE.body, INK.text, 0.2);
        this.list(b.links, SIZE.small);
        this.pdf.moveDown(0.2);
        return;
      case 'quote':
        this.quote(b.text, b.attribution, b.relation);
        return;
      case 'diagram':
        // Drawn with its heading; a diagram with no heading before it gets its page here.
        if (this.drawnDiagrams.has(b.crisisId)) return;
        drawDiagram(b.crisisId, b.title);
        return;
    }
  }

  private quote(text: string, attribution: string, relation: ProvenanceRelation): void {
    const indent = 14;
    const width = this.width - indent;
    const contradicts = relation === 'contradicts';
    const body = this.t(`${quoteLead(relation)}${text}`);
    this.style('regular', SIZE.body);
    this.ensure(Math.min(this.pdf.heightOfString(body, { width }), 200) + SIZE.small * 3);
    const top = this.pdf.y;
    const page = this.pageNumber;
    this.root.add(
      this.pdf.struct('BlockQuote', {}, () => {
        this.style('regular', SIZE.body, contradicts ? INK.contradicts : INK.text);
        this.pdf.text(body, this.left + indent, this.pdf.y, { width });
        this.style('regular', SIZE.small, INK.muted);
        this.pdf.text(this.t(`— ${attribution}`), this.left + indent, this.pdf.y + 2, { width });
      }),
    );
    if (this.pageNumber === page) {
      this.artifact(() => this.pdf.moveTo(this.left + 3, top).lineTo(this.left + 3, this.pdf.y).lineWidth(2).strokeColor(contradicts ? INK.contradicts : INK.quote).stroke());
    }
    this.pdf.moveDown(0.6);
  }

  /** Decoration that is not content: marked as an artifact so screen readers skip it. */
  artifact(draw: () => void): void {
    this.pdf.markContent('Artifact', { type: 'Layout' });
    draw();
    this.pdf.endMarkedContent();
  }

  private columnWidths(count: number, weights?: number[]): number[] {
    const w = this.width;
    if (weights && weights.length === count) {
      const total = weights.reduce((a, b) => a + b, 0);
      return weights.map((x) => (x / total) * w);
    }
    const first = Math.max(w * 0.34, w - (count - 1) * 62);
    const rest = (w - first) / Math.max(1, count - 1);
    return [first, ...Array.from({ length: count - 1 }, () => rest)];
  }

  private table(head: string[], rows: TableCell[][], weights?: number[]): void {
    const widths = this.columnWidths(head.length, weights);
    const table = this.pdf.struct('Table');
    this.root.add(table);
    const heightOf = (cells: TableCell[], font: 'regular' | 'bold'): number => {
      this.style(font, SIZE.small);
      return maxOf(cells.map((c, i) => this.pdf.heightOfString(this.t(c.text) || ' ', { width: widths[i]! - CELL_PAD * 2 })), 0) + CELL_PAD * 2;
    };
    const headCells = head.map((text) => ({ text }));
    const headHeight = heightOf(headCells, 'bold');
    this.ensure(headHeight * 3);
    this.row(table, headCells, widths, headHeight, true);
    for (const cells of rows) {
      const height = heightOf(cells, 'regular');
      if (this.pdf.y + height > this.pdf.page.maxY()) {
        this.newTextPage();
        this.row(table, headCells, widths, headHeight, true);
      }
      this.row(table, cells, widths, height, false);
    }
    table.end();
    this.pdf.x = this.left;
    this.pdf.moveDown(0.6);
  }

  private row(table: Struct, cells: TableCell[], widths: number[], height: number, header: boolean): void {
    const top = this.pdf.y;
    let x = this.left;
    const tr = this.pdf.struct('TR');
    table.add(tr);
    cells.forEach((cell, i) => {
      const w = widths[i]!;
      const fill = header ? INK.head : cell.position ? POSITION_FILL[cell.position] : undefined;
      const at = x;
      this.artifact(() => {
        if (fill) this.pdf.rect(at, top, w, height).fill(fill);
        this.pdf.rect(at, top, w, height).lineWidth(0.5).strokeColor(INK.rule).stroke();
      });
      tr.add(
        this.pdf.struct(header ? 'TH' : 'TD', {}, () => {
          this.style(header ? 'bold' : 'regular', SIZE.small, cell.position === 'unknown' ? INK.muted : INK.text);
          this.pdf.text(this.t(cell.text) || ' ', at + CELL_PAD, top + CELL_PAD, { width: w - CELL_PAD * 2 });
        }),
      );
      x += w;
    });
    tr.end();
    this.pdf.y = top + height;
  }
}
