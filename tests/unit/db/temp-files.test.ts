/**
 * Leftovers of an interrupted create, Save As or upgrade are swept the next time that name is
 * used, but only when they are surely dead: old, and made by a process that no longer runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScenarioFile, openScenarioFile, writeFileAtomically } from '../../../db';
import { sweepStaleTemps } from '../../../db/temp-files';
import { createRich, tempDir } from './helpers';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

/** A pid that surely ran and has exited: a child process that is gone. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function leftover(name: string, ageMinutes: number): string {
  const path = join(dir.dir, name);
  writeFileSync(path, 'partial');
  const at = (Date.now() - ageMinutes * 60_000) / 1000;
  utimesSync(path, at, at);
  return path;
}

describe('stale export temp files', () => {
  it('are swept when that name is next exported to', () => {
    const dead = deadPid();
    const stale = leftover(`.brief.png.exporting-${dead}-0a1b2c3d`, 120);
    const recent = leftover(`.brief.png.exporting-${dead}-99999999`, 5);
    writeFileAtomically(join(dir.dir, 'brief.png'), new Uint8Array([1, 2, 3]));
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(readdirSync(dir.dir).sort()).toEqual(['.brief.png.exporting-' + dead + '-99999999', 'brief.png']);
  });
});

describe('stale temp files beside a scenario', () => {
  it('are swept when the file is next opened, and only the dead, old ones of that name', () => {
    createRich(dir.dir, 'plan.scenario').close();
    const dead = deadPid();
    const stale = [
      leftover(`.plan.scenario.saving-${dead}-0a1b2c3d`, 120),
      leftover(`.plan.scenario.creating-${dead}-deadbeef-journal`, 120),
      leftover(`.plan.scenario.migrating-${dead}-12345678`, 90),
    ];
    const kept = [
      leftover(`.plan.scenario.saving-${dead}-99999999`, 5), // recent: may be another machine's work
      leftover(`.plan.scenario.saving-${process.pid}-77777777`, 120), // its process still runs
      leftover(`.other.scenario.saving-${dead}-0a1b2c3d`, 120), // another file's
      leftover(`.plan.scenario.backup-${dead}-0a1b2c3d`, 120), // not one of ours
    ];
    const opened = openScenarioFile(join(dir.dir, 'plan.scenario'));
    expect(opened.ok).toBe(true);
    if (opened.ok) opened.store.close();
    for (const path of stale) expect(existsSync(path)).toBe(false);
    for (const path of kept) expect(existsSync(path)).toBe(true);
  });

  it('are swept before a create or Save As to the same name', () => {
    const dead = deadPid();
    const beforeCreate = leftover(`.new.scenario.creating-${dead}-abcdef01`, 61);
    const created = createScenarioFile(join(dir.dir, 'new.scenario'), { title: 'New' });
    expect(created.ok).toBe(true);
    expect(existsSync(beforeCreate)).toBe(false);
    const beforeSave = leftover(`.copy.scenario.saving-${dead}-abcdef02`, 61);
    if (created.ok) {
      created.store.saveAs(join(dir.dir, 'copy.scenario'));
      created.store.close();
    }
    expect(existsSync(beforeSave)).toBe(false);
    expect(readdirSync(dir.dir).sort()).toEqual(['copy.scenario', 'new.scenario']);
  });

  it('are left alone by a read-only open, and sweeping an unreadable folder is harmless', () => {
    createRich(dir.dir, 'plan.scenario').close();
    const stale = leftover(`.plan.scenario.saving-${deadPid()}-0a1b2c3d`, 120);
    const opened = openScenarioFile(join(dir.dir, 'plan.scenario'), { readOnly: true });
    if (opened.ok) opened.store.close();
    expect(existsSync(stale)).toBe(true);
    expect(sweepStaleTemps(join(dir.dir, 'missing-folder', 'x.scenario'))).toEqual([]);
  });
});
