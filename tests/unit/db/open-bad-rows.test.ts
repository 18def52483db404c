/**
 * Rows written by another tool that the app would never write: each one refuses the file at
 * open, read-only open and `check`, with one line naming the row, and leaves the bytes alone.
 * The rows are planted with SQLite's own escape hatches (ignore_check_constraints,
 * foreign_keys off), or need none at all where the rule spans rows (the connection rules).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkScenarioFile, openScenarioFile } from '../../../db';
import { connect, verifyFile } from '../../../db/connection';
import { createRich, sha256, sideFiles, tempDir } from './helpers';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

/** The rich sample file, then `sql` run on it the way another tool would, checks and references off. */
function plantedFile(sql: string): string {
  createRich(dir.dir, 'planted.scenario').close();
  const path = join(dir.dir, 'planted.scenario');
  const db = new Database(path);
  db.pragma('ignore_check_constraints = ON');
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  db.close();
  return path;
}

function expectDamaged(path: string, text: RegExp): void {
  const before = sha256(path);
  for (const options of [{}, { readOnly: true }]) {
    const opened = openScenarioFile(path, options);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error.code).toBe('DAMAGED_FILE');
    expect(opened.error.message).toMatch(/^The scenario file is damaged: /);
    expect(opened.error.message).toMatch(text);
    expect(opened.error.message).not.toMatch(/\n/);
  }
  const checked = checkScenarioFile(path);
  expect(checked.ok).toBe(false);
  if (!checked.ok) expect(checked.error.message).toMatch(text);
  expect(sha256(path)).toBe(before);
  expect(sideFiles(dir.dir)).toEqual([]);
}

describe('a file with a row the app would never write is refused, naming the row', () => {
  const cases: [string, string, RegExp][] = [
    ['a node of an unknown kind', "UPDATE nodes SET kind = 'banana' WHERE id = 'n-trigger'", /node "n-trigger", kind/],
    ['a node with an empty title', "UPDATE nodes SET title = '' WHERE id = 'n-crisis'", /node "n-crisis", title/],
    ['tags that are not JSON', "UPDATE nodes SET tags = '[\"naval\"' WHERE id = 'n-trigger'", /node "n-trigger", tags is not a JSON list/],
    ['tags that are numbers', "UPDATE nodes SET tags = '[1, 2]' WHERE id = 'n-trigger'", /node "n-trigger", tags\[0\]: Invalid input: expected string/],
    ['a severity on a trigger', "UPDATE nodes SET severity = 4 WHERE id = 'n-trigger'", /node "n-trigger", severity: a trigger has no severity/],
    ['a likelihood of 9', "UPDATE nodes SET likelihood = 9 WHERE id = 'n-trigger'", /node "n-trigger", likelihood/],
    ['an edge to a node that does not exist', "UPDATE edges SET target = 'ghost' WHERE id = 'e-2'", /edge "e-2", target: unknown node "ghost"/],
    ['an actor with a bad colour', "UPDATE actors SET color = 'red' WHERE id = 'asean'", /actor "asean", color/],
    ['a crisis zoomed to 0', "UPDATE crises SET viewport_zoom = 0 WHERE id = 'crisis-a'", /crisis "crisis-a", viewport\.zoom/],
    ['a stance by an unknown actor', "UPDATE stances SET actor_id = 'nobody' WHERE actor_id = 'cn'", /stance of actor "nobody" on "n-trigger", actorId/],
    ['an empty unknown stance', "UPDATE stances SET position = 'unknown', note = '' WHERE actor_id = 'cn'", /stance of actor "cn" on "n-trigger" is empty/],
    ['provenance citing a missing source', "UPDATE provenance SET source_id = 's-9' WHERE id = 'p-1'", /provenance record "p-1", sourceId: unknown source "s-9"/],
    ['core actors that are not JSON', "UPDATE scenario SET core_actor_ids = 'us, jp'", /the scenario's list of core actors is not a JSON list/],
  ];
  for (const [name, sql, text] of cases) {
    it(name, () => expectDamaged(plantedFile(sql), text));
  }

  it('an edge that breaks a connection rule, though it breaks no SQL constraint', () => {
    // impact → trigger is not an allowed connection; nothing in SQL can say so.
    const path = plantedFile("UPDATE edges SET source = 'n-impact', target = 'n-trigger' WHERE id = 'e-1'");
    const raw = new Database(path);
    expect(raw.pragma('quick_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();
    expectDamaged(path, /edge "e-1", kind: An impact cannot connect to a trigger/);
  });

  it('is caught even where SQLite would not look: quick_check skips CHECK constraints on a read-only connection', () => {
    const path = plantedFile("UPDATE nodes SET kind = 'banana' WHERE id = 'n-trigger'");
    const readOnly = new Database(path, { readonly: true });
    expect(readOnly.pragma('quick_check', { simple: true })).toBe('ok');
    readOnly.close();
    const writable = new Database(path);
    expect(writable.pragma('quick_check', { simple: true })).toMatch(/CHECK constraint failed in nodes/);
    writable.close();
    expectDamaged(path, /node "n-trigger", kind/);
  });
});

describe('what another tool may write and the app accepts', () => {
  it('a padded title is read trimmed, as an import would trim it', () => {
    const path = plantedFile("UPDATE nodes SET title = '  Blockade declared  ' WHERE id = 'n-crisis'");
    const opened = openScenarioFile(path);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.store.load().nodes.find((n) => n.id === 'n-crisis')?.title).toBe('Blockade declared');
    opened.store.close();
  });
});

describe('the structural quick_check at open', () => {
  it('leaves CHECK constraints enforced for every write afterwards', () => {
    createRich(dir.dir, 'fine.scenario').close();
    const db = connect(join(dir.dir, 'fine.scenario'), { readOnly: false });
    try {
      verifyFile(db);
      expect(db.pragma('ignore_check_constraints', { simple: true })).toBe(0);
      expect(() => db.prepare("UPDATE nodes SET kind = 'banana' WHERE id = 'n-trigger'").run()).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });

  it('still finds structural damage', () => {
    const path = plantedFile('');
    const db = new Database(path);
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    // Point the nodes index at the edges table's root page: a b-tree that is not what it claims.
    const edgesRoot = (db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'edges'").get() as { rootpage: number }).rootpage;
    db.prepare("UPDATE sqlite_schema SET rootpage = ? WHERE name = 'nodes_by_crisis'").run(edgesRoot);
    db.close();
    const opened = openScenarioFile(path);
    expect(opened).toMatchObject({ ok: false, error: { code: 'DAMAGED_FILE' } });
  });
});
