// No write of the app's (export, Save As, Save a Copy, recovery) lands on a scenario open in a
// window or on the file it reads, whatever the path's spelling: same path, ./, symlink, hard link,
// or the open file's -journal. Each refusal is one line and leaves every file's bytes unchanged.
import Database from 'better-sqlite3';
import { linkSync, mkdirSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScenarioFile } from '../../../db';
import { folderHashes } from '../db/helpers';
import { mainHarness, type MainHarness } from '../support/main-harness';

let h: MainHarness;
let work: string;
beforeEach(() => {
  h = mainHarness();
  work = join(h.dir, 'plans');
  mkdirSync(work);
});
afterEach(() => h.dispose());

function scenario(name: string, title: string): string {
  const path = join(work, name);
  const created = createScenarioFile(path, { title });
  if (!created.ok) throw new Error(created.error.message);
  created.store.close();
  return path;
}

/** Ways to name `path` other than itself, made in the same folder. */
function aliases(path: string): string[] {
  const link = join(work, 'link.scenario');
  const hard = join(work, 'hard.scenario');
  symlinkSync(path, link);
  linkSync(path, hard);
  return [path, join(work, '.', basename(path)), link, hard, `${path}-journal`];
}

async function expectRefused(call: () => Promise<{ ok: boolean; error?: { code: string; message: string } }>, code: string): Promise<void> {
  const before = folderHashes(work);
  const result = await call();
  expect(result.ok).toBe(false);
  expect(result.error?.code).toBe(code);
  expect(result.error?.message).toMatch(/^Refused: /);
  expect(result.error?.message).not.toContain('\n');
  expect(folderHashes(work)).toEqual(before);
}

describe('outputs never land on an open scenario', () => {
  it('export from the app refuses the open file under every spelling', async () => {
    const plan = scenario('plan.scenario', 'Plan');
    h.dialogs.open.push(plan);
    await h.view('openScenario', {});
    for (const target of aliases(plan)) {
      h.dialogs.exportTargets.push(target);
      await expectRefused(() => h.call('exportScenario', { format: 'png', scope: { kind: 'all' } }), 'ALREADY_OPEN');
    }
  });

  it("Save As and Save a Copy refuse another window's file, by identity", async () => {
    const plan = scenario('plan.scenario', 'Plan');
    const other = scenario('other.scenario', 'Other');
    h.dialogs.open.push(plan);
    await h.view('openScenario', {}, 1);
    h.dialogs.open.push(other);
    await h.view('openScenario', {}, 2);
    for (const target of aliases(plan)) {
      h.dialogs.save.push(target);
      await expectRefused(() => h.call('saveScenarioAs', {}, 2), 'ALREADY_OPEN');
      h.dialogs.save.push(target);
      await expectRefused(() => h.call('saveScenarioCopy', {}, 2), 'ALREADY_OPEN');
    }
    // Still one writer each: both windows edit on.
    expect((await h.value('currentScenario', {}, 1))?.document.scenario.title).toBe('Plan');
  });

  it('recovery refuses to write over the damaged file it reads', async () => {
    const damaged = scenario('damaged.scenario', 'Damaged');
    const db = new Database(damaged);
    db.pragma('ignore_check_constraints = ON');
    db.prepare("UPDATE crises SET status = 'on fire'").run();
    db.close();
    h.dialogs.open.push(damaged);
    expect(await h.call('openScenario', {})).toMatchObject({ ok: false, error: { code: 'DAMAGED_FILE' } });
    const hard = join(work, 'hard.scenario');
    linkSync(damaged, hard);
    h.dialogs.save.push(hard);
    await expectRefused(() => h.call('recoverDamaged', {}), 'BAD_PATH');
  });
});
