/**
 * The inspector of a report element at the three window sizes a planner meets: the core actors'
 * stances first and the others folded, its quote and sources one click away, and every control
 * whole inside the panel (at 1024×700 the stance buttons ran past its edge, "Unknown" cut to
 * "Unknow"). A stance set there reaches the file.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';
import { saving, untitledFile, waitCanvasStill } from './harness/editor';

let app: AppSession;
afterEach(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

/** Controls in the inspector that reach past the panel's sides, where a clipping box hides them. */
function cutControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const panel = document.querySelector('[data-region="inspector"]')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('[data-region="inspector"] :is(button, input, select, textarea, summary)')]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < panel.left - 0.5 || r.right > panel.right + 0.5;
      })
      .map((el) => `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim()}`);
  });
}

const SIZES = [
  [1024, 700],
  [1440, 900],
  [1920, 1080],
] as const;

describe('the inspector of a report element', () => {
  for (const [width, height] of SIZES) {
    it(`${width}×${height}: core actors first, the rest folded, quote and sources in reach, no control cut`, async () => {
      app = await launchApp({ viewport: { width, height } });
      const { page } = app;
      await page.getByTestId('welcome-library').click();
      await page.locator('[data-testid="graph-node"]').first().waitFor();
      await waitCanvasStill(page);
      const current = await page.evaluate(() => window.workbench.currentScenario({}));
      if (!current.ok || !current.value) throw new Error('no scenario');
      const { actors, scenario } = current.value.document;
      const core = actors.filter((a) => scenario.coreActorIds.includes(a.id));
      const others = actors.filter((a) => !scenario.coreActorIds.includes(a.id));
      expect(core.length).toBe(4);
      expect(others.length).toBeGreaterThan(10);

      const impact = page.locator('[data-testid="graph-node"][data-kind="impact"]', { hasText: 'Overloaded boats' });
      const element = await impact.getAttribute('data-node-id');
      await impact.click();
      await page.getByTestId('inspector-node').waitFor();
      for (const actor of core) expect(await page.getByTestId(`stance-row-${actor.id}`).isVisible(), actor.code).toBe(true);
      for (const actor of others) expect(await page.getByTestId(`stance-row-${actor.id}`).isVisible(), actor.code).toBe(false);
      await expect(page.getByTestId('stances-other-actors').locator('summary').textContent()).resolves.toContain(`Other actors (${others.length}`);

      // Set a core actor's stance: the row grows its basis controls, which must fit too.
      const us = core[0]!;
      await saving(page, () => page.getByTestId(`stance-${us.id}-disagree`).click());
      await page.getByTestId(`stance-holder-${us.id}`).waitFor();
      expect(await cutControls(page)).toEqual([]);
      const file = untitledFile(app);
      const stored = readOnDisk(file, (db) => db.prepare('SELECT position FROM stances WHERE actor_id = ? AND element_id = ?').get(us.id, element));
      expect(stored).toEqual({ position: 'disagree' });
      await app.screenshot(`report-inspector-${width}x${height}`);

      // The quote and the sources are one click from the top of the panel, whatever lies between;
      // the jump scrolls the panel only (it used to scroll the whole window up at 1024×700,
      // taking the title bar and toolbar off the screen).
      const panel = (await page.locator('[data-region="inspector"]').boundingBox())!;
      const inPanel = async (selector: string) => {
        const box = (await page.locator(selector).first().boundingBox())!;
        return box.y >= panel.y - 0.5 && box.y + Math.min(box.height, 40) <= panel.y + panel.height + 0.5;
      };
      await page.getByTestId('jump-inspector-provenance').click();
      expect(await inPanel('[data-testid="inspector-provenance"] blockquote')).toBe(true);
      expect((await page.locator('.titlebar').boundingBox())!.y).toBe(0);
      await app.screenshot(`report-inspector-quotes-${width}x${height}`);
      await page.getByTestId('jump-inspector-sources').click();
      expect(await inPanel('[data-testid="inspector-sources"]')).toBe(true);
      expect((await page.locator('.titlebar').boundingBox())!.y).toBe(0);
      expect(await page.locator('[data-region="inspector"]').boundingBox()).toEqual(panel);
    });
  }
});
