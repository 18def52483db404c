/**
 * The export and import entry points the CLI and the app's IPC call. Formats are produced by
 * the pure exporters in core/export (text) and by resvg and pdfkit here (PNG, PDF); JSON is
 * the lossless format from db/.
 */
import { oneLine, type AppErrorShape } from '../../core/errors';
import {
  checkScope,
  diagramGeometry,
  renderCanvas,
  renderCsv,
  renderDot,
  renderGraphml,
  renderHtmlBrief,
  renderMarkdownBrief,
  renderMermaid,
  scopedDocument,
  svgFromGeometry,
  svgOverviewFromGeometry,
  titlesLegibleAt,
} from '../../core/export';
import type { ExportOptions } from '../../core/contract';
import { cutForAudience, markingBanner, type ExportHeader } from '../../core/export/audience';
import { exportFormat, type ImportFormat } from '../../core/formats';
import { importCanvas, importCsv } from '../../core/import';
import type { NodeKind, ScenarioDocument } from '../../core/model';
import { exportDocumentJson, parseDocumentJson } from '../../db';
import { renderPdfBrief } from './pdf-brief';
import { pngZoom, renderPng } from './png';

export { EXPORT_FORMATS, IMPORT_FORMATS, importFormatOf, type ExportFormat, type ImportFormat } from '../../core/formats';
export type { ExportOptions } from '../../core/contract';

export interface ExportedFile {
  bytes: Uint8Array;
  extension: string;
  mime: string;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * One export. Throws AppError('NOT_FOUND') when the scope names what the document lacks (checkScope).
 * `onProgress` receives fractions from 0 to 1; only PNG and PDF report steps in between.
 * The document is first cut for the audience (`options.audience`); every format then carries
 * the marking (the scenario's, or `options.marking` in its place: changed, never removed).
 */
export async function exportDocument(doc: ScenarioDocument, options: ExportOptions, onProgress?: (fraction: number) => void): Promise<ExportedFile> {
  checkScope(doc, options.scope);
  onProgress?.(0);
  const cut = cutForAudience(doc, options.audience, options.marking);
  const bytes = await render(cut.doc, cut.header, options, onProgress);
  onProgress?.(1);
  const { extension, mime } = exportFormat(options.format);
  return { bytes, extension, mime };
}

async function render(doc: ScenarioDocument, header: ExportHeader, options: ExportOptions, onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  const { scope } = options;
  const marking = markingBanner(header.marking);
  switch (options.format) {
    case 'svg':
      return utf8(svgFromGeometry(diagramGeometry(doc, scope, { marking })));
    case 'png': {
      const g = diagramGeometry(doc, scope, { marking });
      const scale = options.scale ?? 1;
      // Scaled down so far that no title could be read: draw the overview (boxes and lines only).
      const svg = titlesLegibleAt(pngZoom(g.width, g.height, scale)) ? svgFromGeometry(g) : svgOverviewFromGeometry(g);
      onProgress?.(0.3);
      return (await renderPng(svg, g, scale)).bytes;
    }
    case 'pdf':
      return renderPdfBrief(doc, scope, header, { paper: options.paper ?? 'a4', onProgress });
    case 'json':
      return utf8(exportDocumentJson(scopedDocument(doc, scope)));
    case 'csv': {
      const leftOut = new Set(header.leftOut.map((a) => a.id));
      return utf8(renderCsv(doc, scope, { bom: options.bom ?? false, marking, leftOut }));
    }
    case 'md':
      return utf8(renderMarkdownBrief(doc, scope, header));
    case 'html':
      return utf8(renderHtmlBrief(doc, scope, header));
    case 'mermaid':
      return utf8(renderMermaid(doc, scope, marking));
    case 'dot':
      return utf8(renderDot(doc, scope, marking));
    case 'graphml':
      return utf8(renderGraphml(doc, scope, marking));
    case 'canvas':
      return utf8(renderCanvas(doc, scope, marking));
  }
}

export interface ImportOptions {
  format: ImportFormat;
  /** JSON Canvas: the kind text nodes become (default: by our preset colours, else trigger). */
  kind?: NodeKind;
  /** Canvas and CSV: the new scenario's title. */
  title?: string;
  /** Canvas: the crisis for text nodes outside any group. */
  crisisTitle?: string;
  /** Creation time for the new scenario; defaults to now. */
  now?: string;
}

export type ImportOutcome = { ok: true; document: ScenarioDocument; warnings: string[] } | { ok: false; error: AppErrorShape };

/**
 * Parse and validate; nothing is written. The caller saves `document` only on `ok: true`.
 * A leading byte-order mark (Excel and some editors write one) is ignored in every format.
 */
export function importDocument(input: string, options: ImportOptions): ImportOutcome {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  try {
    switch (options.format) {
      case 'json': {
        const parsed = parseDocumentJson(text);
        return parsed.ok ? { ok: true, document: parsed.document, warnings: [] } : parsed;
      }
      case 'canvas':
        return importCanvas(text, { kind: options.kind, title: options.title, crisisTitle: options.crisisTitle, now: options.now });
      case 'csv':
        return importCsv(text, { title: options.title, now: options.now });
    }
  } catch (err) {
    // Importers return failures as values; anything thrown is a bug, reported without a stack.
    return { ok: false, error: { code: 'INTERNAL', message: oneLine(err instanceof Error ? err.message : String(err)) } };
  }
}
