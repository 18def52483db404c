/**
 * Column lists and the mapping between table rows and domain values. SELECTs alias columns to
 * the domain's field names in schema order, so a row is already the domain object except for
 * its JSON array columns; load() needs no per-row zod because the CHECK constraints (verified by
 * quick_check at open) already guarantee each column's shape.
 */
import type { Actor, Crisis, GraphEdge, GraphNode, Provenance, ScenarioMeta, Source, Stance } from '../core/model';

export const SELECT_SCENARIO = 'SELECT title, description, created_at AS createdAt, modified_at AS modifiedAt, core_actor_ids AS coreActorIds FROM scenario WHERE singleton = 1';
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

/** JSON array columns: the empty array is by far the most common value, so skip the parser for it. */
export function parseStringArray(text: string): string[] {
  return text === '[]' ? [] : (JSON.parse(text) as string[]);
}

export type ScenarioRow = Omit<ScenarioMeta, 'coreActorIds'> & { coreActorIds: string };
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
  return { title: row.title, description: row.description, createdAt: row.createdAt, modifiedAt: row.modifiedAt, coreActorIds: parseStringArray(row.coreActorIds) };
}

export function crisisFromRow(r: CrisisRow): Crisis {
  return { id: r.id, title: r.title, region: r.region, summary: r.summary, status: r.status, viewport: { x: r.vx, y: r.vy, zoom: r.vzoom }, order: r.order };
}

/** Mutates the row in place: it is freshly built by the driver and owned by us. */
export function nodeFromRow(row: NodeRow): GraphNode {
  const node = row as unknown as GraphNode;
  node.tags = parseStringArray(row.tags);
  node.supportingActorIds = parseStringArray(row.supportingActorIds);
  return node;
}

export type Params = (string | number | null)[];

export const scenarioParams = (s: ScenarioMeta): Params => [s.title, s.description, s.createdAt, s.modifiedAt, JSON.stringify(s.coreActorIds)];
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
