// When an edit cannot be written, the planner is told why, offered Save As, and the screen
// shows exactly what the file holds.
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';
import { nodeRows } from './harness/disk';
import { addNamedNode } from './harness/editor';

let app: AppSession;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  await app.close();
});

it('reports a file moved away while open, offers Save As, and Save As keeps the work', async () => {
  const { page } = app;
  await page.getByTestId('welcome-new').click();
  await page.getByTestId('add-trigger').waitFor();
  const original = join(app.workDir, 'fisheries.scenario');
  app.dialogs.save.push(original);
  await page.getByTestId('title-save-as').click();
  await page.getByTestId('file-name').filter({ hasText: 'fisheries.scenario' }).waitFor();
  await addNamedNode(page, 'crisis', 'Fish stocks collapse');

  renameSync(original, join(app.workDir, 'moved-away.scenario'));
  await page.getByTestId('add-impact').click();
  const notice = page.getByTestId('notice-error').last();
  await notice.waitFor();
  expect(await notice.textContent()).toMatch(/moved|deleted|no longer/i);
  await page.getByTestId('save-state').filter({ hasText: 'Last change not saved' }).waitFor();
  // The screen shows what the file holds: the refused impact is not drawn.
  await expect.poll(() => page.locator('[data-testid="graph-node"]').count()).toBe(1);

  const rescue = join(app.workDir, 'rescued.scenario');
  app.dialogs.save.push(rescue);
  await notice.getByTestId('notice-save-as').click();
  await page.getByTestId('file-name').filter({ hasText: 'rescued.scenario' }).waitFor();
  expect(nodeRows(rescue).map((r) => r.title)).toEqual(['Fish stocks collapse']);
  await addNamedNode(page, 'impact', 'Coastal incomes fall'); // waits until its edits are in the file
  expect(nodeRows(rescue).map((r) => r.title)).toEqual(['Fish stocks collapse', 'Coastal incomes fall']);
  await app.screenshot('failed-edit-rescued');
});
