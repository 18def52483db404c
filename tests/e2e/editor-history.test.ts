// Undo and redo over mixed edits, and copy/paste across crises and across files.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';
import { dumpScenario, nodeRows } from './harness/disk';
import { addNamedNode, connect, dragNode, nodeLocator, saving, untitledFile, waitCanvasStill } from './harness/editor';

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

describe('history', () => {
  it('undoes ten mixed edits back to the first state of the file, and redoes them all', async () => {
    const { page } = app;
    const file = untitledFile(app);
    const first = dumpScenario(file);
    const steps: Record<string, unknown[]>[] = [first];
    // Each step is one user action that edits; the file is read once main has answered it.
    const record = async (action: () => Promise<unknown>) => {
      await saving(page, action);
      steps.push(dumpScenario(file));
    };

    const t = await addNamedNode(page, 'trigger', 'Collision at Scarborough Shoal'); // 1 add (with its title in place: one step)
    steps.push(dumpScenario(file));
    const c = await addNamedNode(page, 'crisis', 'Naval standoff'); // 2
    steps.push(dumpScenario(file));
    await waitCanvasStill(page);
    await connect(page, t, c); // 3 (the helper waits for its edit)
    steps.push(dumpScenario(file));
    await dragNode(page, c, 60, 40); // 4: one drag, one step
    steps.push(dumpScenario(file));
    await nodeLocator(page, t).click();
    await record(() => page.keyboard.press('ArrowRight')); // 5: a nudge
    await record(() => page.getByTestId('stance-cn-disagree').click()); // 6: a stance in the inspector
    await page.getByTestId('scenario-title').fill('South China Sea'); // 7: text typed in one go
    await record(() => page.getByTestId('scenario-title').press('Enter'));
    await record(() => page.getByTestId('add-actor').click()); // 8: an actor
    await record(async () => {
      await page.getByTestId('new-crisis').click(); // 9: a crisis (keeping the title it is given)
      await page.getByTestId('crisis-title-input').press('Enter');
    });
    await page.getByTestId('crisis-item').first().click();
    await nodeLocator(page, c).click();
    await record(() => page.keyboard.press('Delete')); // 10: delete a node (and its edge and stances)
    expect(steps).toHaveLength(11);
    for (let i = 1; i < steps.length; i++) expect(steps[i], `edit ${i} changed the file`).not.toEqual(steps[i - 1]);

    for (let i = 10; i >= 1; i--) {
      await saving(page, () => page.getByTestId('tool-edit.undo').click());
      expect(dumpScenario(file), `after undoing edit ${i}`).toEqual(steps[i - 1]);
    }
    expect(await page.getByTestId('tool-edit.undo').isDisabled()).toBe(true);
    for (let i = 1; i <= 10; i++) {
      await saving(page, () => page.keyboard.press(i % 2 ? 'Control+Shift+Z' : 'Control+y'));
      expect(dumpScenario(file), `after redoing edit ${i}`).toEqual(steps[i]);
    }
    await app.screenshot('editor-history-redone');
  });
});

describe('copy and paste', () => {
  it('pastes across crises and into another file, with fresh ids and the edges kept', async () => {
    const { page } = app;
    const a = await addNamedNode(page, 'trigger', 'Pirates seize a tanker');
    const b = await addNamedNode(page, 'crisis', 'Shipping diverted');
    await waitCanvasStill(page);
    await connect(page, a, b);
    await nodeLocator(page, a).click();
    await saving(page, () => page.getByTestId('stance-us-agree').click());

    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await saving(page, async () => {
      await page.getByTestId('new-crisis').click();
      await page.getByTestId('crisis-title-input').press('Enter');
    });
    await page.locator('.react-flow__pane').click();
    await saving(page, () => page.keyboard.press('Control+v'));
    await expect.poll(() => page.locator('[data-testid="graph-node"]').count()).toBe(2);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);

    const file = untitledFile(app);
    const rows = nodeRows(file);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.id)).size).toBe(4);
    expect(rows.filter((r) => r.title === 'Pirates seize a tanker').map((r) => r.crisis_id).sort()).toHaveLength(2);
    const dump = dumpScenario(file);
    expect(dump.edges).toHaveLength(2);
    expect(dump.stances).toHaveLength(2);

    // Into another file: save this one, start a new scenario, paste.
    app.dialogs.save.push(join(app.workDir, 'piracy.scenario'));
    await page.getByTestId('title-save-as').click();
    await page.getByTestId('file-name').filter({ hasText: 'piracy.scenario' }).waitFor();
    await page.keyboard.press('Control+n');
    await page.getByTestId('file-name').filter({ hasText: 'Untitled scenario' }).waitFor();
    await page.locator('.react-flow__pane').click();
    await saving(page, () => page.keyboard.press('Control+v'));
    await expect.poll(() => page.locator('[data-testid="graph-node"]').count()).toBe(2);
    const other = dumpScenario(untitledFile(app));
    expect((other.nodes as { title: string }[]).map((n) => n.title).sort()).toEqual(['Pirates seize a tanker', 'Shipping diverted']);
    expect(other.edges).toHaveLength(1);
    expect(other.stances).toHaveLength(1);
    await app.screenshot('editor-pasted-into-new-file');
  });
});
