/**
 * The whole app without the mouse: the command palette lists every registered command with its
 * shortcut and runs it; F6 cycles the regions;
 * a trigger → crisis → impact → response chain is built and connected from the keyboard alone
 * (node menu by Shift+F10, "Add connected …", "Connect to …"), checked in the file on disk.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';
import { saveMark, untitledFile, waitSaved } from './harness/editor';

let app: AppSession;
beforeEach(async () => {
  app = await launchApp({ viewport: { width: 1024, height: 700 } });
});
afterEach(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return { testId: a?.getAttribute('data-testid') ?? null, region: a?.closest('[data-region]')?.getAttribute('data-region') ?? null, flow: !!a?.classList.contains('react-flow') };
  });

async function newScenarioByKeyboard(page: Page) {
  await page.keyboard.press('Control+n');
  await page.getByTestId('workspace').waitFor();
}

it('opens the command palette with Ctrl+K and Ctrl+Shift+P, lists menu-only commands with shortcuts, runs one', async () => {
  const { page } = app;
  await newScenarioByKeyboard(page);
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette').waitFor();
  const items = await page.getByTestId('palette-list').locator('[role="option"]').allTextContents();
  for (const label of ['Import…', 'Save a Copy…', 'Insert Contingency from Library…', 'Recover Damaged Scenario…', 'Minimap', 'Open…', 'Export…', 'Sidebar']) {
    expect(items.some((text) => text.startsWith(label)), label).toBe(true);
  }
  expect(items.find((text) => text.startsWith('Undo'))).toContain('Ctrl+Z');
  expect(items.find((text) => text.startsWith('Open…'))).toContain('Ctrl+O');
  await app.screenshot('command-palette-1024x700');
  await page.keyboard.type('minimap');
  await page.keyboard.press('Enter');
  await page.getByTestId('command-palette').waitFor({ state: 'detached' });
  await page.locator('.react-flow__minimap').waitFor();
  await page.keyboard.press('Control+Shift+P');
  await page.getByTestId('command-palette').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('command-palette').waitFor({ state: 'detached' });
});

it('cycles regions with F6 and Shift+F6', async () => {
  const { page } = app;
  await page.getByTestId('welcome-library').click();
  await page.locator('[data-testid="graph-node"]').first().waitFor();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const seen: (string | null)[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('F6');
    seen.push((await focused(page)).region);
  }
  expect(seen).toEqual(['toolbar', 'sidebar', 'centre', 'inspector', 'toolbar']);
  await page.keyboard.press('Shift+F6');
  expect((await focused(page)).region).toBe('inspector');

});

it('builds trigger → crisis → impact → response and connects them from the keyboard alone', async () => {
  const { page } = app;
  await newScenarioByKeyboard(page);
  // F6 to the canvas, Shift+Tab back to the palette's Trigger button (the four kinds precede it).
  await page.keyboard.press('F6');
  await page.keyboard.press('F6');
  await page.keyboard.press('F6');
  expect(await focused(page)).toMatchObject({ region: 'centre', flow: true });
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).testId).toBe('add-trigger');
  await page.keyboard.press('Enter');
  await page.getByTestId('title-input').waitFor();
  await page.keyboard.type('Naval incident');
  const named = await saveMark(page);
  await page.keyboard.press('Enter');
  await waitSaved(page, named);

  const addConnected = async (kind: string, title: string) => {
    await page.keyboard.press('Shift+F10');
    await page.getByTestId('context-menu').waitFor();
    // Arrow down through the menu to the item, as a keyboard user would.
    for (let i = 0; i < 30 && (await focused(page)).testId !== `menu-add-connected-${kind}`; i++) await page.keyboard.press('ArrowDown');
    expect((await focused(page)).testId).toBe(`menu-add-connected-${kind}`);
    await page.keyboard.press('Enter');
    await page.getByTestId('title-input').waitFor();
    await page.keyboard.type(title);
    const mark = await saveMark(page);
    await page.keyboard.press('Enter');
    await waitSaved(page, mark);
  };
  await addConnected('crisis', 'Blockade of the strait');
  await addConnected('impact', 'Ports closed');
  await addConnected('response', 'Convoy escorts');

  await app.screenshot('keyboard-built-1024x700');

  const file = untitledFile(app);
  const rows = readOnDisk(file, (db) =>
    db
      .prepare('SELECT s.title AS source, t.title AS target, e.kind FROM edges e JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target ORDER BY e.rowid')
      .all(),
  );
  expect(rows).toEqual([
    { source: 'Naval incident', target: 'Blockade of the strait', kind: 'leads-to' },
    { source: 'Blockade of the strait', target: 'Ports closed', kind: 'leads-to' },
    { source: 'Convoy escorts', target: 'Ports closed', kind: 'contains' },
  ]);
  // "Connect to …" names the valid targets in the node menu (here, of the selected response).
  await page.keyboard.press('Shift+F10');
  const labels = await page.getByTestId('context-menu').locator('button').allTextContents();
  expect(labels).toContain('Connect to crisis “Blockade of the strait” (averts)');
  expect(labels).toContain('Connect to trigger “Naval incident” (averts)');
});
