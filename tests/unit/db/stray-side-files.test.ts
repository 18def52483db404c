// A -wal or -shm beside a rollback-journal scenario (another copy's, or planted) is refused before
// SQLite opens the file: nothing applied, nothing created, no byte of any file changed. And no new
// file is put in place where another file's journal still lies.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkScenarioFile, createScenarioFile, openScenarioFile, salvageScenarioFile, salvageSummary } from '../../../db';
import { createRich, folderHashes, plantForeignWal, richDocument, tempDir } from './helpers';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

function scenarioWithForeignWal(withShm = true): string {
  const path = join(dir.dir, 'plan.scenario');
  createRich(dir.dir, 'plan.scenario').close();
  plantForeignWal(path, (db) => {
    db.prepare("UPDATE scenario SET title = 'Content from another copy'").run();
    db.exec("CREATE TRIGGER planted AFTER UPDATE ON scenario BEGIN SELECT 1; END");
  }, withShm);
  return path;
}

describe('a stray -wal or -shm beside a scenario', () => {
  for (const withShm of [true, false]) {
    it(`is refused by open (editing and read-only) and check, with one line, changing nothing${withShm ? '' : ' (-wal alone)'}`, () => {
      const path = scenarioWithForeignWal(withShm);
      const before = folderHashes(dir.dir);
      for (const attempt of [() => openScenarioFile(path), () => openScenarioFile(path, { readOnly: true }), () => checkScenarioFile(path)]) {
        const result = attempt();
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe('STRAY_SIDE_FILE');
        expect(result.error.message).toMatch(/plan\.scenario-wal lies beside .*plan\.scenario.*Nothing was changed.*copy without it/);
        expect(result.error.message).not.toContain('\n');
        expect(folderHashes(dir.dir)).toEqual(before); // no -shm created, the trigger never reached the file
      }
    });
  }

  it('a -shm alone is refused too', () => {
    const path = join(dir.dir, 'plan.scenario');
    createRich(dir.dir, 'plan.scenario').close();
    writeFileSync(`${path}-shm`, Buffer.alloc(32768));
    const before = folderHashes(dir.dir);
    expect(openScenarioFile(path)).toMatchObject({ ok: false, error: { code: 'STRAY_SIDE_FILE' } });
    expect(checkScenarioFile(path)).toMatchObject({ ok: false, error: { code: 'STRAY_SIDE_FILE' } });
    expect(folderHashes(dir.dir)).toEqual(before);
  });

  it('recovery reads the file alone: a copy without the -wal, with the original title and no trigger', () => {
    const path = scenarioWithForeignWal();
    const before = folderHashes(dir.dir);
    const target = join(dir.dir, 'copy.scenario');
    const result = salvageScenarioFile(path, target);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.store.load().scenario.title).toBe(richDocument().scenario.title);
    result.store.close();
    const after = folderHashes(dir.dir);
    delete after['copy.scenario'];
    expect(after).toEqual(before);
    expect(checkScenarioFile(target).ok).toBe(true);
  });
});

describe('a new file is never put where another file’s journal lies', () => {
  for (const suffix of ['-journal', '-wal', '-shm']) {
    it(`create and Save As refuse a target with a ${suffix} beside it`, () => {
      const target = join(dir.dir, 'new.scenario');
      writeFileSync(`${target}${suffix}`, 'left by a deleted file of the same name');
      const store = createRich(dir.dir, 'source.scenario');
      const before = folderHashes(dir.dir);
      const created = createScenarioFile(target, { title: 'New' });
      expect(created).toMatchObject({ ok: false, error: { code: 'BAD_PATH' } });
      expect(!created.ok && created.error.message).toMatch(new RegExp(`new\\.scenario${suffix} lies beside`));
      expect(() => store.saveAs(target)).toThrow(expect.objectContaining({ code: 'BAD_PATH' }));
      store.close();
      expect(folderHashes(dir.dir)).toEqual(before);
      expect(existsSync(target)).toBe(false);
    });
  }
});

describe('recovery beside a pending journal', () => {
  it('says uncommitted changes were found and not applied, and leaves the journal as it was', () => {
    const path = join(dir.dir, 'plan.scenario');
    createRich(dir.dir, 'plan.scenario').close();
    writeFileSync(`${path}-journal`, Buffer.alloc(4096, 7));
    const before = folderHashes(dir.dir);
    const result = salvageScenarioFile(path, join(dir.dir, 'recovered.scenario'));
    if (!result.ok) throw new Error(result.error.message);
    result.store.close();
    expect(result.report.notApplied).toEqual(['plan.scenario-journal']);
    expect(salvageSummary(result.report)).toMatch(/Uncommitted changes were found in plan\.scenario-journal and not applied/);
    const after = folderHashes(dir.dir);
    delete after['recovered.scenario'];
    expect(after).toEqual(before);
  });
});
