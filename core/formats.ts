/**
 * The export and import formats, declared once. The IPC contract builds its request schemas
 * from these tables; main/export takes each file's extension and MIME type from them; the
 * native dialogs take their filters, the native menu its File ▸ Export items, the export and
 * import dialogs their choices and the options they show, and the CLI its --format values.
 * Adding a format (or an option) here is the whole declaration; the compiler then asks for
 * its renderer in main/export and nothing else.
 */
import { z } from 'zod';
import { ExportAudience, Marking, MarkingCaveat } from './model/handling';

/** Paper for the PDF brief: A4 or Letter text pages, diagrams on landscape pages of that paper; `fit` gives each diagram a page of its own size. */
export const PAPERS = ['fit', 'a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

/**
 * Every export option, with its schema. Each is optional in a request; a format lists the
 * options that apply to it, and the rest are ignored by its renderer.
 */
export const EXPORT_OPTIONS = {
  /** PNG: pixels per CSS pixel. */
  scale: z.union([z.literal(1), z.literal(2)]).optional(),
  /** CSV: start with a UTF-8 byte-order mark (for Excel). */
  bom: z.boolean().optional(),
  /** PDF: the page size. */
  paper: z.enum(PAPERS).optional(),
  /** Every format: who the export is cut for (which actors' stances, notes, report-only); absent: everyone, everything. */
  audience: ExportAudience.optional(),
  /** Every format: a marking and caveat that replace the scenario's for this export (the CLI's --marking, --caveat); a marking is never removed. */
  marking: z.strictObject({ marking: Marking.optional(), caveat: MarkingCaveat.optional() }).optional(),
};
export type ExportOptionName = keyof typeof EXPORT_OPTIONS;

export interface ExportFormatInfo {
  /** The file extension written, without the dot. */
  extension: string;
  mime: string;
  /** What the export dialog calls it (the extension is added there). */
  label: string;
  /** The item under File ▸ Export in the native menu. */
  menuLabel: string;
  /** The options this format reads. */
  options: readonly ExportOptionName[];
}

/** Options every format reads: the audience cut and the marking (docs/export-formats.md, "Handling and audience"). */
const EVERY_FORMAT = ['audience', 'marking'] as const;

/** In the order the menu and the export dialog list them. */
export const EXPORT_FORMAT_TABLE = {
  pdf: { extension: 'pdf', mime: 'application/pdf', label: 'PDF document', menuLabel: 'PDF…', options: ['paper', ...EVERY_FORMAT] },
  png: { extension: 'png', mime: 'image/png', label: 'PNG image', menuLabel: 'PNG Image…', options: ['scale', ...EVERY_FORMAT] },
  svg: { extension: 'svg', mime: 'image/svg+xml', label: 'SVG image', menuLabel: 'SVG Image…', options: [...EVERY_FORMAT] },
  html: { extension: 'html', mime: 'text/html; charset=utf-8', label: 'HTML brief, one file', menuLabel: 'HTML Brief…', options: [...EVERY_FORMAT] },
  md: { extension: 'md', mime: 'text/markdown; charset=utf-8', label: 'Markdown brief', menuLabel: 'Markdown Brief…', options: [...EVERY_FORMAT] },
  csv: { extension: 'csv', mime: 'text/csv; charset=utf-8', label: 'CSV nodes and edges, for spreadsheets', menuLabel: 'CSV…', options: ['bom', ...EVERY_FORMAT] },
  json: { extension: 'json', mime: 'application/json', label: 'Scenario JSON, lossless', menuLabel: 'JSON…', options: [...EVERY_FORMAT] },
  graphml: { extension: 'graphml', mime: 'application/graphml+xml', label: 'GraphML, for yEd', menuLabel: 'GraphML (yEd)…', options: [...EVERY_FORMAT] },
  canvas: { extension: 'canvas', mime: 'application/json', label: 'JSON Canvas, for Obsidian', menuLabel: 'JSON Canvas (Obsidian)…', options: [...EVERY_FORMAT] },
  mermaid: { extension: 'mmd', mime: 'text/vnd.mermaid; charset=utf-8', label: 'Mermaid flowchart', menuLabel: 'Mermaid…', options: [...EVERY_FORMAT] },
  dot: { extension: 'dot', mime: 'text/vnd.graphviz; charset=utf-8', label: 'Graphviz DOT', menuLabel: 'Graphviz DOT…', options: [...EVERY_FORMAT] },
} as const satisfies Record<string, ExportFormatInfo>;

export type ExportFormat = keyof typeof EXPORT_FORMAT_TABLE;
export const EXPORT_FORMATS = Object.keys(EXPORT_FORMAT_TABLE) as [ExportFormat, ...ExportFormat[]];
export const ExportFormat = z.enum(EXPORT_FORMATS);

export const exportFormat = (format: ExportFormat): ExportFormatInfo => EXPORT_FORMAT_TABLE[format];

export interface ImportFormatInfo {
  /** Extensions the open dialog offers; the first is the one the format is recognised by. */
  extensions: readonly string[];
  label: string;
  /** One line on what the import makes of the file. */
  note: string;
}

export const IMPORT_FORMAT_TABLE = {
  json: { extensions: ['json'], label: 'Scenario JSON', note: 'A whole scenario as this app exports it: nothing is lost.' },
  canvas: {
    extensions: ['canvas', 'json'],
    label: 'JSON Canvas, from Obsidian and others',
    note: 'Text cards become elements and arrows become connections; groups become crises.',
  },
  csv: { extensions: ['csv'], label: 'CSV nodes and edges', note: 'One row per element (and per connection), with a kind column, as this app exports it.' },
} as const satisfies Record<string, ImportFormatInfo>;

export type ImportFormat = keyof typeof IMPORT_FORMAT_TABLE;
export const IMPORT_FORMATS = Object.keys(IMPORT_FORMAT_TABLE) as [ImportFormat, ...ImportFormat[]];
export const ImportFormat = z.enum(IMPORT_FORMATS);

export const importFormat = (format: ImportFormat): ImportFormatInfo => IMPORT_FORMAT_TABLE[format];

/** The import format a file name implies by its extension (`.json`, `.canvas`, `.csv`), or null. */
export function importFormatOf(fileName: string): ImportFormat | null {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return IMPORT_FORMATS.find((format) => IMPORT_FORMAT_TABLE[format].extensions[0] === ext) ?? null;
}
