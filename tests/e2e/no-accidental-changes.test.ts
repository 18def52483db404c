/**
 * Two places where a planner's intent used to go astray: the sidebar's rename showed a field
 * without focusing it (typing went nowhere), and Export defaulted to the selection whenever
 * anything was selected (a one-node diagram one click away). Checked on the file on disk.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { blankNode } from '../../core/model';
import { launchApp, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';
import { nodeLocator, saving } from './harness/editor';
import { openBuiltScenario } from './harness/scenario';

let app: AppSession;
let file: string;
beforeEach(async () => {
  app = await launchApp({ viewport: { width: 1024, height: 700 } });
  ({ file } = await openBuiltScenario(app, 'intent', (crisisId) => [
    { op: 'node.create', node: { ...blankNode('trigger', crisisId, 't1', { x: 60, y: 60 }), title: 'Naval incident' } },
    { op: 'node.create', node: { ...blankNode('crisis', crisisId, 'x', { x: 360, y: 60 }), title: 'Blockade' } },
  ]));
});
afterEach(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

it('renames a crisis from the sidebar: the field takes the typing at once', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Rename First crisis' }).click();
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('crisis-title-input');
  await page.keyboard.type('Strait blockade');
  await saving(page, () => page.keyboard.press('Enter'));
  await page.getByTestId('crisis-item').filter({ hasText: 'Strait blockade' }).waitFor();
  expect(readOnDisk(file, (db) => db.prepare('SELECT title FROM crises').all())).toEqual([{ title: 'Strait blockade' }]);
});

it('exports the whole crisis by default, even with one node selected; the selection is a choice', async () => {
  const { page } = app;
  await nodeLocator(page, 't1').click();
  await page.getByTestId('tool-file.export').click();
  await page.getByRole('dialog', { name: 'Export' }).waitFor();
  await expect(page.getByTestId('export-scope').inputValue()).resolves.toBe('crisis');
  const selectionOption = page.getByTestId('export-scope').locator('option[value="selection"]');
  await expect(selectionOption.isEnabled()).resolves.toBe(true);
  await expect(selectionOption.textContent()).resolves.toContain('1 element');
  await app.screenshot('export-dialog-1024x700');
});
