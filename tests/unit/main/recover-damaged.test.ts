// Recovering a damaged scenario through the contract, as the renderer's "Recover…" button does.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportLibrary } from '../../../core/library';
import { checkScenarioFile, createScenarioFile } from '../../../db';
import { mainHarness, type MainHarness } from '../support/main-harness';

let h: MainHarness;
beforeEach(() => {
  h = mainHarness();
});
afterEach(() => h.dispose());

const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The report library as a file, with one impact given a severity of 11 by another tool. */
function damagedFile(): { path: string; victim: string; nodes: number } {
  const path = join(h.dir, 'Typhoon relief.scenario');
  const created = createScenarioFile(path, { title: 'x', document: reportLibrary(new Date('2026-01-01T00:00:00Z')) });
  if (!created.ok) throw new Error(created.error.message);
  created.store.close();
  const db = new Database(path);
  db.pragma('ignore_check_constraints = ON');
  const victim = (db.prepare("SELECT id FROM nodes WHERE kind = 'impact' ORDER BY id LIMIT 1").get() as { id: string }).id;
  db.prepare('UPDATE nodes SET severity = 11 WHERE id = ?').run(victim);
  const nodes = (db.prepare('SELECT count(*) AS n FROM nodes').get() as { n: number }).n;
  db.close();
  return { path, victim, nodes };
}

describe('recoverDamaged', () => {
  it('is offered after a damaged file is refused, and opens the recovered copy in the window', async () => {
    const { path, victim, nodes } = damagedFile();
    const before = hash(path);
    h.dialogs.open.push(path);
    const refused = await h.call('openScenario', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'DAMAGED_FILE' } });

    const target = join(h.dir, 'Typhoon relief (recovered).scenario');
    h.dialogs.save.push(target);
    const view = await h.value('recoverDamaged', {});

    expect(view.fileName).toBe('Typhoon relief (recovered).scenario');
    expect(view.untitled).toBe(false);
    expect(view.document.nodes).toHaveLength(nodes - 1);
    expect(view.document.nodes.some((n) => n.id === victim)).toBe(false);
    expect(hash(path)).toBe(before);
    const notice = h.events.find((e) => e.event === 'notice')?.payload as { tone: string; text: string };
    expect(notice.tone).toBe('warning');
    expect(notice.text).toMatch(new RegExp(`^Recovered ${reportLibrary().crises.length} crises, ${nodes - 1} nodes, .*node "${victim}", severity`));
    // The window now edits the recovered file, and it is in the recent list.
    expect((await h.value('currentScenario', {}))?.displayPath).toBe(target);
    expect((await h.value('recentFiles', {})).map((r) => r.displayPath)).toContain(target);
    // Offered once: next time, the open dialog asks which file to recover (here it is cancelled).
    expect(await h.call('recoverDamaged', {})).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    await h.value('closeScenario', {});
    expect(checkScenarioFile(target).ok).toBe(true);
  });

  it('keeps the offer open when the dialog is cancelled, and writes nothing', async () => {
    const { path } = damagedFile();
    h.dialogs.open.push(path);
    await h.call('openScenario', {});
    h.dialogs.save.push(null);
    expect(await h.call('recoverDamaged', {})).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const target = join(h.dir, 'later.scenario');
    h.dialogs.save.push(target);
    expect((await h.value('recoverDamaged', {})).fileName).toBe('later.scenario');
    expect(existsSync(target)).toBe(true);
  });

  it('asks which file to recover when none was refused, and never replaces an existing file', async () => {
    const { path } = damagedFile();
    h.dialogs.open.push(path); // the open dialog of recoverDamaged itself
    const other = join(h.dir, 'other.scenario');
    const created = createScenarioFile(other, { title: 'Other' });
    if (created.ok) created.store.close();
    const before = hash(other);
    h.dialogs.save.push(other);
    expect(await h.call('recoverDamaged', {})).toMatchObject({ ok: false, error: { code: 'BAD_PATH' } });
    expect(hash(other)).toBe(before);
    h.dialogs.open.push(path);
    h.dialogs.save.push(join(h.dir, 'fresh.scenario'));
    expect((await h.value('recoverDamaged', {})).fileName).toBe('fresh.scenario');
  });
});
