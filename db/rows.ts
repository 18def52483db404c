/**
 * Column lists and the mapping between table rows and domain values. SELECTs alias columns to
 * the domain's field names in schema order, so a row is already the domain object except for
 * its JSON array columns. Rows read here are not trusted: load() validates the whole document.
 */
import { AppError } from '../core/errors';
import type { Actor, Crisis, ExportAudience, GraphEdge, GraphNode, Provenance, ScenarioMeta, Source, Stance } from '../core/model';

export const SELECT_SCENARIO = 'SELECT title, description, created_at AS createdAt, modified_at AS modifiedAt, core_actor_ids AS coreActorIds, author, marking, marking_caveat AS markingCaveat, export_audience AS exportAudience FROM scenario WHERE singleton = 1';
export const SELECT_ACTOR = 'SELECT id, name, code, color, ord AS "order" FROM actors';
export const SELECT_CRISIS = 'SELECT id, title, region, summary, status, viewport_x AS vx, viewport_y AS vy, viewport_zoom AS vzoom, ord AS "order" FROM crises';
export const SELECT_NODE =
  'SELECT id, crisis_id AS crisisId, kind, title, description, tags, x, y, width, height, likelihood, severity, horizon, ' +
  'lead_actor_id AS leadActorId, supporting_actor_ids AS supportingActorIds, response_status AS responseStatus, lead_time AS leadTime FROM nodes';
export const SELECT_EDGE = 'SELECT id, crisis_id AS crisisId, source, target, kind, label, confidence FROM edges';
export const SELECT_STANCE = 'SELECT actor_id AS actorId, element_id AS elementId, position, note FROM stances';
export const SELECT_SOURCE = 'SELECT id, title, author, date, citation FROM sources';
export const SELECT_PROVENANCE = 'SELECT id, element_id AS elementId, source_id AS sourceId, locator, quote FROM provenance';

export const NODE_COLUMNS = 'id, crisis_id, kind, title, description, tags, x, y, width, height, likelihood, severity, horizon, lead_actor_id, supporting_actor_ids, response_status, lead_time';

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

export type ScenarioRow = Omit<ScenarioMeta, 'coreActorIds' | 'exportAudience'> & { coreActorIds: string; exportAudience: string | null };
export type NodeRow = Omit<GraphNode, 'tags' | 'supportingActorIds'> & { tags: string; supportingActorIds: string };
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
  };
}

export function crisisFromRow(r: CrisisRow): Crisis {
  return { id: r.id, title: r.title, region: r.region, summary: r.summary, status: r.status, viewport: { x: r.vx, y: r.vy, zoom: r.vzoom }, order: r.order };
}

/** Mutates the row in place: it is freshly built by the driver and owned by us. */
export function nodeFromRow(row: NodeRow): GraphNode {
  const node = row as unknown as GraphNode;
  node.tags = parseStringArray(row.tags, `node "${row.id}", tags`);
  node.supportingActorIds = parseStringArray(row.supportingActorIds, `node "${row.id}", supporting actors`);
  return node;
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
});
export const edgeFromCells = (r: Cells): unknown => ({ id: r[0], crisisId: r[1], source: r[2], target: r[3], kind: r[4], label: r[5], confidence: r[6] });
export const stanceFromCells = (r: Cells): unknown => ({ actorId: r[0], elementId: r[1], position: r[2], note: r[3] });
export const provenanceFromCells = (r: Cells): unknown => ({ id: r[0], elementId: r[1], sourceId: r[2], locator: r[3], quote: r[4] });

export type Params = (string | number | null)[];

export const scenarioParams = (s: ScenarioMeta): Params => [
  s.title, s.description, s.createdAt, s.modifiedAt, JSON.stringify(s.coreActorIds),
  s.author, s.marking, s.markingCaveat, s.exportAudience === null ? null : JSON.stringify(s.exportAudience),
];
export const actorParams = (a: Actor): Params => [a.id, a.name, a.code, a.color, a.order];
export const crisisParams = (c: Crisis): Params => [c.id, c.title, c.region, c.summary, c.status, c.viewport.x, c.viewport.y, c.viewport.zoom, c.order];
export const nodeParams = (n: GraphNode): Params => [
  n.id, n.crisisId, n.kind, n.title, n.description, JSON.stringify(n.tags), n.x, n.y, n.width, n.height,
  n.likelihood, n.severity, n.horizon, n.leadActorId, JSON.stringify(n.supportingActorIds), n.responseStatus, n.leadTime,
];
export const edgeParams = (e: GraphEdge): Params => [e.id, e.crisisId, e.source, e.target, e.kind, e.label, e.confidence];
export const stanceParams = (s: Stance): Params => [s.actorId, s.elementId, s.position, s.note];
export const sourceParams = (s: Source): Params => [s.id, s.title, s.author, s.date, s.citation];
export const provenanceParams = (p: Provenance): Params => [p.id, p.elementId, p.sourceId, p.locator, p.quote];
