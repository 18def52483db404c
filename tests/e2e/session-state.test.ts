// Session state follows the document: selection is pruned after every applied change, and undo
// stops where the user left a field, however soon the next edit comes.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';
import { dumpScenario, nodeRows } from './harness/disk';
import { addNamedNode, nodeLocator, pressOnCanvas, untitledFile, waitSaved } from './harness/editor';

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
  await page.getByTestId('tool-edit.undo').click();
  await waitSaved(page);
  await nodeLocator(page, added).waitFor({ state: 'detached' });
  expect(await page.getByText('The selected node no longer exists.').count()).toBe(0);

  await pressOnCanvas(page, 'Delete'); // nothing is selected any more: nothing to delete
  await nodeLocator(page, kept).click();
  await page.keyboard.press('Delete');
  await nodeLocator(page, kept).waitFor({ state: 'detached' });
  await waitSaved(page);
  expect(nodeRows(file)).toEqual([]);
  expect(await page.getByTestId('notice-error').count()).toBe(0);
});

it('undoes two edits of one field as two steps when the user left the field between them', async () => {
  const { page } = app;
  const file = untitledFile(app);
  const title = () => (dumpScenario(file).scenario![0] as { title: string }).title;
  const original = title();
  const field = page.getByTestId('scenario-title');
  await field.fill('Typhoon season 2027');
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 300 } }); // leave the field
  await waitSaved(page);
  expect(title()).toBe('Typhoon season 2027');
  await field.fill('Typhoon season 2027, revised');
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 300 } });
  await waitSaved(page);
  expect(title()).toBe('Typhoon season 2027, revised');

  await page.getByTestId('tool-edit.undo').click();
  await waitSaved(page);
  expect(title()).toBe('Typhoon season 2027');
  await page.getByTestId('tool-edit.undo').click();
  await waitSaved(page);
  expect(title()).toBe(original);
});
