// The compare view, as a planner uses it in Chromium: a snapshot, then a rename, a new element, a
// deletion and a changed stance; the view against the snapshot shows the new element marked, the
// deleted one as a ghost where it was, the renamed and re-judged ones highlighted, and a list of
// the changes beside the canvas; a list entry selects and centres its element; leaving restores
// the normal canvas; the file on disk is the same before and after.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankNode } from '../../core/model';
import { openScenarioFile } from '../../db';
import { launchApp, type AppSession } from './harness/app';
import { dumpScenario, readOnDisk } from './harness/disk';
import { saving } from './harness/editor';
import { openBuiltScenario } from './harness/scenario';

let app: AppSession;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  await app.close();
});

const flowNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const graphNode = (page: Page, id: string) => page.locator(`[data-testid="graph-node"][data-node-id="${id}"]`);

describe('compare view', () => {
  it('marks what changed since a snapshot, goes to a change from the list, and changes nothing in the file', async () => {
    const { page } = app;
    const { file } = await openBuiltScenario(app, 'compare', (crisisId) => [
      { op: 'node.create', node: { ...blankNode('trigger', crisisId, 'trig', { x: 0, y: 0 }), title: 'Typhoon' } },
      { op: 'node.create', node: { ...blankNode('impact', crisisId, 'imp', { x: 320, y: 0 }), title: 'Port closed' } },
      { op: 'node.create', node: { ...blankNode('impact', crisisId, 'gone', { x: 320, y: 200 }), title: 'Power cut' } },
    ]);
    await app.emit('command', { command: 'file.snapshots' });
    const snapshots = page.getByRole('dialog', { name: 'Snapshots' });
    await snapshots.getByTestId('snapshot-name').fill('Before the meeting');
    await snapshots.getByTestId('snapshot-create').click();
    await snapshots.getByText('Before the meeting').waitFor();
    await snapshots.getByRole('button', { name: 'Close' }).click();

    // Rename the trigger, set China's stance on the impact, delete "Power cut", add a response.
    await graphNode(page, 'trig').locator('.kind-head').click();
    await page.getByTestId('field-title').fill('Super typhoon');
    await saving(page, () => page.getByTestId('field-title').blur());
    await graphNode(page, 'imp').locator('.kind-head').click();
    await saving(page, () => page.getByTestId('stance-cn-agree').click());
    await graphNode(page, 'gone').locator('.kind-head').click();
    await saving(page, () => page.keyboard.press('Delete'));
    await expect.poll(() => graphNode(page, 'gone').count()).toBe(0);
    await saving(page, () => page.getByTestId('add-response').click());
    const rows = () => readOnDisk(file, (db) => db.prepare('SELECT id, title FROM nodes').all() as { id: string; title: string }[]);
    await expect.poll(() => rows().length).toBe(3);
    const added = rows().find((r) => !['trig', 'imp'].includes(r.id))!;
    await page.keyboard.press('Escape');
    const before = dumpScenario(file);

    // Open the compare view from the command palette's command, then the snapshot's Compare button.
    await app.emit('command', { command: 'view.compareSnapshot' });
    await snapshots.getByTestId('snapshot-item').filter({ hasText: 'Before the meeting' }).getByTestId('snapshot-compare').click();
    const list = page.getByTestId('compare-list');
    await list.waitFor();
    await expect(list.getByRole('heading').textContent()).resolves.toContain('the snapshot “Before the meeting”');
    await expect(page.getByTestId('compare-counts').textContent()).resolves.toBe('2 added · 1 removed · 1 changed') // the response and China's new stance;
    const entries = list.getByTestId('compare-entry');
    await expect(entries.allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('response'), expect.stringContaining('impact "Power cut"'), expect.stringContaining('trigger "Super typhoon"'), expect.stringContaining('stance on "Port closed"')]),
    );
    await expect(list.textContent()).resolves.toContain('title: "Typhoon" → "Super typhoon"');

    // On the canvas: the new node ringed as added, the renamed and re-judged ones as changed, the deleted one a ghost.
    await expect.poll(() => flowNode(page, added.id).getAttribute('class')).toContain('compare-added');
    await expect(flowNode(page, 'trig').getAttribute('class')).resolves.toContain('compare-changed');
    await expect(flowNode(page, 'imp').getAttribute('class')).resolves.toContain('compare-changed');
    await expect(flowNode(page, 'gone').getAttribute('class')).resolves.toContain('compare-ghost');
    await expect(flowNode(page, 'gone').textContent()).resolves.toContain('Power cut');
    await expect(flowNode(page, 'trig').getAttribute('aria-label')).resolves.toContain('changed (title: "Typhoon" → "Super typhoon")');
    await app.screenshot('compare-view');

    // The view is read-only: the inspector's title cannot be edited.
    await graphNode(page, 'trig').locator('.kind-head').click();
    await expect(page.getByTestId('field-title').isDisabled()).resolves.toBe(true);
    await page.keyboard.press('Escape');

    // A list entry selects its element and centres it.
    await entries.filter({ hasText: 'trigger "Super typhoon"' }).click();
    await expect.poll(() => flowNode(page, 'trig').getAttribute('class')).toContain('selected');
    await expect
      .poll(async () => {
        const pane = (await page.locator('.react-flow').boundingBox())!;
        const box = (await flowNode(page, 'trig').boundingBox())!;
        return Math.abs(box.x + box.width / 2 - (pane.x + pane.width / 2)) < 40 && Math.abs(box.y + box.height / 2 - (pane.y + pane.height / 2)) < 40;
      })
      .toBe(true);
    await app.screenshot('compare-view-entry');
    const centred = (id: string) => async () => {
      const pane = (await page.locator('.react-flow').boundingBox())!;
      const box = (await flowNode(page, id).boundingBox())!;
      return Math.abs(box.x + box.width / 2 - (pane.x + pane.width / 2)) < 40 && Math.abs(box.y + box.height / 2 - (pane.y + pane.height / 2)) < 40;
    };
    // A removed element's entry centres its ghost.
    await entries.filter({ hasText: 'impact "Power cut"' }).click();
    await expect.poll(centred('gone')).toBe(true);

    // The changes go out as a brief: "What changed since the last meeting", in Markdown.
    const brief = join(app.workDir, 'changes.md');
    app.dialogs.exportTargets.push(brief);
    await list.getByRole('button', { name: 'Brief (Markdown)…' }).click();
    await page.getByText('Saved the changes brief as changes.md').waitFor();
    const markdown = readFileSync(brief, 'utf8');
    expect(markdown).toContain('What changed since the last meeting');
    expect(markdown).toContain('From the snapshot “Before the meeting” to compare.scenario now');
    for (const words of ['Super typhoon', 'Power cut', 'Port closed']) expect(markdown).toContain(words);

    // Leaving restores the normal canvas; the file holds exactly what it held before.
    await page.getByTestId('compare-leave').click();
    await list.waitFor({ state: 'detached' });
    await expect.poll(() => flowNode(page, 'gone').count()).toBe(0);
    await expect(flowNode(page, 'trig').getAttribute('class')).resolves.not.toContain('compare-');
    expect(dumpScenario(file)).toEqual(before);
    expect(app.errors).toEqual([]);
  });

  it('compares with another scenario file chosen in the open dialog', async () => {
    const { page } = app;
    const { file } = await openBuiltScenario(app, 'ours', (crisisId) => [
      { op: 'node.create', node: { ...blankNode('trigger', crisisId, 'trig', { x: 0, y: 0 }), title: 'Typhoon' } },
    ]);
    const other = join(app.workDir, 'theirs.scenario');
    app.dialogs.save.push(other);
    await app.emit('command', { command: 'file.saveCopy' });
    await page.getByText('Saved a copy as theirs.scenario').waitFor();
    const theirs = openScenarioFile(other);
    if (!theirs.ok) throw new Error(theirs.error.message);
    theirs.store.apply([{ op: 'node.update', id: 'trig', patch: { title: 'Typhoon Hagibis' } }]);
    theirs.store.close();
    const before = dumpScenario(file);

    app.dialogs.open.push(other);
    await app.emit('command', { command: 'view.compareFile' });
    const list = page.getByTestId('compare-list');
    await expect.poll(() => list.getByRole('heading').textContent()).toContain('the file theirs.scenario');
    await expect(list.textContent()).resolves.toContain('title: "Typhoon Hagibis" → "Typhoon"');
    await expect(flowNode(page, 'trig').getAttribute('class')).resolves.toContain('compare-changed');
    // The HTML brief reads the other file again; it may not be written over it.
    app.dialogs.exportTargets.push(other);
    await list.getByRole('button', { name: 'Brief (HTML)…' }).click();
    await page.getByText(/theirs\.scenario is the file compared with; write to another file/).waitFor();
    const brief = join(app.workDir, 'changes.html');
    app.dialogs.exportTargets.push(brief);
    await list.getByRole('button', { name: 'Brief (HTML)…' }).click();
    await page.getByText('Saved the changes brief as changes.html').waitFor();
    const html = readFileSync(brief, 'utf8');
    expect(html).toContain('From theirs.scenario to ours.scenario now');
    expect(html).toContain('Typhoon Hagibis');
    await app.emit('command', { command: 'view.leaveCompare' });
    await list.waitFor({ state: 'detached' });
    expect(dumpScenario(file)).toEqual(before);
    expect(app.errors).toEqual([]);
  });
});
