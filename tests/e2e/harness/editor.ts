/** Editor gestures for e2e tests: real clicks, drags and keys on the canvas. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
  await page.getByTestId(`add-${kind}`).click();
  const input = page.getByTestId('title-input');
  await input.waitFor();
  await input.fill(title);
  await input.press('Enter');
  await page.locator(`[data-testid="graph-node"][data-kind="${kind}"]`, { hasText: title }).waitFor();
  const after = await page.locator('[data-testid="graph-node"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));
  const id = after.find((x) => !before.includes(x));
  if (!id) throw new Error('no new node appeared');
  await waitSaved(page);
  return id;
}

/** Drag a node by an offset (one drag, so one undo step). */
export async function dragNode(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const box = (await nodeLocator(page, id).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + 12;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(x + (dx * i) / 5, y + (dy * i) / 5);
  await page.mouse.up();
  await waitSaved(page);
}

/** Drag from one node's source handle to another's target handle. */
export async function connect(page: Page, fromId: string, toId: string): Promise<void> {
  const from = (await page.locator(`.react-flow__node[data-id="${fromId}"] .react-flow__handle.source`).boundingBox())!;
  const to = (await page.locator(`.react-flow__node[data-id="${toId}"] .react-flow__handle.target`).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 });
  await page.mouse.up();
  await waitSaved(page);
}

export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-state"]', { hasText: 'All changes saved' }).waitFor();
}

/** Run a command through the keyboard with focus on the canvas. */
export async function pressOnCanvas(page: Page, keys: string): Promise<void> {
  await page.locator('.react-flow__pane').focus().catch(() => undefined);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(keys);
}

/** Wait until the canvas stops moving (after fit or focus animations). */
export async function waitCanvasStill(page: Page): Promise<void> {
  let last = '';
  let still = 0;
  for (let i = 0; i < 60 && still < 3; i++) {
    const now = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    still = now === last ? still + 1 : 0;
    last = now;
    await page.waitForTimeout(100);
  }
}
