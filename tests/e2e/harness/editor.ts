/** Editor gestures for e2e tests: real clicks, drags and keys on the canvas. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExportFormat } from '../../../core/formats';
import type { NodeKind } from '../../../core/model';
import type { AppSession } from './app';

export const nodeLocator = (page: Page, id: string) => page.locator(`[data-testid="graph-node"][data-node-id="${id}"]`);

/** The untitled scenario file the session is editing (there is exactly one in a fresh data folder). */
export function untitledFile(app: AppSession): string {
  const dir = join(app.dataDir, 'untitled');
  const files = readdirSync(dir).filter((f) => f.endsWith('.scenario'));
  if (files.length !== 1) throw new Error(`expected one untitled file, found ${files.length}`);
  return join(dir, files[0]!);
}

/** Add a node with the palette, name it in place, and return its id. */
export async function addNamedNode(page: Page, kind: NodeKind, title: string): Promise<string> {
  const before = await page.locator('[data-testid="graph-node"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));
  const mark = await saveMark(page);
  await page.getByTestId(`add-${kind}`).click();
  const input = page.getByTestId('title-input');
  await input.waitFor();
  await input.fill(title);
  await input.press('Enter');
  await page.locator(`[data-testid="graph-node"][data-kind="${kind}"]`, { hasText: title }).waitFor();
  const after = await page.locator('[data-testid="graph-node"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));
  const id = after.find((x) => !before.includes(x));
  if (!id) throw new Error('no new node appeared');
  await waitSaved(page, mark);
  return id;
}

/** Drag a node by an offset (one drag, so one undo step). */
export async function dragNode(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const box = (await nodeLocator(page, id).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + 12;
  const mark = await saveMark(page);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(x + (dx * i) / 5, y + (dy * i) / 5);
  await page.mouse.up();
  await waitSaved(page, mark);
}

/**
 * Drag from one node's source handle to another's target handle, and wait until the new edge is
 * in the file; a connection the rules refuse sends no edit, so then pass `{ refused: true }`.
 */
export async function connect(page: Page, fromId: string, toId: string, options: { refused?: boolean } = {}): Promise<void> {
  const from = (await page.locator(`.react-flow__node[data-id="${fromId}"] .react-flow__handle.source:not(.kind-anchor)`).boundingBox())!;
  const to = (await page.locator(`.react-flow__node[data-id="${toId}"] .react-flow__handle.target:not(.kind-anchor)`).boundingBox())!;
  const mark = await saveMark(page);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 });
  await page.mouse.up();
  if (!options.refused) await waitSaved(page, mark);
}

/*
 * Saving. "All changes saved" also holds before an edit has started, so waiting for it proves
 * nothing. The save indicator carries the number of edit requests main has answered
 * (data-answered): take that number before an action, and wait for it to pass.
 */

/** The number of edit requests answered so far: take it before an action, then `waitSaved(page, mark)`. */
export async function saveMark(page: Page): Promise<number> {
  return Number(await page.getByTestId('save-state').getAttribute('data-answered'));
}

/** Wait until main has answered an edit request made after `mark`, with nothing pending: the file holds it. */
export async function waitSaved(page: Page, mark: number): Promise<void> {
  await page.waitForFunction(
    (since) => {
      const indicator = document.querySelector('[data-testid="save-state"]');
      return indicator?.getAttribute('data-save-state') === 'saved' && Number(indicator.getAttribute('data-answered')) > since;
    },
    mark,
    { polling: 'raf' },
  );
}

/** Run a user action that edits, and wait until what it sent is in the file. */
export async function saving<T>(page: Page, action: () => Promise<T>): Promise<T> {
  const mark = await saveMark(page);
  const result = await action();
  await waitSaved(page, mark);
  return result;
}

/** Run a command through the keyboard with focus on the canvas. */
export async function pressOnCanvas(page: Page, keys: string): Promise<void> {
  await page.locator('.react-flow__pane').focus().catch(() => undefined);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(keys);
}

/**
 * Wait until the canvas is still: its first viewport applied and no pan, zoom or animation
 * under way (the canvas publishes this as data-canvas-state; see renderer/src/canvas/canvas-motion.ts).
 */
export async function waitCanvasStill(page: Page): Promise<void> {
  await page.locator('[data-testid="canvas"][data-canvas-state="still"]').waitFor();
}

/** Export the open scenario through the Export dialog, as a planner does, to `path` (the save dialog's answer). */
export async function exportThroughDialog(app: AppSession, format: ExportFormat, path: string): Promise<void> {
  const { page } = app;
  app.dialogs.exportTargets.push(path);
  await page.getByTestId('tool-file.export').click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.waitFor();
  await page.getByTestId('export-format').selectOption(format);
  await page.getByTestId('export-go').click();
  await page.getByTestId('export-result').waitFor();
  await page.getByTestId('export-close').click();
  await dialog.waitFor({ state: 'detached' });
}
