// The CLI checks a scenario file larger than SYNC_CHECK_MAX_BYTES in the built open-check worker
// (out/main/open-worker.js), as the app does: `check` and `info` say what the synchronous checks
// say, a bad row is refused in one line with exit 1, and the file is unchanged.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportLibrary } from '../../../core/library';
import { blankNode } from '../../../core/model';
import { checkScenarioFile, createScenarioFile, SYNC_CHECK_MAX_BYTES } from '../../../db';
import { binCli } from './run';

let dir = '';
let large = '';
const cli = binCli(() => dir);
const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-cli-large-'));
  large = join(dir, 'large.scenario');
  const doc = reportLibrary();
  const crisisId = doc.crises[0]!.id;
  // About 200 bytes a node: sized from the limit, so the file stays past it if the limit moves.
  const extra = Math.ceil((SYNC_CHECK_MAX_BYTES * 1.2) / 200);
  for (let i = 0; i < extra; i++) doc.nodes.push({ ...blankNode('impact', crisisId, `bulk-${i}`, { x: (i % 100) * 260, y: Math.floor(i / 100) * 120 }), title: `Impact ${i}`, description: 'A planner-written description of moderate length, repeated to fill the file.' });
  const created = createScenarioFile(large, { title: 'Large', document: doc });
  if (!created.ok) throw new Error(created.error.message);
  created.store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CLI on a scenario file past the synchronous limit', () => {
  it('checks it and describes it as the synchronous checks do, changing nothing', () => {
    expect(statSync(large).size).toBeGreaterThan(SYNC_CHECK_MAX_BYTES);
    const before = hashOf(large);
    expect(cli('check', 'large.scenario')).toMatchObject({ code: 0, stdout: `ok: ${large}\n`, stderr: '' });
    const info = cli('info', 'large.scenario');
    expect(info.code).toBe(0);
    const synchronous = checkScenarioFile(large);
    if (!synchronous.ok) throw new Error(synchronous.error.message);
    expect(JSON.parse(info.stdout)).toEqual(synchronous.info);
    expect(hashOf(large)).toBe(before);
  });

  it('refuses a bad row found by the worker in one line, exit 1, the file unchanged', () => {
    const bad = join(dir, 'bad.scenario');
    const raw = new Database(large, { readonly: true });
    raw.exec(`VACUUM INTO '${bad.replaceAll("'", "''")}'`);
    raw.close();
    const edit = new Database(bad);
    edit.pragma('ignore_check_constraints = ON');
    edit.prepare("UPDATE nodes SET likelihood = 9 WHERE id = 'bulk-7'").run();
    edit.close();
    const before = hashOf(bad);
    const runs: Record<string, string[]> = {
      check: ['check', 'bad.scenario'],
      export: ['export', 'bad.scenario', '--format', 'json', '-o', 'out.json'],
      diff: ['diff', 'large.scenario', 'bad.scenario'],
    };
    for (const args of Object.values(runs)) {
      const result = cli(...args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^scenario-workbench: The scenario file is damaged: node "bulk-7", likelihood: .+\n$/);
    }
    expect(hashOf(bad)).toBe(before);
  });

  it('diffs it on the same path: a file with itself has no differences', () => {
    const before = hashOf(large);
    expect(cli('diff', 'large.scenario', 'large.scenario')).toMatchObject({ code: 0, stdout: 'no differences between large.scenario and large.scenario\n', stderr: '' });
    expect(hashOf(large)).toBe(before);
  });
});
