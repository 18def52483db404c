/**
 * Reading a whole scenario (load) and its summary (info) through the prepared statements.
 *
 * load() trusts nothing it reads. The open-time quick_check vouches for the file's structure;
 * the rows themselves are checked here, every one, against the same rules an import must pass
 * (the zod schemas and the referential checks, through the fast isSoundDocument). So a row
 * that was planted or altered by another tool is refused with its table and id, whether the
 * file was opened for editing or read-only.
 */
import { AppError } from '../core/errors';
import { DOCUMENT_FORMAT, DOCUMENT_FORMAT_VERSION, formatPath, isSoundDocument, type Actor, type ScenarioDocument, type Source } from '../core/model';
import { examineDocument } from './validate-document';
import { nodeFromCells } from './node-columns';
import { crisisFromRow, edgeFromCells, provenanceFromCells, scenarioFromRow, stanceFromCells, type CrisisRow, type ScenarioRow } from './rows';
import type { Statements } from './statements';

const ROW_NAMES: Record<string, string> = {
  actors: 'actor', crises: 'crisis', nodes: 'node', edges: 'edge', stances: 'stance', sources: 'source', provenance: 'provenance record',
};

export function loadDocument(s: Statements): ScenarioDocument {
  const scenarioRow = s.scenarioGet.get() as ScenarioRow | undefined;
  if (!scenarioRow) throw damaged('it has no scenario record');
  const cells = (rows: unknown[][], build: (r: unknown[]) => unknown): unknown[] => {
    const out = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = build(rows[i]!);
    return out;
  };
  const stances = s.stanceAll.all() as unknown[][];
  for (const [actorId, elementId, position, note] of stances) {
    // The store drops "unknown, no note" rather than keeping it (a CHECK constraint says so too).
    if (position === 'unknown' && note === '') throw damaged(`the stance of actor "${String(actorId)}" on "${String(elementId)}" is empty`);
  }
  const candidate = {
    format: DOCUMENT_FORMAT,
    formatVersion: DOCUMENT_FORMAT_VERSION,
    scenario: scenarioFromRow(scenarioRow),
    actors: s.actorAll.all() as Actor[],
    crises: (s.crisisAll.all() as CrisisRow[]).map(crisisFromRow),
    nodes: cells(s.nodeAll.all() as unknown[][], nodeFromCells),
    edges: cells(s.edgeAll.all() as unknown[][], edgeFromCells),
    stances: cells(stances, stanceFromCells),
    sources: s.sourceAll.all() as Source[],
    provenance: cells(s.provenanceAll.all() as unknown[][], provenanceFromCells),
  };
  if (isSoundDocument(candidate)) return candidate;
  const examined = examineDocument(candidate);
  if (examined.ok) return examined.document;
  throw damaged(`${describeRow(candidate, examined.path)}: ${examined.message}`);
}

const DAMAGED = 'The scenario file is damaged: ';

function damaged(detail: string): AppError {
  return new AppError('DAMAGED_FILE', `${DAMAGED}${detail.replace(/\.$/, '')}.`);
}

/** What a damage message says after its prefix (`node "n-1", kind: …`), for messages that give their own context. */
export function damageDetail(message: string): string {
  return (message.startsWith(DAMAGED) ? message.slice(DAMAGED.length) : message).replace(/\.$/, '');
}

/** `["nodes", 12, "kind"]` → `node "n-12", kind`: rows are named by id, since their order means nothing to a reader. */
function describeRow(doc: Record<string, unknown>, path: (string | number)[]): string {
  const [table, index, ...rest] = path;
  const rows = typeof table === 'string' ? doc[table] : undefined;
  const row = Array.isArray(rows) && typeof index === 'number' ? (rows[index] as Record<string, unknown> | undefined) : undefined;
  const field = formatPath(rest);
  if (typeof table !== 'string' || !row) return formatPath(path) || 'the scenario';
  const name = ROW_NAMES[table] ?? table;
  const id = typeof row.id === 'string' ? ` "${row.id}"` : typeof row.actorId === 'string' ? ` of actor "${row.actorId}" on "${String(row.elementId)}"` : '';
  return field ? `${name}${id}, ${field}` : `${name}${id}`;
}

export interface FileCounts {
  crises: number; actors: number; trigger: number; crisis: number; impact: number; response: number;
  edges: number; stances: number; sources: number; provenance: number;
}

export interface CrisisSummary {
  id: string;
  title: string;
  nodes: number;
  edges: number;
}

export function readCounts(s: Statements): { title: string; counts: FileCounts; crises: CrisisSummary[] } {
  const base = s.counts.get() as Omit<FileCounts, 'trigger' | 'crisis' | 'impact' | 'response'>;
  const counts: FileCounts = { ...base, trigger: 0, crisis: 0, impact: 0, response: 0 };
  for (const row of s.nodeKindCounts.all() as { kind: 'trigger' | 'crisis' | 'impact' | 'response'; n: number }[]) counts[row.kind] = row.n;
  const scenario = s.scenarioGet.get() as ScenarioRow | undefined;
  return {
    title: scenario?.title ?? '',
    counts: {
      crises: counts.crises, actors: counts.actors, trigger: counts.trigger, crisis: counts.crisis, impact: counts.impact,
      response: counts.response, edges: counts.edges, stances: counts.stances, sources: counts.sources, provenance: counts.provenance,
    },
    crises: s.crisisSummary.all() as CrisisSummary[],
  };
}
