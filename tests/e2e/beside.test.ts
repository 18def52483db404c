// A past state beside the live scenario, as a planner uses it in Chromium: a snapshot taken, the
// live scenario changed, then the snapshot opened beside it from File ▸ Snapshots…. The pane
// shows the crisis as it was, read-only, while the live canvas beside it stays editable; keys
// pressed in the pane never change the live scenario; a node copied from the pane pastes into
// the live scenario; F6 reaches the pane; Close returns the whole centre to the live canvas. The
// state before a history step opens beside the same way. The file on disk is checked throughout.
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankNode } from '../../core/model';
import { launchApp, type AppSession } from './harness/app';
import { axeViolations } from './harness/axe';
import { dumpScenario, nodeRows } from './harness/disk';
import { saving } from './harness/editor';
import { openBuiltScenario } from './harness/scenario';

let app: AppSession;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  await app.close();
});

const inPane = (pane: Locator, id: string) => pane.locator(`[data-testid="graph-node"][data-node-id="${id}"]`);

async function takeSnapshot(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette').getByRole('combobox').fill('Snapshots');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Snapshots' });
  await dialog.getByTestId('snapshot-name').fill(name);
  await dialog.getByTestId('snapshot-create').click();
  await dialog.getByText(name).waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
}

describe('a past state beside the live scenario', () => {
  it('shows a snapshot read-only beside the editable scenario, and nothing pressed there changes the file', async () => {
    const { page } = app;
    const { file } = await openBuiltScenario(app, 'beside', (crisisId) => [
      { op: 'node.create', node: { ...blankNode('trigger', crisisId, 'trig', { x: 0, y: 0 }), title: 'Typhoon' } },
      { op: 'node.create', node: { ...blankNode('impact', crisisId, 'imp', { x: 320, y: 0 }), title: 'Port closed' } },
      { op: 'node.create', node: { ...blankNode('impact', crisisId, 'gone', { x: 320, y: 200 }), title: 'Power cut' } },
    ]);
    await takeSnapshot(page, 'Before the meeting');

    // Change the live scenario: rename the trigger, delete "Power cut".
    const live = page.getByTestId('centre-live');
    await inPane(live, 'trig').locator('.kind-head').click();
    await page.getByTestId('field-title').fill('Super typhoon');
    await saving(page, () => page.getByTestId('field-title').blur());
    await inPane(live, 'gone').locator('.kind-head').click();
    await saving(page, () => page.keyboard.press('Delete'));
    await expect.poll(() => inPane(live, 'gone').count()).toBe(0);

    // What the live canvas shows wholly: the split must keep it in view.
    const wholly = async (id: string) => {
      const pane = (await live.locator('.react-flow').boundingBox())!;
      const box = (await inPane(live, id).boundingBox())!;
      return box.x >= pane.x && box.y >= pane.y && box.x + box.width <= pane.x + pane.width && box.y + box.height <= pane.y + pane.height;
    };
    expect([await wholly('trig'), await wholly('imp')]).toEqual([true, true]);

    // View ▸ Open a Snapshot Beside the Scenario…, then the snapshot's Beside button.
    await app.emit('command', { command: 'view.besideSnapshot' });
    const dialog = page.getByRole('dialog', { name: 'Snapshots' });
    await dialog.getByTestId('snapshot-item').waitFor();
    await app.screenshot('beside-snapshots-dialog');
    await dialog.getByRole('button', { name: 'Open “Before the meeting” beside the live scenario' }).click();
    const beside = page.getByTestId('beside-pane');
    await beside.waitFor();
    await expect(beside.getByTestId('beside-label').textContent()).resolves.toMatch(/^The snapshot “Before the meeting” \(.+\) · read-only$/);

    // The pane shows the crisis as it was; the live canvas beside it shows it as it is.
    await expect.poll(() => inPane(beside, 'gone').count()).toBe(1);
    await expect(inPane(beside, 'trig').textContent()).resolves.toContain('Typhoon');
    await expect(inPane(beside, 'trig').textContent()).resolves.not.toContain('Super');
    await expect(inPane(live, 'trig').textContent()).resolves.toContain('Super typhoon');
    await expect(inPane(live, 'gone').count()).resolves.toBe(0);
    // Side by side, both inside the centre, neither over the other.
    const centre = (await page.locator('[data-region="centre"]').boundingBox())!;
    const left = (await live.boundingBox())!;
    const right = (await beside.boundingBox())!;
    expect(left.x + left.width).toBeLessThanOrEqual(right.x + 1);
    expect(left.x).toBeGreaterThanOrEqual(centre.x - 1);
    expect(right.x + right.width).toBeLessThanOrEqual(centre.x + centre.width + 1);
    expect(right.width).toBeGreaterThan(300);
    const inside = async (pane: Locator, id: string, area: { x: number; width: number }) => {
      const box = (await inPane(pane, id).boundingBox())!;
      return box.x >= area.x && box.x + box.width <= area.x + area.width;
    };
    for (const id of ['trig', 'imp', 'gone']) expect(await inside(beside, id, right)).toBe(true);
    // The live canvas, now half as wide, still shows wholly what it showed, at a readable zoom.
    await live.locator('[data-canvas-state="still"]').waitFor();
    await expect.poll(async () => [await wholly('trig'), await wholly('imp')]).toEqual([true, true]);
    expect(await live.locator('.react-flow__viewport').evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a)).toBeGreaterThanOrEqual(0.6);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await app.screenshot('beside-snapshot');

    // "Match the live view" moves the pane to where the live canvas looks: the same node at the same place in each pane.
    await beside.getByRole('button', { name: 'Match the live view' }).click();
    await expect
      .poll(async () => {
        const [a, b] = [(await inPane(live, 'trig').boundingBox())!, (await inPane(beside, 'trig').boundingBox())!];
        const [la, lb] = [(await live.locator('.react-flow').boundingBox())!, (await beside.locator('.react-flow').boundingBox())!];
        return [b.x - lb.x - (a.x - la.x), b.y - lb.y - (a.y - la.y), b.width - a.width].map((d) => Math.abs(Math.round(d)));
      })
      .toEqual([0, 0, 0]);

    // Read-only: no palette in the pane, and keys pressed on its nodes change nothing anywhere.
    await expect(beside.getByRole('button', { name: /trigger/i }).count()).resolves.toBe(0);
    const before = dumpScenario(file);
    const answered = await page.getByTestId('save-state').getAttribute('data-answered');
    await inPane(beside, 'imp').locator('.kind-head').click();
    for (const key of ['Delete', 'ArrowRight', 'Shift+ArrowDown', 'Enter', 'Control+d', 'Control+x']) await page.keyboard.press(key);
    await expect(inPane(beside, 'imp').count()).resolves.toBe(1);
    await expect(inPane(live, 'imp').count()).resolves.toBe(1);
    // Not one edit was sent to main.
    await expect(page.getByTestId('save-state').getAttribute('data-answered')).resolves.toBe(answered);
    expect(dumpScenario(file)).toEqual(before);

    // The live scenario stays editable while the pane is open.
    await inPane(live, 'imp').locator('.kind-head').click();
    await page.getByTestId('field-title').fill('Port of Busan closed');
    await saving(page, () => page.getByTestId('field-title').blur());
    await expect.poll(() => nodeRows(file).find((r) => r.id === 'imp')?.title).toBe('Port of Busan closed');
    await expect(inPane(beside, 'imp').textContent()).resolves.toContain('Port closed');

    // Without the mouse: F6 reaches the pane as a region of its own, Tab walks its nodes, Ctrl+C
    // copies the one deleted since, Shift+F6 goes back to the live canvas and Ctrl+V pastes it there.
    await live.locator('.react-flow').focus();
    await page.keyboard.press('F6');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="beside-pane"]'))).toBe(true);
    const focusedInPane = () => page.evaluate(() => (document.activeElement?.closest('[data-testid="beside-pane"]') ? document.activeElement.getAttribute('data-id') : null));
    // Escape clears the pane's selection (its own: the live one is untouched), so the walk starts at the first node.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect.poll(focusedInPane).toBe('trig');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(focusedInPane).toBe('gone');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toContain('Power cut');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Shift+F6');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="centre-live"]'))).toBe(true);
    await saving(page, () => page.keyboard.press('Control+v'));
    await expect.poll(() => nodeRows(file).filter((r) => r.title === 'Power cut').length).toBe(1);
    await expect.poll(() => live.getByText('Power cut').count()).toBe(1);
    await expect(inPane(beside, 'gone').count()).resolves.toBe(1);

    // Close gives the centre back to the live canvas.
    await beside.getByRole('button', { name: 'Close the pane beside the live scenario' }).click();
    await beside.waitFor({ state: 'detached' });
    const whole = (await live.boundingBox())!;
    expect(whole.width).toBeGreaterThan(centre.width - 2);
    expect(app.errors).toEqual([]);
  });

  it('opens the state before a history step beside the live scenario, following the live crisis', async () => {
    const { page } = app;
    const { file } = await openBuiltScenario(app, 'beside-history', (crisisId) => [
      { op: 'node.create', node: { ...blankNode('trigger', crisisId, 'trig', { x: 0, y: 0 }), title: 'Earthquake' } },
    ]);
    const live = page.getByTestId('centre-live');
    await inPane(live, 'trig').locator('.kind-head').click();
    await page.getByTestId('field-title').fill('Earthquake off Sendai');
    await saving(page, () => page.getByTestId('field-title').blur());

    await app.emit('command', { command: 'edit.history' });
    const history = page.getByRole('dialog', { name: 'History' });
    const step = history.getByTestId('history-step').first();
    await expect(step.textContent()).resolves.toContain('Earthquake off Sendai');
    await step.getByRole('button', { name: /beside the live scenario/ }).click();
    const beside = page.getByTestId('beside-pane');
    await expect(beside.getByTestId('beside-label').textContent()).resolves.toContain('The scenario before');
    await expect.poll(() => inPane(beside, 'trig').textContent()).toContain('Earthquake');
    await expect(inPane(beside, 'trig').textContent()).resolves.not.toContain('Sendai');

    // A crisis added since is not in the past state: the pane says so instead of showing nothing.
    await page.getByTestId('new-crisis').click();
    await expect.poll(() => beside.getByTestId('beside-absent').count()).toBe(1);
    await app.screenshot('beside-history-absent-crisis');
    // The menu's Close the Pane command closes it too.
    await app.emit('command', { command: 'view.closeBeside' });
    await beside.waitFor({ state: 'detached' });
    expect(nodeRows(file).find((r) => r.id === 'trig')?.title).toBe('Earthquake off Sendai');
    expect(app.errors).toEqual([]);
  });

  it('stacks the pane under the live canvas at 1024×700, both usable and neither over the other', async () => {
    await app.close();
    app = await launchApp({ viewport: { width: 1024, height: 700 } });
    const { page } = app;
    await openBuiltScenario(app, 'beside-narrow', (crisisId) => [
      { op: 'node.create', node: { ...blankNode('trigger', crisisId, 'trig', { x: 0, y: 0 }), title: 'Typhoon' } },
      { op: 'node.create', node: { ...blankNode('impact', crisisId, 'imp', { x: 320, y: 0 }), title: 'Port closed' } },
    ]);
    await takeSnapshot(page, 'Narrow');
    await app.emit('command', { command: 'view.besideSnapshot' });
    await page.getByRole('button', { name: 'Open “Narrow” beside the live scenario' }).click();
    const beside = page.getByTestId('beside-pane');
    await expect.poll(() => inPane(beside, 'imp').count()).toBe(1);
    const centre = (await page.locator('[data-region="centre"]').boundingBox())!;
    const top = (await page.getByTestId('centre-live').boundingBox())!;
    const bottom = (await beside.boundingBox())!;
    expect(top.y + top.height).toBeLessThanOrEqual(bottom.y + 1);
    expect(bottom.y + bottom.height).toBeLessThanOrEqual(centre.y + centre.height + 1);
    expect(Math.min(top.height, bottom.height)).toBeGreaterThan(150);
    expect(bottom.width).toBeGreaterThan(centre.width - 2);
    // The header's buttons stay in reach, and every node of the pane lies inside it.
    for (const name of ['Match the live view', 'Close the pane beside the live scenario']) {
      const box = (await beside.getByRole('button', { name }).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(bottom.x + bottom.width);
    }
    for (const id of ['trig', 'imp']) {
      const box = (await inPane(beside, id).boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(bottom.y);
      expect(box.y + box.height).toBeLessThanOrEqual(bottom.y + bottom.height);
    }
    await expect(axeViolations(page)).resolves.toEqual([]);
    await app.screenshot('beside-1024');
    expect(app.errors).toEqual([]);
  });
});
