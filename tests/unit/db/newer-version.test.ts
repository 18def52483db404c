/**
 * A file made by a newer version of the app opens read-only, with the reason, as long as this
 * version can read it; otherwise it is refused with a typed NEWER_VERSION error. Either way the
 * file is never written.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, canonicalDocument, checkScenarioFile, openScenarioFile, salvageScenarioFile } from '../../../db';
import { createRich, richDocument, sha256, sideFiles, tempDir } from './helpers';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

const NEWER = SCHEMA_VERSION + 1;

/** The rich sample as a later version might leave it: `sql` applied, user_version raised. */
function newerFile(sql = ''): string {
  createRich(dir.dir, 'future.scenario').close();
  const path = join(dir.dir, 'future.scenario');
  const db = new Database(path);
  db.pragma('ignore_check_constraints = ON');
  db.exec(sql);
  db.pragma(`user_version = ${NEWER}`);
  db.close();
  return path;
}

function expectRefused(path: string, code: string, text: RegExp): void {
  const before = sha256(path);
  const opened = openScenarioFile(path);
  expect(opened).toMatchObject({ ok: false, error: { code } });
  if (!opened.ok) expect(opened.error.message).toMatch(text);
  expect(sha256(path)).toBe(before);
}

describe('a file from a newer version', () => {
  it('opens read-only with the reason, shows everything, and refuses edits; the file is untouched', () => {
    const path = newerFile();
    const before = sha256(path);
    const opened = openScenarioFile(path);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const { store } = opened;
    expect(store.readOnly).toEqual({ code: 'NEWER_VERSION', message: expect.stringMatching(new RegExp(`newer version of the app \\(format ${NEWER}; this version reads up to ${SCHEMA_VERSION}\\), so it opens read-only`)) });
    expect(store.load()).toEqual(canonicalDocument(richDocument()));
    expect(store.info().formatVersion).toBe(NEWER);
    expect(() => store.apply([{ op: 'node.update', id: 'n-trigger', patch: { title: 'Changed' } }])).toThrow(/read-only.*newer version/);
    store.close();
    expect(sha256(path)).toBe(before);
    expect(sideFiles(dir.dir)).toEqual([]);
  });

  it('opens read-only when the later version added a column, a table and an index', () => {
    const path = newerFile(`
      ALTER TABLE nodes ADD COLUMN confidence_note TEXT;
      CREATE TABLE annotations (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT;
      CREATE INDEX nodes_by_title ON nodes(title);`);
    const opened = openScenarioFile(path);
    expect(opened.ok && opened.store.readOnly?.code).toBe('NEWER_VERSION');
    if (opened.ok) {
      expect(opened.store.load().nodes).toHaveLength(richDocument().nodes.length);
      opened.store.close();
    }
  });

  it('is refused, with a typed error, when this version cannot read its layout or its rows', () => {
    expectRefused(newerFile('ALTER TABLE nodes RENAME COLUMN horizon TO time_horizon'), 'NEWER_VERSION', /cannot read \(no column "nodes\.horizon"\)/);
    dir.cleanup();
    dir = tempDir();
    expectRefused(newerFile('PRAGMA foreign_keys = OFF; DROP TABLE provenance'), 'NEWER_VERSION', /cannot read \(no table "provenance"\)/);
    dir.cleanup();
    dir = tempDir();
    expectRefused(newerFile("UPDATE nodes SET kind = 'assumption' WHERE id = 'n-impact2'"), 'NEWER_VERSION', /cannot show \(node "n-impact2", kind: /);
  });

  it('is still refused when it carries a trigger or a view, or is damaged', () => {
    expectRefused(newerFile('CREATE TRIGGER spy AFTER UPDATE ON nodes BEGIN DELETE FROM edges; END'), 'UNSAFE_SCHEMA', /unknown trigger "spy"/);
  });

  it('is not checked or recovered by this version, which says why', () => {
    const path = newerFile();
    expect(checkScenarioFile(path)).toMatchObject({ ok: false, error: { code: 'NEWER_VERSION', message: expect.stringMatching(/Update the app to check it/) } });
    expect(salvageScenarioFile(path, join(dir.dir, 'copy.scenario'))).toMatchObject({ ok: false, error: { code: 'NEWER_VERSION' } });
  });
});
