/**
 * The consensus matrix never changes data by accident: selecting cells (click, arrows) leaves the
 * file as it was; a position changes only by a deliberate key, a button of the selected-cell bar
 * or the cell's menu; the hint bar names each key; rows run trigger → crisis → impact → response
 * with the kind named; notes, who holds a position and since when are entered in the matrix.
 * Checked on the file on disk.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankNode, HOLDER_LABELS, STANCE_MEANINGS, type NodeKind } from '../../core/model';
import type { Op } from '../../core/ops';
import { launchApp, type AppSession } from './harness/app';
import { dumpScenario, readOnDisk } from './harness/disk';
import { saving, untitledFile } from './harness/editor';
import { openBuiltScenario } from './harness/scenario';

// Created out of kind order, so the matrix's order is its own doing.
function ops(crisisId: string): Op[] {
  const node = (id: string, kind: NodeKind, title: string, i: number): Op => ({
    op: 'node.create',
    node: { ...blankNode(kind, crisisId, id, { x: 80 + i * 260, y: 80 }), title },
  });
  return [
    node('r1', 'response', 'Evacuate by sea', 0),
    node('i1', 'impact', 'Ports closed', 1),
    node('x', 'crisis', 'Blockade of the strait', 2),
    node('t1', 'trigger', 'Naval incident', 3),
    node('i2', 'impact', 'Fuel rationing', 4),
  ];
}

const stancesOnDisk = (file: string) =>
  readOnDisk(file, (db) => db.prepare('SELECT element_id, actor_id, position, note FROM stances ORDER BY element_id, actor_id').all());

describe('consensus matrix', () => {
  let app: AppSession;
  let file: string;
  beforeEach(async () => {
    app = await launchApp({ viewport: { width: 1024, height: 700 } });
    ({ file } = await openBuiltScenario(app, 'matrix', ops));
    await app.page.getByTestId('centre-matrix').click();
    await app.page.getByTestId('consensus-matrix').waitFor();
  });
  afterEach(async () => {
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('selecting cells by click and arrows changes nothing, in the page or on disk', async () => {
    const { page } = app;
    const before = dumpScenario(file);
    const undoBefore = await page.getByTestId('tool-edit.undo').isDisabled();
    for (const id of ['matrix-t1-us', 'matrix-x-jp', 'matrix-i1-kr', 'matrix-r1-cn', 'matrix-i2-us']) await page.getByTestId(id).click();
    await page.getByTestId('matrix-t1-us').click();
    const path: (string | null | undefined)[] = [];
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft', 'ArrowRight']) {
      await page.keyboard.press(key);
      path.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')));
    }
    expect(path).toEqual(['matrix-x-us', 'matrix-i2-us', 'matrix-i2-jp', 'matrix-x-jp', 'matrix-x-us', 'matrix-x-jp']);
    // Space and Enter used to cycle the stance; now Space does nothing and Enter goes to the note.
    await page.keyboard.press(' ');
    const positions = await page.locator('.matrix-cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-position')));
    expect(new Set(positions)).toEqual(new Set(['unknown']));
    expect(dumpScenario(file)).toEqual(before);
    expect(await page.getByTestId('tool-edit.undo').isDisabled()).toBe(undoBefore);
    // Impacts sort by title within their kind (Fuel before Ports). The cell the arrows reached is the selected one, and the bar says whose position it is.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('matrix-x-jp');
    await expect(page.getByTestId('matrix-cell-editor').textContent()).resolves.toContain('Japan');
    await expect(page.getByTestId('matrix-cell-editor').textContent()).resolves.toContain('Blockade of the strait');
  });

  it('lists rows trigger → crisis → impact → response, names each kind, and says what each key does', async () => {
    const { page } = app;
    const rows = await page.getByTestId('matrix-row').evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.querySelector('.row-kind')?.textContent]));
    expect(rows).toEqual([
      ['trigger', 'Trigger'],
      ['crisis', 'Crisis'],
      ['impact', 'Impact'],
      ['impact', 'Impact'],
      ['response', 'Response'],
    ]);
    const hint = (await page.getByTestId('matrix-help').textContent()) ?? '';
    for (const words of ['A: agree', 'D: disagree', 'U: uncertain', 'N: unknown', 'Shift+letter: the whole row', 'Enter: edit the note', 'nothing changes']) {
      expect(hint).toContain(words);
    }
    await app.screenshot('matrix-1024x700');
    await page.setViewportSize({ width: 1440, height: 900 });
    await app.screenshot('matrix-1440x900');
  });

  it('changes a position only by a key, a bar button or the menu; each changes the one cell and the file', async () => {
    const { page } = app;
    // A key: D on the US cell of the trigger; focus stays on that cell.
    await page.getByTestId('matrix-t1-us').click();
    await saving(page, () => page.keyboard.press('d'));
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('matrix-t1-us');
    // A button of the selected-cell bar: Japan agrees on the crisis.
    await page.getByTestId('matrix-x-jp').click();
    await saving(page, () => page.getByTestId('matrix-set-agree').click());
    await expect.poll(() => page.getByTestId('matrix-x-jp').getAttribute('data-position')).toBe('agree');
    // The menu, by right-click: Korea is uncertain on the first impact.
    await page.getByTestId('matrix-i1-kr').click({ button: 'right' });
    await saving(page, () => page.getByTestId('matrix-menu-uncertain').click());
    await expect.poll(() => page.getByTestId('matrix-i1-kr').getAttribute('data-position')).toBe('uncertain');
    // ...and by Shift+F10 from the keyboard: China disagrees on the response.
    await page.getByTestId('matrix-r1-cn').focus();
    await page.keyboard.press('Shift+F10');
    await page.getByTestId('context-menu').waitFor();
    await saving(page, () => page.getByTestId('matrix-menu-disagree').click());
    await expect.poll(() => page.getByTestId('matrix-r1-cn').getAttribute('data-position')).toBe('disagree');
    expect(stancesOnDisk(file)).toEqual([
      { element_id: 'i1', actor_id: 'kr', position: 'uncertain', note: '' },
      { element_id: 'r1', actor_id: 'cn', position: 'disagree', note: '' },
      { element_id: 't1', actor_id: 'us', position: 'disagree', note: '' },
      { element_id: 'x', actor_id: 'jp', position: 'agree', note: '' },
    ]);
  });

  it('takes a note for the selected cell, from the keyboard, and keeps its position', async () => {
    const { page } = app;
    await page.getByTestId('matrix-x-us').click();
    await page.keyboard.press('a');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('matrix-note');
    await page.keyboard.type('Said so at the Tokyo meeting');
    await saving(page, () => page.keyboard.press('Enter'));
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('matrix-x-us');
    await expect.poll(() => stancesOnDisk(file)).toEqual([{ element_id: 'x', actor_id: 'us', position: 'agree', note: 'Said so at the Tokyo meeting' }]);
    await expect(page.getByTestId('matrix-x-us').getAttribute('aria-label')).resolves.toContain('with a note');
  });

  it('records who holds a position and since when in the selected-cell bar, which says what the position claims', async () => {
    const { page } = app;
    const cell = page.getByTestId('matrix-i1-cn');
    await cell.click();
    await expect(page.getByTestId('matrix-meaning').textContent()).resolves.toContain(STANCE_MEANINGS.impact.question);
    // With no position yet there is nothing to qualify; the bar keeps its size, so setting one
    // leaves the grid where it was under the pointer.
    const holder = page.getByTestId('matrix-holder');
    await expect(holder.isVisible()).resolves.toBe(false);
    const before = (await cell.boundingBox())!;
    await saving(page, () => page.keyboard.press('d'));
    await expect.poll(() => holder.isVisible()).toBe(true);
    expect((await cell.boundingBox())!.y).toBe(before.y);
    // A new position is the planner's own estimate until they say otherwise.
    await expect(holder.inputValue()).resolves.toBe('analyst');
    await saving(page, () => holder.selectOption('participant'));
    await saving(page, () => page.getByTestId('matrix-as-of').fill('2016-05-20'));
    await expect.poll(() => cell.getAttribute('data-holder')).toBe('participant');
    await expect(cell.getAttribute('aria-label')).resolves.toBe(`China on Ports closed: disagree (${HOLDER_LABELS.participant})`);
    await expect(page.getByTestId('matrix-as-of').inputValue()).resolves.toBe('2016-05-20');
    await app.screenshot('matrix-holder-as-of');
    const row = readOnDisk(file, (db) => db.prepare("SELECT position, holder, as_of AS asOf, basis FROM stances WHERE element_id = 'i1' AND actor_id = 'cn'").get());
    expect(row).toEqual({ position: 'disagree', holder: 'participant', asOf: '2016-05-20', basis: 'planner' });
  });
});

describe('consensus matrix of the report library at 1024×700, inspector open', () => {
  let app: AppSession;
  afterEach(async () => {
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('shows actor columns beside the rows and keeps each row named while the keyboard walks to the last actor', async () => {
    app = await launchApp({ viewport: { width: 1024, height: 700 } });
    const { page } = app;
    await page.getByTestId('welcome-library').click();
    await page.locator('[data-testid="graph-node"]').first().waitFor();
    await page.getByTestId('centre-matrix').click();
    await page.getByTestId('consensus-matrix').waitFor();
    const file = untitledFile(app);
    const before = dumpScenario(file);
    const box = (await page.locator('.matrix-scroll').boundingBox())!;
    const within = (r: { x: number; width: number }) => r.x >= box.x - 0.5 && r.x + r.width <= box.x + box.width + 0.5;
    const firstRow = page.getByTestId('matrix-row').first();
    const cells = firstRow.locator('.matrix-cell');
    const cellCount = await cells.count();
    expect(cellCount).toBeGreaterThan(10);
    // Before any scrolling, the first two actors' cells are in sight, not only the row's words.
    for (let col = 0; col < 2; col++) expect(within((await cells.nth(col).boundingBox())!), `actor column ${col}`).toBe(true);
    await app.screenshot('matrix-library-1024x700');

    await cells.first().click();
    for (let col = 1; col < cellCount; col++) await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-col'));
    expect(Number(focused)).toBe(cellCount - 1);
    const last = (await cells.nth(cellCount - 1).boundingBox())!;
    const title = (await firstRow.locator('.row-title').boundingBox())!;
    const kind = (await firstRow.locator('.row-kind').boundingBox())!;
    expect(within(last)).toBe(true);
    expect(within(title) && within(kind)).toBe(true);
    expect(last.x).toBeGreaterThanOrEqual(title.x + title.width - 0.5);
    await app.screenshot('matrix-library-last-actor-1024x700');
    expect(dumpScenario(file)).toEqual(before);
  });
});
