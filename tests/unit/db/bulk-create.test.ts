// A large document is written into bare tables and its indexes built afterwards; the file must
// still match the migrations' schema exactly, so it opens, and the indexes must all be there.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateDocument } from '../../../bench/fixtures';
import { checkScenarioFile, createScenarioFile, openScenarioFile } from '../../../db';

const dir = mkdtempSync(join(tmpdir(), 'sw-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('creates a large file whose schema and indexes are exactly the migrated ones', () => {
  const small = join(dir, 'small.scenario');
  const large = join(dir, 'large.scenario');
  const made = [createScenarioFile(small, { title: 'Small' }), createScenarioFile(large, { title: 'Large', document: generateDocument({ crises: 2, nodesPerCrisis: 800, edgeFactor: 1.5, seed: 5 }) })];
  for (const result of made) {
    expect(result.ok).toBe(true);
    if (result.ok) result.store.close();
  }
  const schema = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name").all();
    } finally {
      db.close();
    }
  };
  expect(schema(large)).toEqual(schema(small));
  expect((schema(large) as { type: string }[]).filter((o) => o.type === 'index').length).toBeGreaterThanOrEqual(8);
  expect(checkScenarioFile(large)).toMatchObject({ ok: true, info: { counts: { crisis: expect.any(Number) } } });
  const opened = openScenarioFile(large);
  expect(opened.ok).toBe(true);
  if (opened.ok) {
    expect(opened.store.load().nodes).toHaveLength(1600);
    opened.store.close();
  }
});
