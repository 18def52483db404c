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

interface TabStop {
  region: string | null;
  /** What a screen reader names the focused element by (its aria-label), for canvas nodes and edges. */
  name: string | null;
  roleDescription: string | null;
  backAtStart: boolean;
}

/** Press a key until focus comes back to where it started (or `limit` presses), noting each stop. */
async function walkFocus(page: Page, key: 'Tab' | 'Shift+Tab', limit: number): Promise<TabStop[]> {
  await page.evaluate(() => Object.assign(window, { walkStart: document.activeElement }));
  const stops: TabStop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const stop = await page.evaluate(() => {
      const a = document.activeElement;
      return {
        region: a?.closest('[data-region]')?.getAttribute('data-region') ?? null,
        name: a?.getAttribute('aria-label') ?? null,
        roleDescription: a?.getAttribute('aria-roledescription') ?? null,
        backAtStart: a === Reflect.get(window, 'walkStart'),
      };
    });
    stops.push(stop);
    if (stop.backAtStart) break;
  }
  return stops;
}

it('builds trigger → crisis → impact → response and connects them from the keyboard alone; Tab then walks every region, naming nodes and edges', async () => {
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
  await page.keyboard.press('Escape');
  await page.getByTestId('context-menu').waitFor({ state: 'detached' });

  // The response stands right of the impact it contains: its edge leaves the response's left
  // side and enters the impact's right side, not looping back across the graph.
  const geometry = await page.evaluate(() => {
    const box = (title: string) => [...document.querySelectorAll('[data-testid="graph-node"]')].find((n) => n.textContent?.includes(title))!.getBoundingClientRect();
    const path = document.querySelector<SVGPathElement>('.react-flow__edge.edge-contains path.react-flow__edge-path')!;
    const matrix = path.getScreenCTM()!;
    const at = (length: number) => new DOMPoint(path.getPointAtLength(length).x, path.getPointAtLength(length).y).matrixTransform(matrix);
    const [start, end] = [at(0), at(path.getTotalLength())];
    const [response, impact] = [box('Convoy escorts'), box('Ports closed')];
    return { start: start.x, end: end.x, responseLeft: response.left, impactRight: impact.right };
  });
  expect(geometry.responseLeft).toBeGreaterThan(geometry.impactRight);
  expect(Math.abs(geometry.start - geometry.responseLeft)).toBeLessThan(8);
  expect(Math.abs(geometry.end - geometry.impactRight)).toBeLessThan(14);

  // Tab from the canvas walks the nodes, then the edges, each named, then every other region,
  // and comes back round: no trap. The analysis panel is opened from the command palette.
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette').waitFor();
  await page.keyboard.type('Analysis Panel');
  await page.keyboard.press('Enter');
  await page.getByTestId('analysis-panel').waitFor();
  while ((await focused(page)).region !== 'centre' || !(await focused(page)).flow) await page.keyboard.press('F6');
  await page.keyboard.press('Escape'); // nothing selected: the walk starts at the first node
  const forward = await walkFocus(page, 'Tab', 400);
  expect(forward.at(-1)?.backAtStart, 'Tab comes back to the canvas').toBe(true);
  // Past the window's last control focus rests on the page once (null) before wrapping to the first.
  expect(forward.filter((s) => s.region === null).length, JSON.stringify(forward.map((s) => [s.region, s.name]))).toBeLessThanOrEqual(1);
  expect(new Set(forward.map((s) => s.region).filter((r) => r !== null))).toEqual(new Set(['centre', 'inspector', 'analysis', 'toolbar', 'sidebar']));
  const walked = forward.filter((s) => s.roleDescription !== null).map((s) => s.name);
  expect(walked).toEqual([
    'trigger: Naval incident',
    'crisis: Blockade of the strait',
    'impact: Ports closed',
    'response: Convoy escorts',
    'Naval incident → Blockade of the strait, leads to',
    'Blockade of the strait → Ports closed, leads to',
    'Convoy escorts → Ports closed, contains',
  ]);
  await app.screenshot('keyboard-tab-walk-1024x700');
  const backward = await walkFocus(page, 'Shift+Tab', 400);
  expect(backward.at(-1)?.backAtStart, 'Shift+Tab comes back to the canvas').toBe(true);
  expect(backward.filter((s) => s.region === null).length).toBeLessThanOrEqual(1);
  expect(new Set(backward.map((s) => s.region).filter((r) => r !== null))).toEqual(new Set(['centre', 'inspector', 'analysis', 'toolbar', 'sidebar']));
  expect(backward.filter((s) => s.roleDescription !== null).map((s) => s.name)).toEqual([...walked].reverse());

  // After Find (Ctrl+F), Tab leaves the find bar and the canvas for the next region.
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').waitFor();
  const afterFind = await walkFocus(page, 'Tab', 60);
  expect(afterFind.some((s) => s.region !== 'centre'), `Tab after Find: ${afterFind.map((s) => s.region).join(' ')}`).toBe(true);
});

it('opens the node menu with the Menu key and connects two existing nodes with “Connect to …”, checked on disk', async () => {
  const { page } = app;
  await newScenarioByKeyboard(page);
  await page.keyboard.press('F6');
  await page.keyboard.press('F6');
  await page.keyboard.press('F6');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).testId).toBe('add-trigger');
  await page.keyboard.press('Enter');
  await page.getByTestId('title-input').waitFor();
  await page.keyboard.type('Naval incident');
  let mark = await saveMark(page);
  await page.keyboard.press('Enter');
  await waitSaved(page, mark);

  /** Open the selected node's menu with the Menu key and arrow down to the item, as a keyboard user would. */
  const runFromMenu = async (testId: string) => {
    await page.keyboard.press('ContextMenu');
    await page.getByTestId('context-menu').waitFor();
    for (let i = 0; i < 30 && (await focused(page)).testId !== testId; i++) await page.keyboard.press('ArrowDown');
    expect((await focused(page)).testId).toBe(testId);
    const before = await saveMark(page);
    await page.keyboard.press('Enter');
    return before;
  };
  mark = await runFromMenu('menu-add-connected-crisis');
  await page.getByTestId('title-input').waitFor();
  await page.keyboard.type('Blockade of the strait');
  await page.keyboard.press('Enter');
  await waitSaved(page, mark);
  mark = await runFromMenu('menu-add-connected-response');
  await page.getByTestId('title-input').waitFor();
  await page.keyboard.type('Hotline talks');
  await page.keyboard.press('Enter');
  await waitSaved(page, mark);

  // The response averts the crisis; "Connect to …" also lets it avert the trigger.
  const file = untitledFile(app);
  const trigger = readOnDisk(file, (db) => db.prepare("SELECT id FROM nodes WHERE title = 'Naval incident'").get() as { id: string });
  mark = await runFromMenu(`menu-connect-${trigger.id}`);
  await waitSaved(page, mark);
  const rows = readOnDisk(file, (db) =>
    db.prepare('SELECT s.title AS source, t.title AS target, e.kind FROM edges e JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target ORDER BY e.rowid').all(),
  );
  expect(rows).toEqual([
    { source: 'Naval incident', target: 'Blockade of the strait', kind: 'leads-to' },
    { source: 'Hotline talks', target: 'Blockade of the strait', kind: 'averts' },
    { source: 'Hotline talks', target: 'Naval incident', kind: 'averts' },
  ]);
  await app.screenshot('keyboard-connect-to-1024x700');
});
