/**
 * The workspace at every window size from 1024×700 to 2560 wide: no two panels overlap, the
 * centre keeps a usable area, the title bar and the analysis header do not wrap word by word,
 * and the Risk tab's matrix never covers its own table. The panels resize by their splitters,
 * by pointer and by keyboard, and the sidebar folds to a rail.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';

type Rect = { name: string; x: number; y: number; width: number; height: number };

const SIZES = [
  [1024, 700],
  [1280, 800],
  [1440, 900],
  [1920, 1080],
  [2560, 1440],
] as const;

async function regions(page: Page): Promise<Rect[]> {
  return page.evaluate(() =>
    ['.titlebar', '[data-region="sidebar"]', '[data-region="centre"]', '[data-region="inspector"]', '[data-region="analysis"]'].flatMap((selector) => {
      const el = document.querySelector(selector);
      if (!el) return [];
      const r = el.getBoundingClientRect();
      return [{ name: selector, x: r.x, y: r.y, width: r.width, height: r.height }];
    }),
  );
}

const overlaps = (a: Rect, b: Rect) => a.x + 0.5 < b.x + b.width && b.x + 0.5 < a.x + a.width && a.y + 0.5 < b.y + b.height && b.y + 0.5 < a.y + a.height;

let app: AppSession;
afterEach(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

describe('workspace layout at every size', () => {
  for (const [width, height] of SIZES) {
    it(`${width}×${height}: panels side by side, centre usable, nothing wraps badly, risk matrix clear of its table`, async () => {
      app = await launchApp({ viewport: { width, height } });
      const { page } = app;
      await page.getByTestId('welcome-library').click();
      await page.locator('[data-testid="graph-node"]').first().waitFor();
      await page.getByTestId('tool-view.toggleAnalysis').click();
      await page.getByTestId('analysis-tab-risk').click();
      await page.getByTestId('risk-matrix').waitFor();

      const rects = await regions(page);
      expect(rects.map((r) => r.name)).toHaveLength(5);
      for (const r of rects) {
        expect(r.x, r.name).toBeGreaterThanOrEqual(0);
        expect(r.y, r.name).toBeGreaterThanOrEqual(0);
        expect(r.x + r.width, r.name).toBeLessThanOrEqual(width + 0.5);
        expect(r.y + r.height, r.name).toBeLessThanOrEqual(height + 0.5);
      }
      for (let i = 0; i < rects.length; i++)
        for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!), `${rects[i]!.name} overlaps ${rects[j]!.name}`).toBe(false);
      const centre = rects.find((r) => r.name === '[data-region="centre"]')!;
      expect(centre.width).toBeGreaterThanOrEqual(420);
      expect(centre.height).toBeGreaterThanOrEqual(250);

      // The title bar is at most two rows; the analysis header one row.
      expect(rects.find((r) => r.name === '.titlebar')!.height).toBeLessThanOrEqual(90);
      const header = (await page.locator('.analysis-header').boundingBox())!;
      expect(header.height).toBeLessThanOrEqual(48);
      // The scope line ("Showing <crisis>") has room for its words or gives way: cut to "S…" it said nothing.
      const scopeLine = await page.locator('.analysis-scope-name').evaluate((el) => ({ shown: el.getClientRects().length > 0, width: el.clientWidth }));
      expect(scopeLine.shown && scopeLine.width < 140, `the analysis scope line is cut to ${scopeLine.width} px`).toBe(false);
      if (width === 1440) expect(scopeLine.shown).toBe(true);

      // The risk matrix and the ranking table do not cover each other.
      const matrix = (await page.locator('.risk-matrix-box').boundingBox())!;
      const table = await page.getByTestId('risk-ranking').evaluate((el) => {
        const r = el.getBoundingClientRect();
        const box = el.parentElement!.getBoundingClientRect();
        // What of the table can be seen: its scroll box clips it.
        return { name: 'ranking', x: box.x, y: r.y, width: Math.min(r.width, box.width), height: r.height };
      });
      expect(overlaps({ name: 'matrix', ...matrix }, table)).toBe(false);

      // Every actor's name in the sidebar has room to be read ('United States' whole), not cut to 'Uni'.
      const names = await page.getByTestId('actor-name').evaluateAll((inputs) => inputs.map((el) => ({ value: (el as HTMLInputElement).value, width: el.clientWidth, fits: el.scrollWidth <= el.clientWidth })));
      expect(names.length).toBeGreaterThan(10);
      for (const name of names) expect(name.width, name.value).toBeGreaterThanOrEqual(120);
      expect(names.find((n) => n.value === 'United States')?.fits).toBe(true);

      if ((width === 1024 && height === 700) || (width === 1440 && height === 900)) await app.screenshot(`layout-risk-${width}x${height}`);
    });
  }

  it('resizes the panels by keyboard and pointer, folds the sidebar, and keeps the centre usable at 1024×700', async () => {
    app = await launchApp({ viewport: { width: 1024, height: 700 } });
    const { page } = app;
    await page.getByTestId('welcome-library').click();
    await page.locator('[data-testid="graph-node"]').first().waitFor();
    const width = async (selector: string) => (await page.locator(selector).boundingBox())!.width;
    const inspectorBefore = await width('[data-region="inspector"]');
    await page.getByTestId('splitter-inspector').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    // Wider by 48 px, unless that would squeeze the centre under its minimum.
    const inspectorAfter = await width('[data-region="inspector"]');
    expect(inspectorAfter).toBeGreaterThan(inspectorBefore);
    expect(await width('[data-region="centre"]')).toBeGreaterThanOrEqual(420);

    const splitter = (await page.getByTestId('splitter-sidebar').boundingBox())!;
    const sidebarBefore = await width('[data-region="sidebar"]');
    await page.mouse.move(splitter.x + 3, splitter.y + 200);
    await page.mouse.down();
    await page.mouse.move(splitter.x - 27, splitter.y + 200, { steps: 4 });
    await page.mouse.up();
    expect(await width('[data-region="sidebar"]')).toBeLessThan(sidebarBefore);

    await page.keyboard.press('Control+b');
    await page.getByTestId('sidebar-open').waitFor();
    expect(await width('[data-region="sidebar"]')).toBeLessThanOrEqual(40);
    const centreWide = await width('[data-region="centre"]');
    expect(centreWide).toBeGreaterThan(600);
    await app.screenshot('layout-sidebar-folded-1024x700');
    await page.getByTestId('sidebar-open').click();
    await page.getByTestId('crisis-list').waitFor();
  });
});
