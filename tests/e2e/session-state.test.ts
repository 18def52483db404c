// Session state follows the document: selection is pruned after every applied change, and undo
// stops where the user left a field, however soon the next edit comes.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';
import { dumpScenario, nodeRows } from './harness/disk';
import { addNamedNode, nodeLocator, pressOnCanvas, saving, untitledFile } from './harness/editor';

let app: AppSession;
beforeEach(async () => {
  app = await launchApp();
  await app.page.getByTestId('welcome-new').click();
  await app.page.getByTestId('add-trigger').waitFor();
});
afterEach(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

it('forgets the selection of a node that undo removed, so Delete does nothing wrong', async () => {
  const { page } = app;
  const file = untitledFile(app);
  const kept = await addNamedNode(page, 'trigger', 'Typhoon makes landfall');
  const added = await addNamedNode(page, 'crisis', 'Port closed'); // selected once named
  await saving(page, () => page.getByTestId('tool-edit.undo').click());
  await nodeLocator(page, added).waitFor({ state: 'detached' });
  expect(await page.getByText('The selected node no longer exists.').count()).toBe(0);

  await pressOnCanvas(page, 'Delete'); // nothing is selected any more: nothing to delete
  await nodeLocator(page, kept).click();
  await saving(page, () => page.keyboard.press('Delete'));
  await nodeLocator(page, kept).waitFor({ state: 'detached' });
  expect(nodeRows(file)).toEqual([]);
  expect(await page.getByTestId('notice-error').count()).toBe(0);
});

it('undoes two edits of one field as two steps when the user left the field between them', async () => {
  const { page } = app;
  const file = untitledFile(app);
  const title = () => (dumpScenario(file).scenario![0] as { title: string }).title;
  const original = title();
  const field = page.getByTestId('scenario-title');
  await saving(page, async () => {
    await field.fill('Typhoon season 2027');
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 300 } }); // leave the field
  });
  expect(title()).toBe('Typhoon season 2027');
  await saving(page, async () => {
    await field.fill('Typhoon season 2027, revised');
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 300 } });
  });
  expect(title()).toBe('Typhoon season 2027, revised');

  await saving(page, () => page.getByTestId('tool-edit.undo').click());
  expect(title()).toBe('Typhoon season 2027');
  await saving(page, () => page.getByTestId('tool-edit.undo').click());
  expect(title()).toBe(original);
});
