/**
 * Column lists and the mapping between table rows and domain values (the nodes table's, the
 * widest and the hot path, is declared once in node-columns.ts). SELECTs alias columns to
 * the domain's field names in schema order, so a row is already the domain object except for
 * its JSON array columns. Rows read here are not trusted: load() validates the whole document.
 */
import { AppError } from '../core/errors';
import type { Actor, Crisis, ExportAudience, GraphEdge, Provenance, ScenarioMeta, Source, Stance } from '../core/model';

export const SELECT_SCENARIO = 'SELECT title, description, created_at AS createdAt, modified_at AS modifiedAt, core_actor_ids AS coreActorIds, author, marking, marking_caveat AS markingCaveat, export_audience AS exportAudience, as_of AS asOf, language FROM scenario WHERE singleton = 1';
export const SELECT_ACTOR = 'SELECT id, name, code, color, ord AS "order" FROM actors';
export const SELECT_CRISIS = 'SELECT id, title, region, summary, status, viewport_x AS vx, viewport_y AS vy, viewport_zoom AS vzoom, ord AS "order" FROM crises';
export const SELECT_EDGE = 'SELECT id, crisis_id AS crisisId, source, target, kind, label, confidence, basis FROM edges';
export const SELECT_STANCE = 'SELECT actor_id AS actorId, element_id AS elementId, position, note, holder, as_of AS asOf, basis, provenance_id AS provenanceId FROM stances';
export const SELECT_SOURCE = 'SELECT id, title, author, date, citation FROM sources';
export const SELECT_PROVENANCE = 'SELECT id, element_id AS elementId, source_id AS sourceId, locator, quote, relation FROM provenance';

/**
 * A JSON array column. The empty array is by far the most common value, so skip the parser
 * for it. Text that is not JSON is damage, reported with `where` (e.g. `node "n-1", tags`).
 * Whether the array holds the right items is for the caller's validation to decide.
 */
export function parseStringArray(text: unknown, where = 'a list column'): string[] {
  if (text === '[]') return [];
  if (typeof text === 'string') {
    try {
      return JSON.parse(text) as string[];
    } catch {
      // fall through to the damage report
    }
  }
  throw new AppError('DAMAGED_FILE', `The scenario file is damaged: ${where} is not a JSON list.`);
}

/** The remembered export audience (a JSON object); its shape is checked by the document validation after load. */
function parseJsonCell(text: string, where: string): ExportAudience {
  try {
    return JSON.parse(text) as ExportAudience;
  } catch {
    throw new AppError('DAMAGED_FILE', `The scenario file is damaged: ${where} is not JSON.`);
  }
}

/** A JSON object column (a basis). The empty object is the common case for new nodes. */
export function parseObject(text: unknown, where: string): Record<string, string> {
  if (text === '{}') return {};
  if (typeof text === 'string') {
    try {
      return JSON.parse(text) as Record<string, string>;
    } catch {
      // fall through to the damage report
    }
  }
  throw new AppError('DAMAGED_FILE', `The scenario file is damaged: ${where} is not a JSON object.`);
}

export type ScenarioRow = Omit<ScenarioMeta, 'coreActorIds' | 'exportAudience'> & { coreActorIds: string; exportAudience: string | null };
export type EdgeRow = Omit<GraphEdge, 'basis'> & { basis: string };
export interface CrisisRow {
  id: string;
  title: string;
  region: string;
  summary: string;
  status: Crisis['status'];
  vx: number;
  vy: number;
  vzoom: number;
  order: number;
}

export function scenarioFromRow(row: ScenarioRow): ScenarioMeta {
  return {
    title: row.title, description: row.description, createdAt: row.createdAt, modifiedAt: row.modifiedAt,
    coreActorIds: parseStringArray(row.coreActorIds, "the scenario's list of core actors"),
    author: row.author, marking: row.marking, markingCaveat: row.markingCaveat,
    exportAudience: row.exportAudience === null ? null : parseJsonCell(row.exportAudience, "the scenario's remembered export audience"),
    asOf: row.asOf,
    language: row.language,
  };
}

export function crisisFromRow(r: CrisisRow): Crisis {
  return { id: r.id, title: r.title, region: r.region, summary: r.summary, status: r.status, viewport: { x: r.vx, y: r.vy, zoom: r.vzoom }, order: r.order };
}

export function edgeFromRow(row: EdgeRow): GraphEdge {
  return { ...row, basis: parseObject(row.basis, `edge "${row.id}", basis`) };
}

/*
 * Whole-table reads (load) use raw statements, which return each row as an array in SELECT
 * column order: building the object here is about twice as fast as the driver building it
 * key by key. The values are not trusted yet; load() validates the whole document after.
 */
type Cells = unknown[];

export const edgeFromCells = (r: Cells): unknown => ({
  id: r[0], crisisId: r[1], source: r[2], target: r[3], kind: r[4], label: r[5], confidence: r[6],
  basis: parseObject(r[7], `edge "${String(r[0])}", basis`),
});
export const stanceFromCells = (r: Cells): unknown => ({
  actorId: r[0], elementId: r[1], position: r[2], note: r[3], holder: r[4], asOf: r[5], basis: r[6], provenanceId: r[7],
});
export const provenanceFromCells = (r: Cells): unknown => ({ id: r[0], elementId: r[1], sourceId: r[2], locator: r[3], quote: r[4], relation: r[5] });

export type Params = (string | number | null)[];

export const scenarioParams = (s: ScenarioMeta): Params => [
  s.title, s.description, s.createdAt, s.modifiedAt, JSON.stringify(s.coreActorIds),
  s.author, s.marking, s.markingCaveat, s.exportAudience === null ? null : JSON.stringify(s.exportAudience), s.asOf, s.language,
];
export const actorParams = (a: Actor): Params => [a.id, a.name, a.code, a.color, a.order];
export const crisisParams = (c: Crisis): Params => [c.id, c.title, c.region, c.summary, c.status, c.viewport.x, c.viewport.y, c.viewport.zoom, c.order];
export const edgeParams = (e: GraphEdge): Params => [e.id, e.crisisId, e.source, e.target, e.kind, e.label, e.confidence, JSON.stringify(e.basis)];
export const stanceParams = (s: Stance): Params => [s.actorId, s.elementId, s.position, s.note, s.holder, s.asOf, s.basis, s.provenanceId];
export const sourceParams = (s: Source): Params => [s.id, s.title, s.author, s.date, s.citation];
export const provenanceParams = (p: Provenance): Params => [p.id, p.elementId, p.sourceId, p.locator, p.quote, p.relation];
