/**
 * The gestures of the canvas benchmark, identical on both pages: drag a node near the middle of
 * the view, pan with the wheel, and read the heap and the DOM size.
 */
import type { Page } from 'playwright-core';
import { START_FRAMES, STOP_FRAMES } from './page-probes';

export interface Motion {
  /** Frame intervals (ms) recorded during the gesture. */
  frames: number[];
  /** Pointer moves (or wheel steps) the page took in per second. */
  perSecond: number;
}

export const DRAG_STEPS = 40;
const WHEEL_STEPS = 30;

/** The React Flow node nearest the centre of the pane (so both pages drag a comparable node). */
async function centralNode(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate<{ x: number; y: number }>(`(() => {
    const pane = document.querySelector('.react-flow').getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best = null;
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      if (r.left < pane.left || r.right > pane.right || r.top < pane.top || r.bottom > pane.bottom) continue;
      const x = r.left + r.width / 2;
      const y = r.top + Math.min(12, r.height / 2);
      const d = Math.hypot(x - cx, y - cy);
      if (!best || d < best.d) best = { x, y, d };
    }
    if (!best) throw new Error('no node in view');
    return { x: best.x, y: best.y };
  })()`);
}

export async function dragNode(page: Page): Promise<Motion> {
  const { x, y } = await centralNode(page);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.evaluate(START_FRAMES);
  const start = performance.now();
  for (let i = 1; i <= DRAG_STEPS; i++) await page.mouse.move(x + i * 4, y + i * 2);
  const seconds = (performance.now() - start) / 1000;
  await page.mouse.up();
  const frames = await page.evaluate<number[]>(STOP_FRAMES);
  return { frames, perSecond: DRAG_STEPS / seconds };
}

export async function panByWheel(page: Page): Promise<Motion> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await page.evaluate(START_FRAMES);
  const start = performance.now();
  for (let i = 0; i < WHEEL_STEPS; i++) await page.mouse.wheel(i % 2 ? 24 : -18, 30);
  // The last wheel step is drawn once the next frame after it is.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  const seconds = (performance.now() - start) / 1000;
  const frames = await page.evaluate<number[]>(STOP_FRAMES);
  return { frames, perSecond: WHEEL_STEPS / seconds };
}

/** Used JS heap after a full garbage collection, in bytes. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

export const domNodes = (page: Page): Promise<number> => page.evaluate<number>("document.getElementsByTagName('*').length");
export const flowNodesInDom = (page: Page): Promise<number> => page.evaluate<number>("document.querySelectorAll('.react-flow__node').length");

/** Two frames with nothing pending: the page has drawn what it was asked to. */
export const settle = (page: Page): Promise<unknown> =>
  page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))))');
