import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, SCHEMA_VERSION, checkScenarioFile, openScenarioFile } from '../../../db';
import { createRich, sha256, sideFiles, tempDir } from './helpers';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

/** A valid closed scenario file in the temp folder. */
function goodFile(name = 'good.scenario'): string {
  const store = createRich(dir.dir, name);
  store.close();
  return join(dir.dir, name);
}

/** Run `fn` on the file; expect one clear line with `code`, from both open and check, and unchanged bytes. */
function expectRefused(path: string, code: string, text: RegExp): void {
  const before = sha256(path);
  const opened = openScenarioFile(path);
  expect(opened.ok).toBe(false);
  if (opened.ok) return;
  expect(opened.error.code).toBe(code);
  expect(opened.error.message).toMatch(text);
  expect(opened.error.message).not.toMatch(/\n/);
  const checked = checkScenarioFile(path);
  expect(checked).toMatchObject({ ok: false, error: { code } });
  expect(sha256(path)).toBe(before);
  expect(sideFiles(dir.dir)).toEqual([]);
}

describe('bad inputs get one clear line and the file stays byte-for-byte the same', () => {
  it('a 0-byte file is not a scenario', () => {
    const path = join(dir.dir, 'empty.scenario');
    writeFileSync(path, '');
    expectRefused(path, 'NOT_A_SCENARIO', /not a scenario file.*empty/i);
    expect(statSync(path).size).toBe(0);
  });

  it('a PNG renamed .scenario is not a scenario', () => {
    const path = join(dir.dir, 'picture.scenario');
    writeFileSync(path, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4000, 7)]));
    expectRefused(path, 'NOT_A_SCENARIO', /not an SQLite database/);
  });

  it('a text file renamed .scenario is not a scenario', () => {
    const path = join(dir.dir, 'notes.scenario');
    writeFileSync(path, 'Meeting notes\n'.repeat(500));
    expectRefused(path, 'NOT_A_SCENARIO', /not a scenario file/i);
  });

  it("another application's SQLite file is not a scenario", () => {
    const path = join(dir.dir, 'other.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE notes (body TEXT)');
    db.pragma('application_id = 12345');
    db.close();
    expectRefused(path, 'NOT_A_SCENARIO', /another application/);
  });

  it('a plain SQLite file with no application id is not a scenario', () => {
    const path = join(dir.dir, 'plain.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x TEXT)');
    db.close();
    expectRefused(path, 'NOT_A_SCENARIO', /another application/);
  });

  it('a truncated file is damaged', () => {
    const path = goodFile();
    truncateSync(path, statSync(path).size - 4096 - 100);
    expectRefused(path, 'DAMAGED_FILE', /damaged/);
  });

  it('a file cut at a page boundary is damaged', () => {
    const path = goodFile();
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    truncateSync(path, bytes.length - pageSize);
    expectRefused(path, 'DAMAGED_FILE', /damaged/);
  });

  it('a garbage page is damaged', () => {
    const path = goodFile();
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    for (let i = pageSize * 2; i < pageSize * 3; i++) bytes[i] = (i * 131) & 0xff;
    writeFileSync(path, bytes);
    expectRefused(path, 'DAMAGED_FILE', /damaged/);
  });

  for (const [kind, sql] of [
    ['trigger', 'CREATE TRIGGER spy AFTER UPDATE ON nodes BEGIN DELETE FROM edges; END'],
    ['view', 'CREATE VIEW peek AS SELECT * FROM nodes'],
    ['table', 'CREATE TABLE extra (x TEXT) STRICT'],
    ['index', 'CREATE INDEX extra_idx ON nodes(title)'],
  ] as const) {
    it(`a planted ${kind} is refused`, () => {
      const path = goodFile();
      const db = new Database(path);
      db.exec(sql);
      db.close();
      expectRefused(path, 'UNSAFE_SCHEMA', new RegExp(`unknown ${kind}`));
    });
  }

  it('an altered table definition (CHECK constraint removed) is refused', () => {
    const path = goodFile();
    const db = new Database(path);
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (length(code) BETWEEN 1 AND 12)', '') WHERE name = 'actors'").run();
    db.close();
    expectRefused(path, 'UNSAFE_SCHEMA', /altered/);
  });
});

describe('paths', () => {
  it('a missing file', () => {
    const opened = openScenarioFile(join(dir.dir, 'nope.scenario'));
    expect(opened).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a directory', () => {
    const path = join(dir.dir, 'folder.scenario');
    mkdirSync(path);
    expect(openScenarioFile(path)).toMatchObject({ ok: false, error: { code: 'BAD_PATH', message: expect.stringMatching(/is a folder/) } });
    expect(checkScenarioFile(path)).toMatchObject({ ok: false, error: { code: 'BAD_PATH' } });
  });

  it('a symlink is refused by policy, even to a good file', () => {
    const target = goodFile();
    const link = join(dir.dir, 'link.scenario');
    symlinkSync(target, link);
    const before = sha256(target);
    expect(openScenarioFile(link)).toMatchObject({ ok: false, error: { code: 'BAD_PATH', message: expect.stringMatching(/symbolic link/) } });
    expect(sha256(target)).toBe(before);
  });
});

