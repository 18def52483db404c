import Database from 'better-sqlite3';
import { existsSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkScenarioFile, createScenarioFile, openScenarioFile, type ScenarioStore } from '../../../db';
import { connect } from '../../../db/connection';
import { createRich, node, sha256, sideFiles, tempDir, withoutModifiedAt } from './helpers';
import { runChild, startChild } from './spawn';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

describe('the connection', () => {
  it('uses the safety pragmas and refuses extensions', () => {
    const store = createRich(dir.dir);
    store.close();
    const db = connect(join(dir.dir, 'rich.scenario'), { readOnly: false });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
      expect(db.pragma('cell_size_check', { simple: true })).toBe(1);
      expect(db.pragma('mmap_size', { simple: true })).toBe(0);
      expect(db.pragma('locking_mode', { simple: true })).toBe('exclusive');
      expect(() => db.prepare("SELECT load_extension('/nonexistent')").get()).toThrow(/not authorized/);
    } finally {
      db.close();
    }
  });

  it('uses STRICT tables', () => {
    createRich(dir.dir).close();
    const db = new Database(join(dir.dir, 'rich.scenario'), { readonly: true });
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as { name: string; strict: number }[];
    db.close();
    expect(tables.length).toBe(11); // eight scenario tables, snapshots, lineage and the history log
    for (const t of tables) expect(t, t.name).toMatchObject({ strict: 1 });
  });

  it('leaves no -journal, -wal or -shm beside a closed file, after edits', () => {
    const store = createRich(dir.dir);
    store.apply([{ op: 'node.update', id: 'n-trigger', patch: { title: 'Edited' } }]);
    store.close();
    expect(sideFiles(dir.dir)).toEqual([]);
    expect(readdirSync(dir.dir)).toEqual(['rich.scenario']);
  });
});

describe('one writer', () => {
  it('a second connection in the same process is refused with a clear message', () => {
    const first = createRich(dir.dir);
    const second = openScenarioFile(join(dir.dir, 'rich.scenario'));
    expect(second).toMatchObject({ ok: false, error: { code: 'FILE_LOCKED', message: expect.stringMatching(/already open/) } });
    first.apply([{ op: 'node.update', id: 'n-trigger', patch: { title: 'Still mine' } }]);
    first.close();
    const third = openScenarioFile(join(dir.dir, 'rich.scenario'));
    expect(third.ok).toBe(true);
    if (third.ok) third.store.close();
  });

  it('a second process is refused while the first holds the file', async () => {
    const first = createRich(dir.dir);
    const lines = await runChild(['open', join(dir.dir, 'rich.scenario')]);
    first.close();
    expect(JSON.parse(lines[0]!)).toMatchObject({ ok: false, error: { code: 'FILE_LOCKED' } });
  });

  it('this process is refused while another process holds the file, and gets it once that process dies', async () => {
    createRich(dir.dir).close();
    const path = join(dir.dir, 'rich.scenario');
    const holder = startChild(['hold', path]);
    await holder.waitFor(/^ready$/);
    expect(openScenarioFile(path)).toMatchObject({ ok: false, error: { code: 'FILE_LOCKED' } });
    holder.proc.kill('SIGKILL');
    await holder.exited;
    const after = openScenarioFile(path);
    expect(after.ok).toBe(true);
    if (after.ok) after.store.close();
  });

  it('read-only on request: loads, refuses edits with READ_ONLY, and does not block a writer', () => {
    createRich(dir.dir).close();
    const path = join(dir.dir, 'rich.scenario');
    const before = sha256(path);
    const ro = openScenarioFile(path, { readOnly: true });
    expect(ro.ok).toBe(true);
    if (!ro.ok) return;
    expect(ro.store.readOnly).toMatchObject({ code: 'READ_ONLY' });
    expect(ro.store.load().nodes).toHaveLength(7);
    expect(() => ro.store.apply([{ op: 'node.delete', id: 'n-trigger' }])).toThrow(expect.objectContaining({ code: 'READ_ONLY' }));
    const writer = openScenarioFile(path);
    expect(writer.ok).toBe(true);
    if (writer.ok) writer.store.close();
    ro.store.close();
    expect(sha256(path)).toBe(before);
  });
});

