/**
 * What every importer returns: a whole, validated document, or the first problem with the
 * path or row that caused it. Importers are pure; nothing is written unless the caller
 * receives `ok: true` and chooses to save.
 */
import type { AppErrorShape } from '../errors';
import { oneLine } from '../errors';
import {
  DEFAULT_VIEWPORT,
  ScenarioDocument,
  documentIssues,
  formatPath,
  type Crisis,
} from '../model';

export type ImportResult =
  | { ok: true; document: ScenarioDocument; /** Things left out on purpose, e.g. an edge the rules forbid. */ warnings: string[] }
  | { ok: false; error: AppErrorShape };

export function importFailure(message: string): ImportResult {
  return { ok: false, error: { code: 'IMPORT_INVALID', message: oneLine(message) } };
}

export { emptyDocument, type NewDocumentOptions } from '../model/document';

export function newCrisis(id: string, title: string, order: number): Crisis {
  return { id, title, region: '', summary: '', status: 'draft', viewport: { ...DEFAULT_VIEWPORT }, order };
}

/**
 * The final gate: the schema, then the referential checks. `describe` turns a document path
 * into the place in the source file (a row, a canvas node) so the message points there.
 */
export function finishImport(doc: ScenarioDocument, warnings: string[], describe: (path: (string | number)[]) => string): ImportResult {
  const parsed = ScenarioDocument.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    return importFailure(`${describe(path)}: ${issue.message}`);
  }
  const issues = documentIssues(parsed.data, 1);
  if (issues[0]) return importFailure(`${describe(issues[0].path)}: ${issues[0].message}`);
  return { ok: true, document: parsed.data, warnings };
}

export { formatPath };
