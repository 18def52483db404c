/** Whole-document helpers shared by create and JSON import: the starter scenario and full validation. */
import { AppError } from '../core/errors';
import { DEFAULT_ACTORS, DEFAULT_VIEWPORT, DOCUMENT_FORMAT, DOCUMENT_FORMAT_VERSION, ScenarioDocument, UNMARKED, documentIssues, formatPath, isSoundDocument } from '../core/model';

/** The document a brand-new scenario starts with. */
export function starterDocument(title: string, now: Date = new Date()): ScenarioDocument {
  const at = now.toISOString();
  return {
    format: DOCUMENT_FORMAT,
    formatVersion: DOCUMENT_FORMAT_VERSION,
    scenario: { title, description: '', createdAt: at, modifiedAt: at, coreActorIds: DEFAULT_ACTORS.map((a) => a.id), ...UNMARKED, asOf: null, language: null },
    actors: DEFAULT_ACTORS.map((a) => ({ ...a })),
    crises: [{ id: globalThis.crypto.randomUUID(), title: 'First crisis', region: '', summary: '', status: 'draft', viewport: { ...DEFAULT_VIEWPORT }, order: 0 }],
    nodes: [], edges: [], stances: [], sources: [], provenance: [],
  };
}

/** The first problem the full validation finds (zod, then documentIssues), or the document it accepts (possibly normalised, e.g. trimmed). */
export function examineDocument(input: unknown): { ok: true; document: ScenarioDocument } | { ok: false; path: (string | number)[]; message: string } {
  const parsed = ScenarioDocument.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, path: (issue?.path ?? []) as (string | number)[], message: issue?.message ?? 'invalid value' };
  }
  const issue = documentIssues(parsed.data, 1)[0];
  return issue ? { ok: false, path: issue.path, message: issue.message } : { ok: true, document: parsed.data };
}

/**
 * Validate a whole document: the schema and the referential checks. A document that is sound as
 * given passes the fast check and is returned as is (not copied); anything else goes through the
 * full validation, which normalises it or names the first bad path (INVALID_DATA / IMPORT_INVALID).
 */
export function validateDocument(input: unknown, code: 'INVALID_DATA' | 'IMPORT_INVALID' = 'INVALID_DATA'): ScenarioDocument {
  if (isSoundDocument(input)) return input;
  const examined = examineDocument(input);
  if (examined.ok) return examined.document;
  throw new AppError(code, `${formatPath(examined.path) || '(root)'}: ${examined.message}`);
}
