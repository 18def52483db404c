// Exchange and reconcile in Chromium: a copy for review, changed on both sides, merged back with
// a conflict resolved in the dialog, checked on disk; and snapshots taken and restored.
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

describe('Merge a Copy', () => {
  it('merges a copy for review changed on both sides, resolving the conflict in the dialog, and the file on disk has it', async () => {
    const { page } = app;
    const file = await strait();
    const copy = join(app.workDir, 'for review.scenario');
    app.dialogs.save.push(copy);
    await app.emit('command', { command: 'file.saveCopy' });
    await page.getByText('Saved a copy as for review.scenario').waitFor();

    // A colleague edits the copy in their own app.
    const theirs = openScenarioFile(copy);
    if (!theirs.ok) throw new Error(theirs.error.message);
    theirs.store.apply([
      { op: 'node.update', id: 'trig', patch: { title: 'Typhoon Hagibis' } },
      { op: 'node.update', id: 'imp', patch: { description: 'Naha and Kobe closed for two days.' } },
    ]);
    theirs.store.close();

    // Meanwhile the trigger is renamed here, in the inspector.
    await graphNode(page, 'trig').locator('.kind-head').click();
    await page.getByTestId('field-title').fill('Super typhoon');
    await page.getByTestId('field-title').blur();
    await expect.poll(() => nodeTitle(file, 'trig')).toBe('Super typhoon');

    app.dialogs.open.push(copy);
    await app.emit('command', { command: 'file.mergeCopy' });
    const dialog = page.getByRole('dialog', { name: 'Merge a copy' });
    await dialog.getByTestId('merge-conflict').waitFor();
    await expect(dialog.getByTestId('merge-incoming').textContent()).resolves.toContain('Naha and Kobe closed for two days.');
    await expect(dialog.getByTestId('merge-apply').isDisabled()).resolves.toBe(true);
    await app.screenshot('merge-dialog-conflict');
    await dialog.getByLabel('Theirs: "Typhoon Hagibis"').check();
    await dialog.getByTestId('merge-apply').click();
    await page.getByText('Merged for review.scenario.').waitFor();
    await expect.poll(() => graphNode(page, 'trig').textContent()).toContain('Typhoon Hagibis');

    expect(nodeTitle(file, 'trig')).toBe('Typhoon Hagibis');
    expect(readOnDisk(file, (db) => db.prepare("SELECT description FROM nodes WHERE id = 'imp'").pluck().get())).toBe('Naha and Kobe closed for two days.');
    expect(readOnDisk(file, (db) => db.prepare('SELECT kind FROM snapshots ORDER BY seq').pluck().all())).toEqual(['copy', 'before-merge']);

    // The whole merge is one undo step.
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeTitle(file, 'trig')).toBe('Super typhoon');
    expect(readOnDisk(file, (db) => db.prepare("SELECT description FROM nodes WHERE id = 'imp'").pluck().get())).toBe('');
    expect(app.errors).toEqual([]);
  });
});

describe('Snapshots', () => {
  it('takes a snapshot and restores it as one step', async () => {
    const { page } = app;
    const file = await strait();
    await app.emit('command', { command: 'file.snapshots' });
    const dialog = page.getByRole('dialog', { name: 'Snapshots' });
    // The author's name is set once, in the app's settings, and recorded on every snapshot.
    await dialog.getByTestId('settings-user-name').fill('Aiko Tanaka');
    await dialog.getByTestId('settings-user-name-save').click();
    await page.getByText('Snapshots and merges are now recorded as Aiko Tanaka.').waitFor();
    await dialog.getByTestId('snapshot-name').fill('Before the Tokyo meeting');
    await dialog.getByTestId('snapshot-create').click();
    await dialog.getByText('Before the Tokyo meeting').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await graphNode(page, 'trig').locator('.kind-head').click();
    await page.getByTestId('field-title').fill('Renamed after the meeting');
    await page.getByTestId('field-title').blur();
    await expect.poll(() => nodeTitle(file, 'trig')).toBe('Renamed after the meeting');

    await app.emit('command', { command: 'file.snapshots' });
    await dialog.getByTestId('snapshot-item').first().waitFor();
    await app.screenshot('snapshots-dialog');
    await dialog.getByTestId('snapshot-item').filter({ hasText: 'Before the Tokyo meeting' }).getByRole('button', { name: 'Restore' }).click();
    await page.getByText('Restored “Before the Tokyo meeting”').waitFor();
    await expect.poll(() => nodeTitle(file, 'trig')).toBe('Typhoon');
    expect(readOnDisk(file, (db) => db.prepare('SELECT kind, author FROM snapshots ORDER BY seq').raw().all())).toEqual([['manual', 'Aiko Tanaka'], ['before-restore', 'Aiko Tanaka']]);

    // Deleting one asks once more on its row; Keep it changes nothing, Delete it removes it from the file.
    await app.emit('command', { command: 'file.snapshots' });
    const item = dialog.getByTestId('snapshot-item').filter({ has: page.getByText('Before the Tokyo meeting', { exact: true }) });
    await item.getByRole('button', { name: 'Delete the snapshot “Before the Tokyo meeting”' }).click();
    await item.getByText('Delete “Before the Tokyo meeting” for good?').waitFor();
    await item.getByTestId('snapshot-delete-cancel').click();
    expect(readOnDisk(file, (db) => db.prepare('SELECT count(*) FROM snapshots').pluck().get())).toBe(2);
    await item.getByTestId('snapshot-delete').click();
    await item.getByTestId('snapshot-delete-confirm').click();
    await expect.poll(() => dialog.getByTestId('snapshot-item').count()).toBe(1);
    expect(readOnDisk(file, (db) => db.prepare('SELECT kind FROM snapshots').pluck().all())).toEqual(['before-restore']);
    expect(app.errors).toEqual([]);
  });
});
