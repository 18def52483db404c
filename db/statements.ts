/**
 * Every statement the store runs, prepared once when the file opens. Updates never set key or
 * reference columns that a patch cannot change, so they cost no index or foreign-key work; node
 * updates, the hot path, set only the patched columns.
 */
import type { Database, Statement } from 'better-sqlite3';
import { INSERT_NODE, NODE_FIELD_COLUMNS, SELECT_NODE, type NodeField } from './node-columns';
import { SELECT_ACTOR, SELECT_CRISIS, SELECT_EDGE, SELECT_PROVENANCE, SELECT_SCENARIO, SELECT_SOURCE, SELECT_STANCE } from './rows';

/* eslint-disable @typescript-eslint/no-explicit-any -- better-sqlite3 statement generics; rows are typed at the call sites in rows.ts */
type Stmt = Statement<any[], any>;

export interface Statements {
  scenarioGet: Stmt; scenarioInsert: Stmt; scenarioUpdate: Stmt; scenarioTouch: Stmt;
  actorAll: Stmt; actorGet: Stmt; actorInsert: Stmt; actorUpdate: Stmt; actorDelete: Stmt;
  crisisAll: Stmt; crisisGet: Stmt; crisisInsert: Stmt; crisisUpdate: Stmt; crisisDelete: Stmt;
  crisisNodes: Stmt; crisisEdges: Stmt; crisisSummary: Stmt;
  nodeAll: Stmt; nodeGet: Stmt; nodeInsert: Stmt; nodeDelete: Stmt; nodeKindCounts: Stmt;
  /** One single-column UPDATE per editable node field: the hot path (rename, move) touches only what changed. */
  nodeSetField: Record<NodeField, Stmt>;
  nodesOfActor: Stmt; elementIdUsed: Stmt;
  edgeAll: Stmt; edgeGet: Stmt; edgeInsert: Stmt; edgeUpdate: Stmt; edgeDelete: Stmt; edgesOfNode: Stmt;
  stanceAll: Stmt; stanceGet: Stmt; stanceUpsert: Stmt; stanceDelete: Stmt; stancesOfActor: Stmt; stancesOfNode: Stmt; stancesCiting: Stmt;
  sourceAll: Stmt; sourceGet: Stmt; sourceInsert: Stmt; sourceUpdate: Stmt; sourceDelete: Stmt;
  provenanceAll: Stmt; provenanceGet: Stmt; provenanceInsert: Stmt; provenanceUpdate: Stmt; provenanceDelete: Stmt;
  provenanceOfNode: Stmt; provenanceOfSource: Stmt;
  counts: Stmt;
}

