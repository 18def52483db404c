import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS, exportDocumentJson, SCHEMA_VERSION, openScenarioFile, runMigrations, type Migration } from '../../../db';
import { openStore } from '../../../db/open';
import { richDocument, sha256, sideFiles, tempDir } from './helpers';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

/** A scenario file at `version` holding a little data, written with plain SQL as an old app would. */
function fileAtVersion(version: number): string {
  const path = join(dir.dir, `v${version}.scenario`);
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  runMigrations(db, version);
  db.exec(`
    INSERT INTO scenario (singleton, title, description, created_at, modified_at, core_actor_ids) VALUES (1, 'Old plan', '', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z', '["us"]');
    INSERT INTO actors VALUES ('us', 'United States', 'US', '#3b5ba9', 0);
    INSERT INTO crises VALUES ('c1', 'Old crisis', 'Pacific', '', 'active', 0, 0, 1, 0);
    INSERT INTO nodes VALUES ('t1', 'c1', 'trigger', 'Old trigger', '', '["a"]', 1, 2, 200, 72, 2, NULL, 'years', NULL, '[]', NULL, NULL);
    INSERT INTO nodes VALUES ('k1', 'c1', 'crisis', 'Old crisis node', '', '[]', 3, 4, 220, 88, NULL, NULL, NULL, NULL, '[]', NULL, NULL);
    INSERT INTO edges VALUES ('e1', 'c1', 't1', 'k1', 'leads-to', 'old edge', 'low');
    INSERT INTO stances VALUES ('us', 't1', 'agree', 'since 2016');
  `);
  db.close();
  return path;
}

function indexNames(path: string): string[] {
  const db = new Database(path, { readonly: true });
  const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  db.close();
  return names;
}

