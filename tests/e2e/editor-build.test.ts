// Building a graph the way a planner does: crises, nodes of each kind, connections (valid and
// refused), deleting, finding, hostile labels, and reopening the file.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';
import { dumpScenario, readOnDisk } from './harness/disk';
import { addNamedNode, connect, nodeLocator, saving, untitledFile, waitCanvasStill } from './harness/editor';

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

describe('building a crisis graph', () => {
  it('creates a crisis, adds every kind, makes every valid connection and refuses an invalid one', async () => {
    const { page } = app;
    await page.getByTestId('new-crisis').click();
    const crisisTitle = page.getByTestId('crisis-title-input');
    await crisisTitle.fill('Yellow Sea refugee flows');
    await saving(page, () => crisisTitle.press('Enter'));
    await page.getByTestId('crisis-item').filter({ hasText: 'Yellow Sea refugee flows' }).waitFor();

    const t1 = await addNamedNode(page, 'trigger', 'Regime collapse in Pyongyang');
    const t2 = await addNamedNode(page, 'trigger', 'Famine in the north');
    const crisis = await addNamedNode(page, 'crisis', 'Mass departure by sea');
    const i1 = await addNamedNode(page, 'impact', 'Boats reach Shandong');
    const i2 = await addNamedNode(page, 'impact', 'Camps overwhelmed');
    const r = await addNamedNode(page, 'response', 'Joint maritime rescue');
    await saving(page, () => page.getByTestId('tool-view.arrange').click());
    await waitCanvasStill(page);

    await connect(page, t2, t1); // trigger → trigger
    await connect(page, t1, crisis); // trigger → crisis
    await connect(page, crisis, i1); // crisis → impact
    await connect(page, i1, i2); // impact → impact
    await connect(page, r, t1); // response → trigger (averts)
    await connect(page, r, crisis); // response → crisis (averts)
    await connect(page, r, i2); // response → impact (contains)
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(7);

    await connect(page, i2, t2, { refused: true }); // impact → trigger is not allowed
    const refusal = page.getByTestId('notice-error').last();
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('An impact cannot connect to a trigger');
    expect(await page.locator('.react-flow__edge').count()).toBe(7);

    const file = untitledFile(app);
    const edges = readOnDisk(file, (db) => db.prepare('SELECT source, target, kind FROM edges').all() as { source: string; target: string; kind: string }[]);
    const kinds = Object.fromEntries(edges.map((e) => [`${e.source}>${e.target}`, e.kind]));
    expect(kinds).toEqual({
      [`${t2}>${t1}`]: 'leads-to',
      [`${t1}>${crisis}`]: 'leads-to',
      [`${crisis}>${i1}`]: 'leads-to',
      [`${i1}>${i2}`]: 'leads-to',
      [`${r}>${t1}`]: 'averts',
      [`${r}>${crisis}`]: 'averts',
      [`${r}>${i2}`]: 'contains',
    });
    const crises = readOnDisk(file, (db) => db.prepare('SELECT title FROM crises ORDER BY ord').all());
    expect(crises).toEqual([{ title: 'First crisis' }, { title: 'Yellow Sea refugee flows' }]);
    await app.screenshot('editor-built-crisis');
  });

  it('deletes with the keyboard, finds by text, shows hostile labels as text, and reopens identically', async () => {
    const { page } = app;
    const hostile = '<img src=x onerror=alert(1)>';
    const a = await addNamedNode(page, 'trigger', 'Typhoon makes landfall');
    const b = await addNamedNode(page, 'impact', hostile);
    const c = await addNamedNode(page, 'impact', 'Ports closed for a week');

    // Hostile text is text: the node shows the characters, and no element was created from it.
    expect(await nodeLocator(page, b).locator('.kind-title').textContent()).toBe(hostile);
    expect(await page.locator('.react-flow img').count()).toBe(0);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });

    // Delete with the keyboard.
    await nodeLocator(page, c).click();
    await saving(page, () => page.keyboard.press('Delete'));
    await expect.poll(() => nodeLocator(page, c).count()).toBe(0);
    const file = untitledFile(app);
    expect(readOnDisk(file, (db) => db.prepare('SELECT count(*) AS n FROM nodes WHERE id = ?').get(c))).toEqual({ n: 0 });

    // Find cycles through matches in titles.
    await page.keyboard.press('Control+f');
    await page.getByTestId('find-input').fill('typhoon');
    await page.getByTestId('find-input').press('Enter');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('1 of 1');
    await expect.poll(() => nodeLocator(page, a).getAttribute('class')).toContain('is-selected');
    await page.getByTestId('find-input').press('Escape');

    // The shared filter dims what does not match, on the canvas as in the tables.
    await page.getByTestId('filter-input').fill('landfall');
    await expect.poll(() => nodeLocator(page, b).getAttribute('data-dimmed')).toBe('true');
    expect(await nodeLocator(page, a).getAttribute('data-dimmed')).toBe('false');
    await page.getByTestId('filter-input').fill('');
    await expect.poll(() => nodeLocator(page, b).getAttribute('data-dimmed')).toBe('false');

    // Save As, close, reopen: the same graph.
    const target = join(app.workDir, 'typhoon.scenario');
    app.dialogs.save.push(target);
    await page.getByTestId('title-save-as').click();
    await page.getByTestId('file-name').filter({ hasText: 'typhoon.scenario' }).waitFor();
    const before = dumpScenario(target);
    const shownBefore = await page.locator('[data-testid="graph-node"]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-node-id'), e.textContent]).sort());
    await page.evaluate(() => window.workbench.closeScenario({}));
    await app.reload();
    app.dialogs.open.push(target);
    await page.getByTestId('welcome-open').click();
    await page.getByTestId('file-name').filter({ hasText: 'typhoon.scenario' }).waitFor();
    await page.locator('[data-testid="graph-node"]').first().waitFor();
    const shownAfter = await page.locator('[data-testid="graph-node"]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-node-id'), e.textContent]).sort());
    expect(shownAfter).toEqual(shownBefore);
    expect(dumpScenario(target)).toEqual(before);
    expect(dialogs).toBe(0);
    await app.screenshot('editor-reopened');
  });

  it('adds by double-click and context menu, cycles with Tab, renames with Enter, deletes from the menu', async () => {
    const { page } = app;
    const pane = page.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByTestId('menu-add-impact').click();
    await page.getByTestId('title-input').fill('Grain prices spike');
    await page.getByTestId('title-input').press('Enter');
    await page.locator('[data-testid="graph-node"][data-kind="impact"]', { hasText: 'Grain prices spike' }).waitFor();

    await pane.click({ button: 'right', position: { x: 120, y: 140 } });
    await page.getByTestId('menu-add-trigger').click();
    await page.getByTestId('title-input').fill('Drought in the plains');
    await saving(page, () => page.getByTestId('title-input').press('Enter'));
    await expect.poll(() => page.locator('[data-testid="graph-node"]').count()).toBe(2);

    // Tab moves the selection from node to node (left to right), Enter renames in place.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const selected = () => page.locator('[data-testid="graph-node"].is-selected').allTextContents();
    // The selection is drawn in the frame after the key, so wait for it rather than read at once.
    await expect.poll(selected).toHaveLength(1);
    const first = await selected();
    await page.keyboard.press('Tab');
    await expect.poll(async () => JSON.stringify(await selected())).not.toBe(JSON.stringify(first));
    const second = await selected();
    expect(second).toHaveLength(1);
    await page.keyboard.press('Enter');
    await page.getByTestId('title-input').fill('Renamed from the keyboard');
    await saving(page, () => page.getByTestId('title-input').press('Enter'));
    await page.locator('[data-testid="graph-node"]', { hasText: 'Renamed from the keyboard' }).waitFor();

    // Delete through the node's context menu, and undo brings it back.
    await page.locator('[data-testid="graph-node"]', { hasText: 'Renamed from the keyboard' }).click({ button: 'right' });
    await saving(page, () => page.getByTestId('menu-delete').click());
    await expect.poll(() => page.locator('[data-testid="graph-node"]').count()).toBe(1);
    expect(readOnDisk(untitledFile(app), (db) => db.prepare('SELECT count(*) AS n FROM nodes').get())).toEqual({ n: 1 });
    await page.keyboard.press('Control+z');
    await page.locator('[data-testid="graph-node"]', { hasText: 'Renamed from the keyboard' }).waitFor();
    await app.screenshot('editor-context-menu');
  });
});
