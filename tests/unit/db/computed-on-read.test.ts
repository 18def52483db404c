// A schema object that computes on read (a generated column, an expression index, a default that
// calls a function) is refused by the schema comparison before quick_check or any other check
// evaluates it. The fixture's generated NOT NULL column costs about two seconds per row to compute
// (a 100 MB string): a check that evaluated it would run far past the test's time limit.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, checkScenarioFile, openScenarioFile } from '../../../db';
import { createRich, folderHashes, tempDir } from './helpers';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

const EXPENSIVE = "printf('%.*c', 100000000, 'x')";

/** The rich sample with `sql` run and, when `planted` is given, a table's definition rewritten in place (as an attacker would). */
function planted(version: number, sql: string, rewrite?: { table: string; definition: string }): string {
  createRich(dir.dir, 'planted.scenario').close();
  const path = join(dir.dir, 'planted.scenario');
  const db = new Database(path);
  db.exec(sql);
  if (rewrite) {
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare('UPDATE sqlite_schema SET sql = ? WHERE name = ?').run(rewrite.definition, rewrite.table);
  }
  db.pragma(`user_version = ${version}`);
  db.close();
  return path;
}

function expectUnsafe(path: string, text: RegExp): void {
  const before = folderHashes(dir.dir);
  for (const result of [openScenarioFile(path), openScenarioFile(path, { readOnly: true })]) {
    expect(result).toMatchObject({ ok: false, error: { code: 'UNSAFE_SCHEMA' } });
    if (!result.ok) expect(result.error.message).toMatch(text);
  }
  // check refuses too: as unsafe, or (a newer file) because it never vouches for one.
  expect(checkScenarioFile(path)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/UNSAFE_SCHEMA|NEWER_VERSION/) } });
  expect(folderHashes(dir.dir)).toEqual(before);
}

const rows = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) INSERT INTO extra SELECT 'row ' || i FROM n";
const generated = { table: 'extra', definition: `CREATE TABLE extra (x TEXT, big TEXT GENERATED ALWAYS AS (${EXPENSIVE}) VIRTUAL NOT NULL)` };

describe('a planted generated column never gets computed', () => {
  it('in a file of this version: refused as an unknown table before quick_check', () => {
    const path = planted(SCHEMA_VERSION, `CREATE TABLE extra (x TEXT); ${rows}`, generated);
    expectUnsafe(path, /unknown table "extra"/);
  }, 15_000);

  it('added to one of our tables: refused as altered before quick_check', () => {
    const path = planted(SCHEMA_VERSION, '', {
      table: 'sources',
      definition: `CREATE TABLE sources (id TEXT PRIMARY KEY, title TEXT NOT NULL, author TEXT NOT NULL, date TEXT NOT NULL, citation TEXT NOT NULL, big TEXT GENERATED ALWAYS AS (${EXPENSIVE}) VIRTUAL NOT NULL) STRICT`,
    });
    expectUnsafe(path, /definition of table "sources" has been altered/);
  }, 15_000);

  it('in a file from a newer version (whose added tables are allowed): refused before quick_check', () => {
    const path = planted(SCHEMA_VERSION + 1, `CREATE TABLE extra (x TEXT); ${rows}`, generated);
    expectUnsafe(path, /generated column "extra\.big"/);
  }, 15_000);
});

describe('other objects that compute on read, in a newer file', () => {
  it('an index on an expression', () => {
    const path = planted(SCHEMA_VERSION + 1, 'CREATE INDEX shout ON nodes(upper(title))');
    expectUnsafe(path, /index on an expression \("shout"\)/);
  });

  it('a default that calls a function', () => {
    const path = planted(SCHEMA_VERSION + 1, `CREATE TABLE extra (x TEXT DEFAULT (${EXPENSIVE}))`);
    expectUnsafe(path, /"extra\.x" has a computed default/);
  });

  it('while plain added tables, columns and indexes still open read-only', () => {
    const path = planted(SCHEMA_VERSION + 1, "CREATE TABLE extra (x TEXT DEFAULT 'plain', n INTEGER DEFAULT -1.5e3); CREATE INDEX extra_x ON extra(x)");
    const opened = openScenarioFile(path);
    expect(opened).toMatchObject({ ok: true, store: { readOnly: { code: 'NEWER_VERSION' } } });
    if (opened.ok) opened.store.close();
  });
});
