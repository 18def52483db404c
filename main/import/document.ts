/**
 * Turning the text of an import source into a validated scenario document, in every format
 * core/formats.ts lists. Pure of I/O, so it runs unchanged in the import worker (worker.ts);
 * it imports nothing heavier than the parsers, which keeps the worker quick to start.
 */
import { oneLine, type AppErrorShape } from '../../core/errors';
import type { ImportFormat } from '../../core/formats';
import { importCanvas, importCsv } from '../../core/import';
import type { NodeKind, ScenarioDocument } from '../../core/model';
import { parseDocumentJson } from '../../db/json';

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