describe('migrations', () => {
  it('are numbered 1..N without gaps, and SCHEMA_VERSION is the last', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('001 (from an empty database): creates the STRICT tables and stamps the application id', () => {
    const db = new Database(':memory:');
    runMigrations(db, 1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(['actors', 'crises', 'edges', 'nodes', 'provenance', 'scenario', 'sources', 'stances']);
    db.exec("INSERT INTO crises VALUES ('c1', 'C', '', '', 'draft', 0, 0, 1, 0)");
    expect(() => db.exec("INSERT INTO nodes VALUES ('n1', 'c1', 'trigger', 'T', '', '[]', 0, 0, 1, 1, NULL, 3, NULL, NULL, '[]', NULL, NULL)")).toThrow(/CHECK constraint/);
    db.close();
  });

  it('002 (from a version 1 file with data): adds the reference indexes and keeps every row', () => {
    const path = fileAtVersion(1);
    expect(indexNames(path)).toEqual([]);
    const opened = openScenarioFile(path);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const doc = opened.store.load();
    expect(opened.store.info().formatVersion).toBe(SCHEMA_VERSION);
    opened.store.close();
    expect(doc.scenario).toMatchObject({ title: 'Old plan', coreActorIds: ['us'] });
    expect(doc.nodes.map((n) => [n.id, n.title, n.tags])).toEqual([['k1', 'Old crisis node', []], ['t1', 'Old trigger', ['a']]]);
    expect(doc.edges).toMatchObject([{ id: 'e1', crisisId: 'c1', source: 't1', target: 'k1', kind: 'leads-to', label: 'old edge', confidence: 'low' }]);
    expect(doc.stances).toMatchObject([{ actorId: 'us', elementId: 't1', position: 'agree', note: 'since 2016' }]);
    expect(indexNames(path)).toContain('edges_by_source');
    expect(indexNames(path)).toHaveLength(9);
    expect(sideFiles(dir.dir)).toEqual([]);
    expect(readdirSync(dir.dir)).toEqual(['v1.scenario']);
  });

  it('004 (from a version 3 file with data): the scenario is unmarked, has no author and no remembered audience; a marking is one line', () => {
    const path = fileAtVersion(3);
    const opened = openScenarioFile(path);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const doc = opened.store.load();
    expect(doc.scenario).toEqual({
      title: 'Old plan', description: '', createdAt: '2020-01-01T00:00:00.000Z', modifiedAt: '2020-01-01T00:00:00.000Z', coreActorIds: ['us'],
      author: '', marking: '', markingCaveat: '', exportAudience: null, asOf: null, language: null,
    });
    expect(doc.nodes).toHaveLength(2);
    expect(doc.stances).toMatchObject([{ actorId: 'us', elementId: 't1', position: 'agree', note: 'since 2016' }]);
    const audience = { actorIds: ['us'], notes: false, reportOnly: false, crisisIds: ['c1'] };
    opened.store.apply([{ op: 'scenario.update', patch: { marking: 'CONFIDENTIAL', markingCaveat: 'REL TO USA, JPN', author: 'J5 plans', exportAudience: audience } }]);
    expect(opened.store.load().scenario).toMatchObject({ marking: 'CONFIDENTIAL', markingCaveat: 'REL TO USA, JPN', author: 'J5 plans', exportAudience: audience });
    opened.store.close();
    const db = new Database(path);
    expect(() => db.exec("UPDATE scenario SET marking = 'SECRET' || char(10) || 'x'")).toThrow(/CHECK constraint/);
    expect(() => db.exec("UPDATE scenario SET export_audience = '[1]'")).toThrow(/CHECK constraint/);
    db.close();
  });

  it('004: a snapshot taken before it (JSON format 1, no marking) is still readable after it', () => {
    const path = fileAtVersion(3);
    const current = JSON.parse(exportDocumentJson(richDocument())) as { scenario: Record<string, unknown> };
    const { author: _a, marking: _m, markingCaveat: _c, exportAudience: _e, ...v1Scenario } = current.scenario;
    const db = new Database(path);
    db.prepare("INSERT INTO snapshots (id, name, created_at, kind, author, document) VALUES ('snap-1', 'Before markings', '2020-01-02T00:00:00.000Z', 'manual', 'Aiko', ?)")
      .run(JSON.stringify({ ...current, formatVersion: 1, scenario: v1Scenario }));
    db.close();
    const opened = openScenarioFile(path);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const snapshot = opened.store.readSnapshot('snap-1');
    opened.store.close();
    expect(snapshot.scenario).toMatchObject({ title: 'Strait contingency', marking: '', exportAudience: null });
    expect(snapshot.nodes.length).toBe(richDocument().nodes.length);
  });

  it('005 (from a version 4 file with data): values become planner, stances the analyst estimate, quotes supporting', () => {
    const path = fileAtVersion(4);
    const db = new Database(path);
    db.exec(`
      INSERT INTO nodes VALUES ('i1', 'c1', 'impact', 'Old impact', '', '[]', 5, 6, 200, 72, NULL, 4, NULL, NULL, '[]', NULL, NULL);
      INSERT INTO nodes VALUES ('r1', 'c1', 'response', 'Old response', '', '[]', 7, 8, 220, 92, NULL, NULL, 'days', 'us', '[]', 'agreed', 'weeks');
      INSERT INTO edges VALUES ('e2', 'c1', 'k1', 'i1', 'leads-to', '', NULL);
      INSERT INTO sources VALUES ('s1', 'Report', '', '2016', '');
      INSERT INTO provenance VALUES ('p1', 't1', 's1', 'p. 3', 'a quote');
    `);
    db.close();
    const opened = openScenarioFile(path);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const doc = opened.store.load();
    opened.store.close();
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    expect(doc.scenario.asOf).toBeNull();
    expect(byId.get('t1')!.basis).toEqual({ likelihood: 'planner', horizon: 'planner' });
    expect(byId.get('k1')!.basis).toEqual({});
    expect(byId.get('i1')!.basis).toEqual({ severity: 'planner' });
    expect(byId.get('r1')!.basis).toEqual({ horizon: 'planner', leadActorId: 'planner', responseStatus: 'planner', leadTime: 'planner' });
    expect(doc.nodes.map((n) => [n.statusAsOf, n.gapAccepted, n.unavertable])).toEqual(doc.nodes.map(() => [null, null, false]));
    expect(doc.edges).toEqual([
      { id: 'e1', crisisId: 'c1', source: 't1', target: 'k1', kind: 'leads-to', label: 'old edge', confidence: 'low', basis: { kind: 'planner', confidence: 'planner' } },
      { id: 'e2', crisisId: 'c1', source: 'k1', target: 'i1', kind: 'leads-to', label: '', confidence: null, basis: { kind: 'planner' } },
    ]);
    expect(doc.stances).toEqual([{ actorId: 'us', elementId: 't1', position: 'agree', note: 'since 2016', holder: 'analyst', asOf: null, basis: 'planner', provenanceId: null }]);
    expect(doc.provenance).toEqual([{ id: 'p1', elementId: 't1', sourceId: 's1', locator: 'p. 3', quote: 'a quote', relation: 'supports' }]);
    expect(indexNames(path)).toContain('stances_by_provenance');
    expect(sideFiles(dir.dir)).toEqual([]);
  });

  it('005: the new columns refuse what the model refuses', () => {
    const db = new Database(':memory:');
    runMigrations(db, 5);
    db.exec(`
      INSERT INTO actors VALUES ('us', 'United States', 'US', '#3b5ba9', 0);
      INSERT INTO crises VALUES ('c1', 'C', '', '', 'draft', 0, 0, 1, 0);
      INSERT INTO nodes (id, crisis_id, kind, title, description, tags, x, y, width, height, supporting_actor_ids) VALUES ('i1', 'c1', 'impact', 'I', '', '[]', 0, 0, 1, 1, '[]');
    `);
    expect(() => db.exec("UPDATE nodes SET unavertable = 1 WHERE id = 'i1'")).toThrow(/CHECK constraint/);
    expect(() => db.exec("UPDATE nodes SET status_as_of = '2016-01-01' WHERE id = 'i1'")).toThrow(/CHECK constraint/);
    expect(() => db.exec("UPDATE nodes SET basis = '[]' WHERE id = 'i1'")).toThrow(/CHECK constraint/);
    expect(() => db.exec("INSERT INTO stances (actor_id, element_id, position, note, holder) VALUES ('us', 'i1', 'agree', '', 'rumour')")).toThrow(/CHECK constraint/);
    expect(() => db.exec("INSERT INTO stances (actor_id, element_id, position, note, as_of) VALUES ('us', 'i1', 'agree', '', 'June')")).toThrow(/CHECK constraint/);
    db.pragma('foreign_keys = ON');
    expect(() => db.exec("INSERT INTO stances (actor_id, element_id, position, note, provenance_id) VALUES ('us', 'i1', 'agree', '', 'ghost')")).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('006 (from a version 5 file with data): adds an empty history log, keeps every row, and undo starts empty', () => {
    const path = fileAtVersion(4);
    const old = new Database(path);
    runMigrations(old, 5);
    old.close();
    const opened = openScenarioFile(path);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    try {
      expect(opened.store.load().nodes.map((n) => n.title).sort()).toEqual(['Old crisis node', 'Old trigger']);
      expect(opened.store.historySteps()).toEqual({ past: [], future: [] });
    } finally {
      opened.store.close();
    }
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'history'").pluck().get()).toMatch(/STRICT$/);
    expect(db.prepare('SELECT count(*) FROM history').pluck().get()).toBe(0);
    db.close();
    expect(sideFiles(dir.dir)).toEqual([]);
  });

  it('006: the history table refuses a step that is not a list of ops, or a bad state or time', () => {
    const db = new Database(':memory:');
    runMigrations(db, 6);
    const insert = db.prepare('INSERT INTO history (state, at, author, redo, undo) VALUES (?, ?, ?, ?, ?)');
    const op = '[{"op":"node.delete","id":"n1"}]';
    expect(() => insert.run('done', '2026-12-05T12:00:00.000Z', 'Aiko', op, op)).not.toThrow();
    expect(() => insert.run('maybe', '2026-12-05T12:00:00.000Z', '', op, op)).toThrow(/CHECK/);
    expect(() => insert.run('done', 'yesterday', '', op, op)).toThrow(/CHECK/);
    expect(() => insert.run('done', '2026-12-05T12:00:00.000Z', '', '[]', op)).toThrow(/CHECK/);
    expect(() => insert.run('done', '2026-12-05T12:00:00.000Z', '', op, '{"op":"x"}')).toThrow(/CHECK/);
    expect(() => insert.run('done', '2026-12-05T12:00:00.000Z', 'x'.repeat(121), op, op)).toThrow(/CHECK/);
    db.close();
  });

  it('007 (from a version 6 file with data): the language is unset (detected from the text), every row is kept, and it can be stated', () => {
    const path = fileAtVersion(4);
    const before = new Database(path);
    runMigrations(before, 6);
    expect(before.prepare("SELECT count(*) FROM pragma_table_info('scenario') WHERE name = 'language'").pluck().get()).toBe(0);
    before.close();
    const opened = openScenarioFile(path);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    try {
      const doc = opened.store.load();
      expect(doc.scenario).toMatchObject({ title: 'Old plan', language: null });
      expect(doc.nodes.map((n) => n.title).sort()).toEqual(['Old crisis node', 'Old trigger']);
      expect(doc.stances).toMatchObject([{ actorId: 'us', elementId: 't1', position: 'agree', note: 'since 2016' }]);
      opened.store.apply([{ op: 'scenario.update', patch: { language: 'ja' } }]);
    } finally {
      opened.store.close();
    }
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT language FROM scenario').pluck().get()).toBe('ja');
    expect(() => db.exec("UPDATE scenario SET language = 'fr'")).toThrow(/CHECK constraint/);
    expect(() => db.exec("UPDATE scenario SET language = 'JA'")).toThrow(/CHECK constraint/);
    expect(() => db.exec('UPDATE scenario SET language = NULL')).not.toThrow();
    db.close();
    expect(sideFiles(dir.dir)).toEqual([]);
  });

  it('all pending steps run in one transaction: a failing step leaves the earlier ones unapplied', () => {
    const failing: Migration = { version: SCHEMA_VERSION + 1, name: 'broken', up: (db) => db.exec('CREATE TABLE nodes (x TEXT) STRICT') };
    const db = new Database(':memory:');
    runMigrations(db, 1);
    expect(() => runMigrations(db, SCHEMA_VERSION + 1, [...MIGRATIONS, failing])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'edges_by_source'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('a failed upgrade leaves the original file byte-for-byte intact, with no temp copy left', () => {
    const path = fileAtVersion(1);
    const before = sha256(path);
    const failing: Migration = { version: SCHEMA_VERSION + 1, name: 'broken', up: () => { throw new Error('boom'); } };
    expect(() => openStore(path, {}, [...MIGRATIONS, failing])).toThrow(expect.objectContaining({ message: expect.stringMatching(/original is unchanged/) }));
    expect(sha256(path)).toBe(before);
    expect(readdirSync(dir.dir)).toEqual(['v1.scenario']);
  });

  it('runMigrations refuses a database newer than it knows', () => {
    const db = new Database(':memory:');
    runMigrations(db);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => runMigrations(db)).toThrow(expect.objectContaining({ code: 'NEWER_VERSION', message: expect.stringMatching(/newer version of the app \(format \d+; this version reads up to \d+\)/) }));
    db.close();
  });
});

describe('an older file opened read-only', () => {
  it('is upgraded in memory only: readable, not writable, Save As gives a current file, the original is untouched', () => {
    const path = fileAtVersion(1);
    const before = sha256(path);
    const opened = openScenarioFile(path, { readOnly: true });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const store = opened.store;
    expect(store.readOnly).toMatchObject({ code: 'READ_ONLY', message: expect.stringMatching(/older version/) });
    expect(store.info().formatVersion).toBe(1);
    expect(store.load().nodes.map((n) => n.id)).toEqual(['k1', 't1']);
    expect(() => store.apply([{ op: 'node.delete', id: 't1' }])).toThrow(expect.objectContaining({ code: 'READ_ONLY' }));
    const copy = join(dir.dir, 'current.scenario');
    store.saveAs(copy);
    store.close();
    expect(sha256(path)).toBe(before);
    expect(indexNames(copy)).toHaveLength(9);
    const reopened = openScenarioFile(copy);
    expect(reopened.ok && reopened.store.info().formatVersion).toBe(SCHEMA_VERSION);
    if (reopened.ok) reopened.store.close();
  });
});
