// Refusals as a user meets them on the command line: one line on stderr, exit 1, and every file
// involved (the scenario and anything beside it) byte-for-byte unchanged, compared by hash.
import { linkSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScenarioFile } from '../../../db';
import { folderHashes, plantForeignWal, richDocument } from '../db/helpers';
import { binCli } from './run';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sw-cli-refusals-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = binCli(() => dir);

/** Run the CLI; expect exit 1, one line matching `text`, and no file in the folder changed, added or removed. */
function expectRefused(args: string[], text: RegExp): void {
  const before = folderHashes(dir);
  const result = cli(...args);
  expect(result.code, args.join(' ')).toBe(1);
  expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
  expect(result.stderr, args.join(' ')).toMatch(text);
  expect(folderHashes(dir), args.join(' ')).toEqual(before);
}

function scenario(name = 'plan.scenario'): string {
  const created = createScenarioFile(join(dir, name), { title: 'x', document: richDocument() });
  if (!created.ok) throw new Error(created.error.message);
  created.store.close();
  return join(dir, name);
}

describe('an output aimed at an input is refused by file identity', () => {
  it('export, under every spelling of the source (same, ./, symlink, hard link, its -journal)', () => {
    const plan = scenario();
    symlinkSync(plan, join(dir, 'link.scenario'));
    linkSync(plan, join(dir, 'hard.png'));
    for (const out of ['plan.scenario', './plan.scenario', plan, 'link.scenario', 'hard.png', 'plan.scenario-journal']) {
      expectRefused(['export', 'plan.scenario', '--format', 'png', '-o', out], /Refused: .* (is the scenario being exported|keeps the journal of)/);
    }
  });

  it('import and recover onto their own input', () => {
    const plan = scenario();
    const json = join(dir, 'plan.json');
    expect(cli('export', plan, '--format', 'json', '-o', json).code).toBe(0);
    linkSync(json, join(dir, 'same.scenario'));
    expectRefused(['import', 'plan.json', '-o', 'same.scenario'], /Refused: .*is the file being imported/);
    expectRefused(['recover', 'plan.scenario', '-o', './plan.scenario'], /Refused: .*is the file being recovered/);
  });
});

describe('a stray -wal beside a scenario is refused before SQLite opens it', () => {
  it('info, check, export, analyze and import-over refuse it; nothing is applied or created', () => {
    const plan = scenario();
    plantForeignWal(plan, (db) => {
      db.prepare("UPDATE scenario SET title = 'Content from another copy'").run();
      db.exec('CREATE TRIGGER planted AFTER UPDATE ON scenario BEGIN SELECT 1; END');
    });
    const stray = /plan\.scenario-wal lies beside .*Nothing was changed/;
    expectRefused(['info', 'plan.scenario'], stray);
    expectRefused(['check', 'plan.scenario'], stray);
    expectRefused(['export', 'plan.scenario', '--format', 'json', '-o', 'out.json'], stray);
    expectRefused(['analyze', 'plan.scenario'], stray);
  });

  it('check never creates a file, even beside a -wal alone', () => {
    const plan = scenario();
    plantForeignWal(plan, (db) => void db.prepare("UPDATE scenario SET title = 'Other'").run(), false);
    expectRefused(['check', 'plan.scenario'], /plan\.scenario-wal lies beside/);
  });

  it('new and import refuse a name where another file’s journal lies', () => {
    writeFileSync(join(dir, 'fresh.scenario-journal'), 'from a deleted file of the same name');
    expectRefused(['new', 'fresh.scenario'], /fresh\.scenario-journal lies beside/);
  });
});
