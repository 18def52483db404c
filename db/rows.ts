/**
 * Column lists and the mapping between table rows and domain values. SELECTs alias columns to
 * the domain's field names in schema order, so a row is already the domain object except for
 * its JSON array columns. Rows read here are not trusted: load() validates the whole document.
 */
import { AppError } from '../core/errors';
import type { Actor, Crisis, ExportAudience, GraphEdge, GraphNode, Provenance, ScenarioMeta, Source, Stance } from '../core/model';

export const SELECT_SCENARIO = 'SELECT title, description, created_at AS createdAt, modified_at AS modifiedAt, core_actor_ids AS coreActorIds, author, marking, marking_caveat AS markingCaveat, export_audience AS exportAudience, as_of AS asOf FROM scenario WHERE singleton = 1';
export const SELECT_ACTOR = 'SELECT id, name, code, color, ord AS "order" FROM actors';
export const SELECT_CRISIS = 'SELECT id, title, region, summary, status, viewport_x AS vx, viewport_y AS vy, viewport_zoom AS vzoom, ord AS "order" FROM crises';
export const SELECT_NODE =
  'SELECT id, crisis_id AS crisisId, kind, title, description, tags, x, y, width, height, likelihood, severity, horizon, ' +
  'lead_actor_id AS leadActorId, supporting_actor_ids AS supportingActorIds, response_status AS responseStatus, lead_time AS leadTime, ' +
  'basis, status_as_of AS statusAsOf, gap_accepted AS gapAccepted, unavertable FROM nodes';
export const SELECT_EDGE = 'SELECT id, crisis_id AS crisisId, source, target, kind, label, confidence, basis FROM edges';
export const SELECT_STANCE = 'SELECT actor_id AS actorId, element_id AS elementId, position, note, holder, as_of AS asOf, basis, provenance_id AS provenanceId FROM stances';
export const SELECT_SOURCE = 'SELECT id, title, author, date, citation FROM sources';
export const SELECT_PROVENANCE = 'SELECT id, element_id AS elementId, source_id AS sourceId, locator, quote, relation FROM provenance';

export const NODE_COLUMNS =
  'id, crisis_id, kind, title, description, tags, x, y, width, height, likelihood, severity, horizon, lead_actor_id, supporting_actor_ids, response_status, lead_time, ' +
  'basis, status_as_of, gap_accepted, unavertable';

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

/** SQLite has no boolean: 0 and 1 are read back as false and true, anything else is left for validation to refuse. */
const bool = (v: unknown): unknown => (v === 0 ? false : v === 1 ? true : v);

/** A column value as SQLite stores it: JSON for arrays and objects, 0/1 for booleans. */
export function cellValue(value: unknown): string | number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value as string | number | null;
}

export type ScenarioRow = Omit<ScenarioMeta, 'coreActorIds' | 'exportAudience'> & { coreActorIds: string; exportAudience: string | null };
export type NodeRow = Omit<GraphNode, 'tags' | 'supportingActorIds' | 'basis' | 'unavertable'> & { tags: string; supportingActorIds: string; basis: string; unavertable: number };
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
  };
}

export function crisisFromRow(r: CrisisRow): Crisis {
  return { id: r.id, title: r.title, region: r.region, summary: r.summary, status: r.status, viewport: { x: r.vx, y: r.vy, zoom: r.vzoom }, order: r.order };
}

/** Mutates the row in place: it is freshly built by the driver and owned by us. */
export function nodeFromRow(row: NodeRow): GraphNode {
  return {
    ...row,
    tags: parseStringArray(row.tags, `node "${row.id}", tags`),
    supportingActorIds: parseStringArray(row.supportingActorIds, `node "${row.id}", supporting actors`),
    basis: parseObject(row.basis, `node "${row.id}", basis`),
    unavertable: row.unavertable === 1,
  };
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

export const nodeFromCells = (r: Cells): unknown => ({
  id: r[0], crisisId: r[1], kind: r[2], title: r[3], description: r[4],
  tags: parseStringArray(r[5], `node "${String(r[0])}", tags`),
  x: r[6], y: r[7], width: r[8], height: r[9], likelihood: r[10], severity: r[11], horizon: r[12], leadActorId: r[13],
  supportingActorIds: parseStringArray(r[14], `node "${String(r[0])}", supporting actors`),
  responseStatus: r[15], leadTime: r[16],
  basis: parseObject(r[17], `node "${String(r[0])}", basis`),
  statusAsOf: r[18], gapAccepted: r[19], unavertable: bool(r[20]),
});
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
  s.author, s.marking, s.markingCaveat, s.exportAudience === null ? null : JSON.stringify(s.exportAudience), s.asOf,
];
export const actorParams = (a: Actor): Params => [a.id, a.name, a.code, a.color, a.order];
export const crisisParams = (c: Crisis): Params => [c.id, c.title, c.region, c.summary, c.status, c.viewport.x, c.viewport.y, c.viewport.zoom, c.order];
export const nodeParams = (n: GraphNode): Params => [
  n.id, n.crisisId, n.kind, n.title, n.description, JSON.stringify(n.tags), n.x, n.y, n.width, n.height,
  n.likelihood, n.severity, n.horizon, n.leadActorId, JSON.stringify(n.supportingActorIds), n.responseStatus, n.leadTime,
  JSON.stringify(n.basis), n.statusAsOf, n.gapAccepted, n.unavertable ? 1 : 0,
];
export const edgeParams = (e: GraphEdge): Params => [e.id, e.crisisId, e.source, e.target, e.kind, e.label, e.confidence, JSON.stringify(e.basis)];
export const stanceParams = (s: Stance): Params => [s.actorId, s.elementId, s.position, s.note, s.holder, s.asOf, s.basis, s.provenanceId];
export const sourceParams = (s: Source): Params => [s.id, s.title, s.author, s.date, s.citation];
export const provenanceParams = (p: Provenance): Params => [p.id, p.elementId, p.sourceId, p.locator, p.quote, p.relation];