export function prepareStatements(db: Database): Statements {
  const p = (sql: string): Stmt => db.prepare(sql);
  /** Whole-table reads for load(): rows come back as arrays, in SELECT column order (see rows.ts). */
  const cells = (sql: string): Stmt => db.prepare(sql).raw(true);
  const nodeSetField = Object.fromEntries(
    NODE_FIELD_COLUMNS.map(([field, column]) => [field, p(`UPDATE nodes SET ${column} = ? WHERE id = ?`)]),
  ) as Record<NodeField, Stmt>;
  return {
    nodeSetField,
    scenarioGet: p(SELECT_SCENARIO),
    scenarioInsert: p('INSERT INTO scenario (singleton, title, description, created_at, modified_at, core_actor_ids, author, marking, marking_caveat, export_audience, as_of, language) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    scenarioUpdate: p('UPDATE scenario SET title = ?, description = ?, created_at = ?, modified_at = ?, core_actor_ids = ?, author = ?, marking = ?, marking_caveat = ?, export_audience = ?, as_of = ?, language = ? WHERE singleton = 1'),
    scenarioTouch: p('UPDATE scenario SET modified_at = ? WHERE singleton = 1'),

    actorAll: p(`${SELECT_ACTOR} ORDER BY ord, id`),
    actorGet: p(`${SELECT_ACTOR} WHERE id = ?`),
    actorInsert: p('INSERT INTO actors (id, name, code, color, ord) VALUES (?, ?, ?, ?, ?)'),
    actorUpdate: p('UPDATE actors SET name = ?, code = ?, color = ?, ord = ? WHERE id = ?'),
    actorDelete: p('DELETE FROM actors WHERE id = ?'),

    crisisAll: p(`${SELECT_CRISIS} ORDER BY ord, id`),
    crisisGet: p(`${SELECT_CRISIS} WHERE id = ?`),
    crisisInsert: p('INSERT INTO crises (id, title, region, summary, status, viewport_x, viewport_y, viewport_zoom, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    crisisUpdate: p('UPDATE crises SET title = ?, region = ?, summary = ?, status = ?, viewport_x = ?, viewport_y = ?, viewport_zoom = ?, ord = ? WHERE id = ?'),
    crisisDelete: p('DELETE FROM crises WHERE id = ?'),
    crisisNodes: p(`${SELECT_NODE} WHERE crisis_id = ? ORDER BY id`),
    crisisEdges: p(`${SELECT_EDGE} WHERE crisis_id = ? ORDER BY id`),
    crisisSummary: p(
      'SELECT c.id, c.title, (SELECT count(*) FROM nodes n WHERE n.crisis_id = c.id) AS nodes, ' +
        '(SELECT count(*) FROM edges e WHERE e.crisis_id = c.id) AS edges FROM crises c ORDER BY c.ord, c.id',
    ),

    nodeAll: cells(`${SELECT_NODE} ORDER BY id`),
    nodeGet: p(`${SELECT_NODE} WHERE id = ?`),
    nodeInsert: p(INSERT_NODE),
    nodeDelete: p('DELETE FROM nodes WHERE id = ?'),
    nodeKindCounts: p('SELECT kind, count(*) AS n FROM nodes GROUP BY kind'),
    // Supporting actors live in a JSON array; the LIKE prefilter keeps json_each off most rows.
    nodesOfActor: p(
      `${SELECT_NODE} WHERE lead_actor_id = @id OR (supporting_actor_ids LIKE '%"' || @id || '"%' ` +
        'AND EXISTS (SELECT 1 FROM json_each(supporting_actor_ids) WHERE value = @id)) ORDER BY id',
    ),
    elementIdUsed: p('SELECT 1 FROM nodes WHERE id = @id UNION ALL SELECT 1 FROM edges WHERE id = @id LIMIT 1'),

    edgeAll: cells(`${SELECT_EDGE} ORDER BY id`),
    edgeGet: p(`${SELECT_EDGE} WHERE id = ?`),
    edgeInsert: p('INSERT INTO edges (id, crisis_id, source, target, kind, label, confidence, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    edgeUpdate: p('UPDATE edges SET label = ?, confidence = ?, basis = ? WHERE id = ?'),
    edgeDelete: p('DELETE FROM edges WHERE id = ?'),
    edgesOfNode: p(`SELECT * FROM (${SELECT_EDGE} WHERE source = @id UNION ${SELECT_EDGE} WHERE target = @id) ORDER BY id`),

    stanceAll: cells(`${SELECT_STANCE} ORDER BY actor_id, element_id`),
    stanceGet: p(`${SELECT_STANCE} WHERE actor_id = ? AND element_id = ?`),
    stanceUpsert: p(
      'INSERT INTO stances (actor_id, element_id, position, note, holder, as_of, basis, provenance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (actor_id, element_id) DO UPDATE SET position = excluded.position, note = excluded.note, holder = excluded.holder, ' +
        'as_of = excluded.as_of, basis = excluded.basis, provenance_id = excluded.provenance_id',
    ),
    stanceDelete: p('DELETE FROM stances WHERE actor_id = ? AND element_id = ?'),
    stancesOfActor: p(`${SELECT_STANCE} WHERE actor_id = ? ORDER BY element_id`),
    stancesOfNode: p(`${SELECT_STANCE} WHERE element_id = ? ORDER BY actor_id`),
    stancesCiting: p(`${SELECT_STANCE} WHERE provenance_id = ? ORDER BY actor_id, element_id`),

    sourceAll: p(`${SELECT_SOURCE} ORDER BY id`),
    sourceGet: p(`${SELECT_SOURCE} WHERE id = ?`),
    sourceInsert: p('INSERT INTO sources (id, title, author, date, citation) VALUES (?, ?, ?, ?, ?)'),
    sourceUpdate: p('UPDATE sources SET title = ?, author = ?, date = ?, citation = ? WHERE id = ?'),
    sourceDelete: p('DELETE FROM sources WHERE id = ?'),

    provenanceAll: cells(`${SELECT_PROVENANCE} ORDER BY id`),
    provenanceGet: p(`${SELECT_PROVENANCE} WHERE id = ?`),
    provenanceInsert: p('INSERT INTO provenance (id, element_id, source_id, locator, quote, relation) VALUES (?, ?, ?, ?, ?, ?)'),
    provenanceUpdate: p('UPDATE provenance SET source_id = ?, locator = ?, quote = ?, relation = ? WHERE id = ?'),
    provenanceDelete: p('DELETE FROM provenance WHERE id = ?'),
    provenanceOfNode: p(`${SELECT_PROVENANCE} WHERE element_id = ? ORDER BY id`),
    provenanceOfSource: p(`${SELECT_PROVENANCE} WHERE source_id = ? ORDER BY id`),

    counts: p(
      'SELECT (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM crises) AS crises, (SELECT count(*) FROM edges) AS edges, ' +
        '(SELECT count(*) FROM stances) AS stances, (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM provenance) AS provenance',
    ),
  };
}
