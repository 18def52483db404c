/**
 * The export and import entry points the CLI and the app's IPC call. Formats are produced by
 * the pure exporters in core/export (text) and by resvg and pdfkit here (PNG, PDF); JSON is
 * the lossless format from db/.
 */
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
import { exportFormat } from '../../core/formats';
import type { ScenarioDocument } from '../../core/model';
import { exportDocumentJson } from '../../db';
import { renderPdfBrief } from './pdf-brief';
import { pngZoom, renderPng } from './png';

export { importDocument, type ImportOptions, type ImportOutcome } from '../import/document';
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

