import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../db';
import { launchApp, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';

describe('walking skeleton in Chromium', () => {
  let app: AppSession;
  beforeEach(async () => {
    app = await launchApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('creates a scenario, adds a node through the UI, and the file holds it', async () => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Scenario Workbench' }).isVisible()).resolves.toBe(true);
    await page.getByTestId('welcome-new').click();
    await page.getByTestId('add-trigger').waitFor();
    await page.getByTestId('add-trigger').click();
    await page.locator('[data-testid="graph-node"][data-kind="trigger"]').waitFor();
    await expect(page.getByTestId('save-state').textContent()).resolves.toBe('All changes saved');

    const target = join(app.workDir, 'skeleton.scenario');
    app.dialogs.save.push(target);
    const saved = await page.evaluate(() => window.workbench.saveScenarioAs({}));
    expect(saved.ok).toBe(true);
    expect(existsSync(target)).toBe(true);

    readOnDisk(target, (db) => {
      expect(db.prepare('SELECT kind, title FROM nodes').all()).toEqual([{ kind: 'trigger', title: 'New trigger' }]);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    });
    await app.screenshot('skeleton-first-node');
    expect(app.errors).toEqual([]);
  });

  it('saves a copy from the File menu and goes on editing the original', async () => {
    const { page } = app;
    await page.getByTestId('welcome-new').click();
    await page.getByTestId('add-trigger').click();
    await page.locator('[data-testid="graph-node"][data-kind="trigger"]').waitFor();
    const copy = join(app.workDir, 'snapshot.scenario');
    app.dialogs.save.push(copy);
    await app.emit('command', { command: 'file.saveCopy' });
    await page.getByText('Saved a copy as snapshot.scenario').waitFor();
    await app.screenshot('save-copy-notice');
    await page.getByTestId('add-impact').click();
    await page.locator('[data-testid="graph-node"][data-kind="impact"]').waitFor();
    // The copy holds the scenario as it was; the window's file went on to get the impact.
    expect(readOnDisk(copy, (db) => db.prepare('SELECT kind FROM nodes').pluck().all())).toEqual(['trigger']);
    await expect(page.getByTestId('file-name').textContent()).resolves.not.toContain('snapshot');
    expect(app.errors).toEqual([]);
  });
});
