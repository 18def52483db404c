// Panning a crisis is remembered in the file (not in history), and the crisis reopens there.
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';
import { addNamedNode, waitCanvasStill } from './harness/editor';

let app: AppSession;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

it('reopens a crisis where the planner left it, without an undo step', async () => {
  const { page } = app;
  await page.getByTestId('welcome-new').click();
  await page.getByTestId('add-trigger').waitFor();
  const target = join(app.workDir, 'viewport.scenario');
  app.dialogs.save.push(target);
  await page.getByTestId('title-save-as').click();
  await page.getByTestId('file-name').filter({ hasText: 'viewport.scenario' }).waitFor();
  await addNamedNode(page, 'crisis', 'Earthquake off Honshu');
  await waitCanvasStill(page);
  const undoBefore = await page.getByTestId('tool-edit.undo').isDisabled();

  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await page.mouse.wheel(140, 90); // pan on scroll
  await waitCanvasStill(page);
  const shown = await page.locator('.react-flow__viewport').getAttribute('style');
  const viewport = async () =>
    readOnDisk(target, (db) => db.prepare('SELECT viewport_x AS x, viewport_y AS y, viewport_zoom AS zoom FROM crises').get() as { x: number; y: number; zoom: number });
  await expect.poll(async () => (await viewport()).x, { timeout: 5000 }).not.toBe(0);
  expect(await page.getByTestId('tool-edit.undo').isDisabled()).toBe(undoBefore);

  await page.evaluate(() => window.workbench.closeScenario({}));
  await app.reload();
  app.dialogs.open.push(target);
  await page.getByTestId('welcome-open').click();
  await page.locator('[data-testid="graph-node"]').first().waitFor();
  await waitCanvasStill(page);
  const numbers = (style: string | null) => (style ?? '').match(/-?\d+(\.\d+)?/g)!.map(Number);
  const reopened = numbers(await page.locator('.react-flow__viewport').getAttribute('style'));
  numbers(shown).forEach((value, i) => expect(Math.abs(reopened[i]! - value), `component ${i} of ${shown}`).toBeLessThan(0.01));
});