describe('a good file', () => {
  it('passes check without being written, and reports identity and counts', () => {
    const path = goodFile();
    const before = sha256(path);
    const checked = checkScenarioFile(path);
    expect(checked).toMatchObject({
      ok: true,
      info: {
        formatVersion: SCHEMA_VERSION,
        applicationId: APPLICATION_ID,
        title: 'Strait contingency',
        counts: { crises: 2, actors: 5, trigger: 2, crisis: 1, impact: 2, response: 2, edges: 5, stances: 4, sources: 2, provenance: 2 },
        readOnly: null,
      },
    });
    if (checked.ok) expect(checked.info.crises).toEqual([
      { id: 'crisis-a', title: 'Blockade', nodes: 6, edges: 5 },
      { id: 'crisis-b', title: 'Pandemic', nodes: 1, edges: 0 },
    ]);
    expect(sha256(path)).toBe(before);
  });

  it('can be copied and opened elsewhere: it is one self-contained file', () => {
    const path = goodFile();
    const copy = join(dir.dir, 'copy.scenario');
    copyFileSync(path, copy);
    const opened = openScenarioFile(copy);
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(opened.store.load().nodes).toHaveLength(7);
      opened.store.close();
    }
  });
});

describe('a file left with a hot journal by a crash', () => {
  /** Copy a file mid-transaction (changes spilled to disk, journal hot), as a crash would leave it. */
  function crashedCopy(): { path: string; journal: string } {
    const path = join(dir.dir, 'live.scenario');
    const store = createRich(dir.dir, 'live.scenario');
    store.close();
    const db = new Database(path);
    db.pragma('cache_size = 1');
    db.exec('BEGIN');
    db.exec("UPDATE nodes SET description = 'uncommitted' || id");
    db.exec(`UPDATE nodes SET description = description || '${'x'.repeat(4000)}'`);
    const crashed = join(dir.dir, 'crashed.scenario');
    copyFileSync(path, crashed);
    copyFileSync(`${path}-journal`, `${crashed}-journal`);
    db.exec('ROLLBACK');
    db.close();
    return { path: crashed, journal: `${crashed}-journal` };
  }

  it('check refuses it with a recovery hint and changes neither file; open recovers it', () => {
    const { path, journal } = crashedCopy();
    const before = [sha256(path), sha256(journal)];
    expect(checkScenarioFile(path)).toMatchObject({ ok: false, error: { code: 'DAMAGED_FILE', message: expect.stringMatching(/not closed cleanly/) } });
    expect([sha256(path), sha256(journal)]).toEqual(before);
    const opened = openScenarioFile(path);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.store.load().nodes.every((n) => !n.description.startsWith('uncommitted'))).toBe(true);
    opened.store.close();
    expect(checkScenarioFile(path).ok).toBe(true);
  });
});

describe('a scenario switched to WAL journal mode by another tool', () => {
  it('is refused before SQLite opens it: no conversion, no -wal or -shm created', () => {
    const path = goodFile();
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.close();
    expect(readFileSync(path)[18]).toBe(2);
    expectRefused(path, 'NOT_A_SCENARIO', /WAL journal mode/);
    expect(sideFiles(dir.dir)).toEqual([]);
  });
});

describe('a crash after page 1 was written but before the file grew', () => {
  it('is recovered from its journal, not refused as truncated', () => {
    const live = join(dir.dir, 'live.scenario');
    createRich(dir.dir, 'live.scenario').close();
    const originalSize = statSync(live).size;
    const db = new Database(live);
    db.pragma('cache_size = 1');
    db.exec('BEGIN');
    db.pragma('user_version = 2'); // puts page 1 in the rollback journal
    db.exec(`UPDATE nodes SET description = '${'y'.repeat(9000)}'`);
    const crashed = join(dir.dir, 'crashed.scenario');
    copyFileSync(`${live}-journal`, `${crashed}-journal`);
    const bytes = readFileSync(live).subarray(0, originalSize);
    db.exec('ROLLBACK');
    db.close();
    // Page 1 as a commit would have left it: a valid in-header size larger than the file on disk.
    const pageSize = bytes.readUInt16BE(16);
    bytes.writeUInt32BE(bytes.length / pageSize + 20, 28);
    bytes.writeUInt32BE(bytes.readUInt32BE(24), 92);
    writeFileSync(crashed, bytes);
    const opened = openScenarioFile(crashed);
    expect(opened).toMatchObject({ ok: true });
    if (!opened.ok) return;
    expect(opened.store.load().nodes.map((n) => n.description)).not.toContain('y'.repeat(9000));
    opened.store.close();
    expect(checkScenarioFile(crashed).ok).toBe(true);
  });
});
