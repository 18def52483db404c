// The report's contingency library: every seeded crisis opens laid out, with no two node boxes
// overlapping, readable at the zoom it opens at, with the inspector open as the user keeps it.
// A screenshot of each is saved for review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';
import { waitCanvasStill } from './harness/editor';

let app: AppSession;
beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1600, height: 1000 } });
  await app.page.getByTestId('welcome-library').click();
  await app.page.getByTestId('crisis-item').first().waitFor();
});
afterAll(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

describe('the seeded report library', () => {
  it('lays out every crisis without overlaps, readable at the zoom it opens at', async () => {
    const { page } = app;
    const titles = await page.getByTestId('crisis-item').locator('.crisis-title').allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(10);
    for (const [index, title] of titles.entries()) {
      await page.getByTestId('crisis-item').nth(index).click();
      await page.locator('[data-testid="graph-node"]').first().waitFor();
      await waitCanvasStill(page);
      const boxes = await page.locator('[data-testid="graph-node"]').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { id: e.getAttribute('data-node-id'), x: r.x, y: r.y, w: r.width, h: r.height };
        }),
      );
      expect(boxes.length, title).toBeGreaterThanOrEqual(9);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          expect(overlap, `${title}: ${a.id} overlaps ${b.id}`).toBe(false);
        }
      }
      const zoom = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
      expect(zoom, `${title} opens at zoom ${zoom}`).toBeGreaterThanOrEqual(0.6);
      await app.screenshot(`library-${String(index + 1).padStart(2, '0')}`);
    }
  });
});
