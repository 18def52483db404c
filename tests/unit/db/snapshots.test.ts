/**
 * Snapshots inside the file (migration 003) and the lineage of a copy made for review: create,
 * list, read, delete, survive close and reopen, and give two files a common base.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, commonBase, openScenarioFile, runMigrations, type ScenarioStore } from '../../../db';
import { createRich, sideFiles, tempDir, withoutModifiedAt } from './helpers';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

function reopen(path: string): ScenarioStore {
  const opened = openScenarioFile(path);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.store;
}

describe('migration 003: snapshots', () => {
  it('adds the snapshot and lineage tables to a version 2 file and keeps every row', () => {
    const path = join(dir.dir, 'v2.scenario');
    const db = new Database(path);
    db.pragma('journal_mode = DELETE');
    runMigrations(db, 2);
    db.exec(`
      INSERT INTO scenario VALUES (1, 'Old plan', '', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z', '["us"]');
      INSERT INTO actors VALUES ('us', 'United States', 'US', '#3b5ba9', 0);
      INSERT INTO crises VALUES ('c1', 'Old crisis', 'Pacific', '', 'active', 0, 0, 1, 0);
      INSERT INTO nodes VALUES ('t1', 'c1', 'trigger', 'Old trigger', '', '[]', 1, 2, 200, 72, 2, NULL, NULL, NULL, '[]', NULL, NULL);
    `);
    db.close();
    const store = reopen(path);
    expect(store.info().formatVersion).toBe(SCHEMA_VERSION);
    expect(store.load().nodes.map((n) => n.title)).toEqual(['Old trigger']);
    expect(store.listSnapshots()).toEqual([]);
    expect(store.lineage()).toBeNull();
    store.createSnapshot('Before the meeting', 'manual', 'Aiko');
    store.close();
    const check = new Database(path, { readonly: true });
    expect(check.prepare('SELECT name, kind, author FROM snapshots').all()).toEqual([{ name: 'Before the meeting', kind: 'manual', author: 'Aiko' }]);
    check.close();
  });
});

describe('snapshots', () => {
  it('are created, listed newest first, read back whole, kept across reopen, and deleted', () => {
    const store = createRich(dir.dir);
    const path = store.path;
    const before = store.load();
    const first = store.createSnapshot('Before Tokyo', 'manual', 'Aiko');
    store.apply([{ op: 'node.update', id: before.nodes[0]!.id, patch: { title: 'Renamed after' } }]);
    const second = store.createSnapshot('  After Tokyo  ', 'manual', 'Ben');
    expect(store.listSnapshots().map((s) => [s.name, s.author, s.kind])).toEqual([['After Tokyo', 'Ben', 'manual'], ['Before Tokyo', 'Aiko', 'manual']]);
    store.close();

    const again = reopen(path);
    expect(withoutModifiedAt(again.readSnapshot(first.id))).toEqual(withoutModifiedAt(before));
    expect(again.readSnapshot(second.id).nodes.find((n) => n.id === before.nodes[0]!.id)!.title).toBe('Renamed after');
    expect(again.findSnapshot('Before Tokyo').id).toBe(first.id);
    again.deleteSnapshot(first.id);
    expect(again.listSnapshots().map((s) => s.id)).toEqual([second.id]);
    expect(() => again.readSnapshot(first.id)).toThrow(/no longer/);
    expect(() => again.createSnapshot('   ', 'manual', 'x')).toThrow(/needs a name/);
    again.close();
    expect(sideFiles(dir.dir)).toEqual([]);
  });

  it('a read-only scenario lists and reads snapshots but will not make or delete one', () => {
    const store = createRich(dir.dir);
    const snap = store.createSnapshot('Kept', 'manual', 'Aiko');
    store.close();
    const opened = openScenarioFile(store.path, { readOnly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.store.listSnapshots().map((s) => s.id)).toEqual([snap.id]);
    expect(() => opened.store.createSnapshot('No', 'manual', 'x')).toThrow(/read-only/);
    expect(() => opened.store.deleteSnapshot(snap.id)).toThrow(/read-only/);
    opened.store.close();
  });
});

describe('Save a Copy for review', () => {
  it('records the snapshot it was made from in the copy, so the two files share a base', () => {
    const store = createRich(dir.dir);
    store.createSnapshot('Older', 'manual', 'Aiko');
    const copyPath = join(dir.dir, 'review copy.scenario');
    const snap = store.saveCopyForReview(copyPath, 'Aiko');
    expect(snap.kind).toBe('copy');
    const copy = reopen(copyPath);
    expect(copy.lineage()).toEqual({ snapshotId: snap.id, copiedFrom: 'rich.scenario', copiedAt: snap.createdAt });
    expect(store.lineage()).toBeNull();
    expect(commonBase(store.listSnapshots(), copy.listSnapshots())?.id).toBe(snap.id);
    expect(() => copy.deleteSnapshot(snap.id)).toThrow(/common base/);
    expect(withoutModifiedAt(copy.load())).toEqual(withoutModifiedAt(store.load()));
    copy.close();
    store.close();
    expect(sideFiles(dir.dir)).toEqual([]);
  });

  it('files that share no snapshot have no common base', () => {
    expect(commonBase([{ id: 'a', name: 'a', createdAt: '2026-01-01T00:00:00.000Z', kind: 'manual', author: '' }], [])).toBeNull();
  });
});
