// History that survives closing, seen as a planner sees it in Chromium: edits, the file closed and
// opened again, the history panel with who did what, the state before a step and a snapshot opened
// read-only and left again, undo after reopening; and a merge conflict resolved with an edited
// value, undone after reopening. Every result is checked in the file on disk.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankNode } from '../../core/model';
import { openScenarioFile } from '../../db';
import { launchApp, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';
import { openBuiltScenario } from './harness/scenario';

let app: AppSession;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  await app.close();
});

const graphNode = (page: Page, id: string) => page.locator(`[data-testid="graph-node"][data-node-id="${id}"]`);
const nodeTitle = (path: string, id: string) => readOnDisk(path, (db) => db.prepare('SELECT title FROM nodes WHERE id = ?').pluck().get(id));

async function strait(): Promise<string> {
  const { file } = await openBuiltScenario(app, 'strait', (crisisId) => [
    { op: 'node.create', node: { ...blankNode('trigger', crisisId, 'trig', { x: 0, y: 0 }), title: 'Typhoon' } },
    { op: 'node.create', node: { ...blankNode('impact', crisisId, 'imp', { x: 320, y: 0 }), title: 'Port closed' } },
  ]);
  return file;
}

async function renameTrigger(page: Page, file: string, title: string): Promise<void> {
  await graphNode(page, 'trig').locator('.kind-head').click();
  await page.getByTestId('field-title').fill(title);
  await page.getByTestId('field-title').blur();
  await expect.poll(() => nodeTitle(file, 'trig')).toBe(title);
}

async function closeAndReopen(file: string): Promise<void> {
  await app.emit('command', { command: 'file.close' });
  await app.page.getByTestId('welcome-new').waitFor();
  app.dialogs.open.push(file);
  await app.emit('command', { command: 'file.open' });
  await graphNode(app.page, 'trig').waitFor();
}

describe('History that survives closing', () => {
  it('lists who did what after reopening, opens the state before a step and a snapshot read-only, and undoes', async () => {
    const { page } = app;
    const file = await strait();
    await app.emit('command', { command: 'file.snapshots' });
    const snapshots = page.getByRole('dialog', { name: 'Snapshots' });
    await snapshots.getByTestId('settings-user-name').fill('Aiko Tanaka');
    await snapshots.getByTestId('settings-user-name-save').click();
    await page.getByText('Snapshots and merges are now recorded as Aiko Tanaka.').waitFor();
    await snapshots.getByTestId('snapshot-name').fill('Before the Tokyo meeting');
    await snapshots.getByTestId('snapshot-create').click();
    await snapshots.getByText('Before the Tokyo meeting').waitFor();
    await snapshots.getByRole('button', { name: 'Close' }).click();
    await renameTrigger(page, file, 'Super typhoon');

    await closeAndReopen(file);
    await expect(page.getByTestId('tool-edit.undo').isDisabled()).resolves.toBe(false);

    await app.emit('command', { command: 'edit.history' });
    const history = page.getByRole('dialog', { name: 'History' });
    const renamed = history.getByTestId('history-step').filter({ hasText: 'Edited trigger "Super typhoon": title' });
    await renamed.waitFor();
    await expect(renamed.textContent()).resolves.toContain('Aiko Tanaka');
    await app.screenshot('history-dialog');
    await renamed.getByTestId('history-view-before').click();
    await page.getByTestId('past-view').waitFor();
    await expect.poll(() => graphNode(page, 'trig').textContent()).toContain('Typhoon');
    await expect(graphNode(page, 'trig').textContent()).resolves.not.toContain('Super');
    await graphNode(page, 'trig').locator('.kind-head').click();
    await expect(page.getByTestId('field-title').isDisabled()).resolves.toBe(true);
    await app.screenshot('history-state-before');
    await page.getByTestId('past-view-back').click();
    await expect.poll(() => graphNode(page, 'trig').textContent()).toContain('Super typhoon');

    await app.emit('command', { command: 'file.snapshots' });
    await snapshots.getByTestId('snapshot-item').filter({ hasText: 'Before the Tokyo meeting' }).getByTestId('snapshot-view').click();
    await expect.poll(() => page.getByTestId('past-view').textContent()).toContain('the snapshot “Before the Tokyo meeting”');
    await expect.poll(() => graphNode(page, 'trig').textContent()).not.toContain('Super');
    await page.getByTestId('past-view-back').click();
    await expect.poll(() => graphNode(page, 'trig').textContent()).toContain('Super typhoon');

    // Undo after reopening takes back the rename made before closing.
    await page.getByTestId('tool-edit.undo').click();
    await expect.poll(() => nodeTitle(file, 'trig')).toBe('Typhoon');
    expect(app.errors).toEqual([]);
  });

  it('resolves a merge conflict with an edited value, and the merge is undone in one step after reopening', async () => {
    const { page } = app;
    const file = await strait();
    const copy = join(app.workDir, 'for review.scenario');
    app.dialogs.save.push(copy);
    await app.emit('command', { command: 'file.saveCopy' });
    await page.getByText('Saved a copy as for review.scenario').waitFor();
    const theirs = openScenarioFile(copy);
    if (!theirs.ok) throw new Error(theirs.error.message);
    theirs.store.apply([{ op: 'node.update', id: 'trig', patch: { title: 'Typhoon Hagibis' } }]);
    theirs.store.close();
    await renameTrigger(page, file, 'Super typhoon');

    app.dialogs.open.push(copy);
    await app.emit('command', { command: 'file.mergeCopy' });
    const dialog = page.getByRole('dialog', { name: 'Merge a copy' });
    const conflict = dialog.getByTestId('merge-conflict');
    await conflict.waitFor();
    await conflict.getByTestId('merge-edited-value').fill('Super typhoon Hagibis');
    await expect(conflict.getByLabel('Edited:').isChecked()).resolves.toBe(true);
    await app.screenshot('merge-dialog-edited');
    await dialog.getByTestId('merge-apply').click();
    await page.getByText('Merged for review.scenario.').waitFor();
    await expect.poll(() => nodeTitle(file, 'trig')).toBe('Super typhoon Hagibis');

    await closeAndReopen(file);
    await page.getByTestId('tool-edit.undo').click();
    await expect.poll(() => nodeTitle(file, 'trig')).toBe('Super typhoon');
    expect(app.errors).toEqual([]);
  });
});
