/**
 * The export and import entry points the CLI and the app's IPC call. Formats are produced by
 * the pure exporters in core/export (text) and by resvg and pdfkit here (PNG, PDF); JSON is
 * the lossless format from db/.
 */
import { AppError, oneLine, type AppErrorShape } from '../../core/errors';
import {
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
} from '../../core/export';
import type { ExportOptions } from '../../core/contract';
import { exportFormat, type ImportFormat } from '../../core/formats';
import { importCanvas, importCsv } from '../../core/import';
import type { NodeKind, ScenarioDocument } from '../../core/model';
import { exportDocumentJson, parseDocumentJson } from '../../db';
import { renderPdf } from './pdf';
import { renderPng } from './png';

export { EXPORT_FORMATS, IMPORT_FORMATS, importFormatOf, type ExportFormat, type ImportFormat } from '../../core/formats';
export type { ExportOptions } from '../../core/contract';

export interface ExportedFile {
  bytes: Uint8Array;
  extension: string;
  mime: string;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * One export. Throws AppError('NOT_FOUND') when the scope names a crisis the document lacks.
 * `onProgress` receives fractions from 0 to 1; only PNG and PDF report steps in between.
 */
export async function exportDocument(doc: ScenarioDocument, options: ExportOptions, onProgress?: (fraction: number) => void): Promise<ExportedFile> {
  const { scope } = options;
  if (scope.kind === 'crisis' && !doc.crises.some((c) => c.id === scope.crisisId)) {
    throw new AppError('NOT_FOUND', `No crisis with id "${scope.crisisId}" in this scenario.`);
  }
  onProgress?.(0);
  const bytes = await render(doc, options, onProgress);
  onProgress?.(1);
  const { extension, mime } = exportFormat(options.format);
  return { bytes, extension, mime };
}

async function render(doc: ScenarioDocument, options: ExportOptions, onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  const { scope } = options;
  switch (options.format) {
    case 'svg':
      return utf8(svgFromGeometry(diagramGeometry(doc, scope)));
    case 'png': {
      const g = diagramGeometry(doc, scope);
      const svg = svgFromGeometry(g);
      onProgress?.(0.3);
      return (await renderPng(svg, g, options.scale ?? 1)).bytes;
    }
    case 'pdf': {
      const g = diagramGeometry(doc, scope);
      onProgress?.(0.1);
      return renderPdf(g, g.title.text, { paper: options.paper ?? 'fit', onProgress: onProgress && ((f) => onProgress(0.1 + f * 0.8)) });
    }
    case 'json':
      return utf8(exportDocumentJson(scopedDocument(doc, scope)));
    case 'csv': {
      const text = renderCsv(doc, scope, { bom: options.bom ?? false });
      return utf8(text);
    }
    case 'md':
      return utf8(renderMarkdownBrief(doc, scope));
    case 'html':
      return utf8(renderHtmlBrief(doc, scope));
    case 'mermaid':
      return utf8(renderMermaid(doc, scope));
    case 'dot':
      return utf8(renderDot(doc, scope));
    case 'graphml':
      return utf8(renderGraphml(doc, scope));
    case 'canvas':
      return utf8(renderCanvas(doc, scope));
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
