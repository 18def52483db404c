import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportLibrary } from '../../core/library';
import { SCHEMA_VERSION, createScenarioFile } from '../../db';
import { launchApp, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';

const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The report library as a file, then one of its node pages overwritten, as a failing disk might. */
function damagedLibraryFile(path: string): number {
  const created = createScenarioFile(path, { title: 'x', document: reportLibrary(new Date('2026-01-01T00:00:00Z')) });
  if (!created.ok) throw new Error(created.error.message);
  created.store.close();
  const db = new Database(path, { readonly: true });
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'nodes' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const nodes = (db.prepare('SELECT count(*) AS n FROM nodes').get() as { n: number }).n;
  db.close();
  const bytes = readFileSync(path);
  const start = (pages[1]!.pageno - 1) * pageSize;
  for (let i = start; i < start + pageSize; i++) bytes[i] = (i * 31 + 7) & 0xff;
  writeFileSync(path, bytes);
  return nodes;
}

describe('damaged files and files from a newer version, in Chromium', () => {
  let app: AppSession;
  beforeEach(async () => {
    app = await launchApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('refuses the damaged file, offers recovery, and opens what could be read as a new file', async () => {
    const { page } = app;
    const damaged = join(app.workDir, 'North Korea contingency.scenario');
    const nodesBefore = damagedLibraryFile(damaged);
    const before = hash(damaged);

    app.dialogs.open.push(damaged);
    await page.getByTestId('welcome-open').click();
    const error = page.getByTestId('notice-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/damaged/);
    await app.screenshot('recover-offered');

    const target = join(app.workDir, 'North Korea contingency (recovered).scenario');
    app.dialogs.save.push(target);
    await page.getByTestId('notice-recover').click();
    const warning = page.getByTestId('notice-warning');
    await warning.waitFor();
    const report = (await warning.textContent()) ?? '';
    expect(report).toMatch(new RegExp(`^Recovered ${reportLibrary(new Date()).crises.length} crises, \\d+ nodes, .*Some rows could not be read at all \\(nodes\\)`));
    await expect(page.getByTestId('notice-error').count()).resolves.toBe(0);
    await page.locator('[data-testid="graph-node"]').first().waitFor();
    await app.screenshot('recover-done');

    // The title bar names the new file, the damaged one is byte-for-byte as it was, and the
    // recovered file holds the nodes the notice counts: fewer than before, none invented.
    await expect(page.locator('body').textContent()).resolves.toContain('North Korea contingency (recovered).scenario');
    expect(hash(damaged)).toBe(before);
    const recoveredNodes = Number(/, (\d+) nodes,/.exec(report)![1]);
    expect(recoveredNodes).toBeLessThan(nodesBefore);
    expect(recoveredNodes).toBeGreaterThan(nodesBefore / 2);
    readOnDisk(target, (db) => {
      expect((db.prepare('SELECT count(*) AS n FROM nodes').get() as { n: number }).n).toBe(recoveredNodes);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    });
    expect(app.errors).toEqual([]);
  });

  it('opens a file from a newer version read-only, saying why, and leaves it untouched', async () => {
    const { page } = app;
    const path = join(app.workDir, 'future.scenario');
    const created = createScenarioFile(path, { title: 'x', document: reportLibrary(new Date('2026-01-01T00:00:00Z')) });
    if (!created.ok) throw new Error(created.error.message);
    created.store.close();
    const db = new Database(path);
    db.exec('ALTER TABLE nodes ADD COLUMN later_field TEXT');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = hash(path);

    app.dialogs.open.push(path);
    await page.getByTestId('welcome-open').click();
    await page.locator('[data-testid="graph-node"]').first().waitFor();
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).toMatch(new RegExp(`Read-only: This scenario was made by a newer version of the app \\(format ${SCHEMA_VERSION + 1}`));
    // No palette to add nodes with: a read-only scenario offers nothing that would write.
    await expect(page.getByTestId('add-trigger').count()).resolves.toBe(0);
    await app.screenshot('newer-version-read-only');
    await page.evaluate(() => window.workbench.closeScenario({}));
    expect(hash(path)).toBe(before);
    expect(app.errors).toEqual([]);
  });
});