describe('create', () => {
  it('a new file has the four governments as core actors and one empty crisis', () => {
    const path = join(dir.dir, 'new.scenario');
    const created = createScenarioFile(path, { title: 'Fresh' });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const doc = created.store.load();
    created.store.close();
    expect(doc.scenario.title).toBe('Fresh');
    expect(doc.actors.map((a) => a.id)).toEqual(['us', 'jp', 'kr', 'cn']);
    expect(doc.scenario.coreActorIds).toEqual(['us', 'jp', 'kr', 'cn']);
    expect(doc.crises.map((c) => c.title)).toEqual(['First crisis']);
    expect(doc.nodes).toEqual([]);
  });

  it('refuses an existing path and leaves it alone', () => {
    createRich(dir.dir).close();
    const path = join(dir.dir, 'rich.scenario');
    const before = sha256(path);
    expect(createScenarioFile(path, { title: 'Clobber' })).toMatchObject({ ok: false, error: { code: 'BAD_PATH', message: expect.stringMatching(/already exists/) } });
    expect(sha256(path)).toBe(before);
  });

  it('refuses a missing folder', () => {
    expect(createScenarioFile(join(dir.dir, 'no', 'such.scenario'), { title: 'x' })).toMatchObject({ ok: false, error: { code: 'BAD_PATH' } });
  });

  it('writes nothing when the given document is invalid', () => {
    const path = join(dir.dir, 'bad.scenario');
    const store = createRich(dir.dir);
    const doc = store.load();
    store.close();
    doc.edges.push({ id: 'e-dangling', crisisId: 'crisis-a', source: 'n-trigger', target: 'ghost', kind: 'leads-to', label: '', confidence: null, basis: {} });
    expect(createScenarioFile(path, { title: 'x', document: doc })).toMatchObject({ ok: false, error: { code: 'INVALID_DATA', message: 'edges[5].target: unknown node "ghost"' } });
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir.dir)).toEqual(['rich.scenario']);
  });
});

describe('file deleted or moved while open', () => {
  for (const how of ['deleted', 'moved'] as const) {
    it(`${how}: edits fail with FILE_GONE and Save As from the live connection keeps everything`, () => {
      const store: ScenarioStore = createRich(dir.dir);
      const path = join(dir.dir, 'rich.scenario');
      store.apply([{ op: 'node.create', node: node('trigger', 'crisis-a', 'n-late') }]);
      const live = store.load();
      if (how === 'deleted') unlinkSync(path);
      else renameSync(path, join(dir.dir, 'elsewhere.scenario'));
      expect(() => store.apply([{ op: 'node.delete', id: 'n-late' }])).toThrow(expect.objectContaining({ code: 'FILE_GONE', message: expect.stringMatching(/Save As/) }));
      const rescue = join(dir.dir, 'rescued.scenario');
      store.saveAs(rescue);
      store.close();
      expect(checkScenarioFile(rescue).ok).toBe(true);
      const reopened = openScenarioFile(rescue);
      expect(reopened.ok).toBe(true);
      if (!reopened.ok) return;
      expect(reopened.store.load()).toEqual(live);
      reopened.store.close();
    });
  }
});

describe('Save As', () => {
  it('writes a complete, independent copy and keeps the open file open', () => {
    const store = createRich(dir.dir);
    const target = join(dir.dir, 'copy.scenario');
    store.saveAs(target);
    store.apply([{ op: 'node.delete', id: 'n-trigger' }]);
    const copy = openScenarioFile(target);
    expect(copy.ok).toBe(true);
    if (!copy.ok) return;
    expect(copy.store.load().nodes.some((n) => n.id === 'n-trigger')).toBe(true);
    expect(withoutModifiedAt(copy.store.load())).not.toEqual(withoutModifiedAt(store.load()));
    copy.store.close();
    store.close();
    expect(sideFiles(dir.dir)).toEqual([]);
    expect(readdirSync(dir.dir).sort()).toEqual(['copy.scenario', 'rich.scenario']);
  });

  it('refuses to write over the open file', () => {
    const store = createRich(dir.dir);
    const path = join(dir.dir, 'rich.scenario');
    const before = sha256(path);
    expect(() => store.saveAs(path)).toThrow(expect.objectContaining({ code: 'BAD_PATH' }));
    expect(() => store.saveAs(join(dir.dir, '.', 'rich.scenario'))).toThrow(expect.objectContaining({ code: 'BAD_PATH' }));
    store.close();
    expect(sha256(path)).toBe(before);
  });

  it('replaces an existing other file at the target', () => {
    const store = createRich(dir.dir);
    const other = createRich(dir.dir, 'other.scenario');
    other.apply([{ op: 'node.delete', id: 'n-crisis' }]);
    other.close();
    store.saveAs(join(dir.dir, 'other.scenario'));
    store.close();
    const reopened = openScenarioFile(join(dir.dir, 'other.scenario'));
    expect(reopened.ok && reopened.store.load().nodes.some((n) => n.id === 'n-crisis')).toBe(true);
    if (reopened.ok) reopened.store.close();
  });
});

describe('nativeBinding (Electron loads its own build of better-sqlite3)', () => {
  const binding = join(import.meta.dirname, '..', '..', '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

  it('is used by create, open, check and Save As', () => {
    const path = join(dir.dir, 'bound.scenario');
    const created = createScenarioFile(path, { title: 'Bound' }, { nativeBinding: binding });
    expect(created.ok).toBe(true);
    if (created.ok) created.store.close();
    const opened = openScenarioFile(path, { nativeBinding: binding });
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      opened.store.saveAs(join(dir.dir, 'copy.scenario'));
      opened.store.close();
    }
    expect(checkScenarioFile(path, { nativeBinding: binding }).ok).toBe(true);
  });

  it('a missing binding is a clear failure, not a crash', () => {
    createRich(dir.dir).close();
    const opened = openScenarioFile(join(dir.dir, 'rich.scenario'), { nativeBinding: join(dir.dir, 'missing.node') });
    expect(opened.ok).toBe(false);
  });
});
