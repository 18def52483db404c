/** Whole-document helpers shared by create and JSON import: the starter scenario and full validation. */
import { AppError } from '../core/errors';
import { DEFAULT_ACTORS, DEFAULT_VIEWPORT, DOCUMENT_FORMAT, DOCUMENT_FORMAT_VERSION, ScenarioDocument, documentIssues, formatPath } from '../core/model';

/** The document a brand-new scenario starts with. */
export function starterDocument(title: string, now: Date = new Date()): ScenarioDocument {
  const at = now.toISOString();
  return {
    format: DOCUMENT_FORMAT,
    formatVersion: DOCUMENT_FORMAT_VERSION,
    scenario: { title, description: '', createdAt: at, modifiedAt: at, coreActorIds: DEFAULT_ACTORS.map((a) => a.id) },
    actors: DEFAULT_ACTORS.map((a) => ({ ...a })),
    crises: [{ id: globalThis.crypto.randomUUID(), title: 'First crisis', region: '', summary: '', status: 'draft', viewport: { ...DEFAULT_VIEWPORT }, order: 0 }],
    nodes: [], edges: [], stances: [], sources: [], provenance: [],
  };
}

/** Validate a whole document with the schema and the referential checks; INVALID_DATA names the first bad path. */
export function validateDocument(input: unknown, code: 'INVALID_DATA' | 'IMPORT_INVALID' = 'INVALID_DATA'): ScenarioDocument {
  const parsed = ScenarioDocument.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(code, `${issue ? formatPath(issue.path as (string | number)[]) || '(root)' : '(root)'}: ${issue?.message ?? 'invalid value'}`);
  }
  const issue = documentIssues(parsed.data, 1)[0];
  if (issue) throw new AppError(code, `${formatPath(issue.path)}: ${issue.message}`);
  return parsed.data;
}

