/**
 * CJK on the canvas: a Japanese title makes the scenario Japanese (kana), so the canvas's font
 * list leads its CJK faces with Noto Sans CJK JP and Han characters take Japanese forms; a Korean
 * title in a Korean scenario leads with Noto Sans CJK KR. Screenshots are saved for review.
 */
import { afterEach, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';
import { addNamedNode } from './harness/editor';

let app: AppSession;
afterEach(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

const firstCjkFace = (family: string) => family.split(',').map((f) => f.trim().replaceAll('"', '')).find((f) => f.includes('CJK'));

it.each([
  ['ja', '尖閣諸島周辺での偶発的衝突', 'Noto Sans CJK JP'],
  ['ko', '서해 난민 탈출과 해상 구조', 'Noto Sans CJK KR'],
] as const)('draws a %s title with its own CJK face first', async (language, title, face) => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
  const { page } = app;
  await page.getByTestId('welcome-new').click();
  await page.getByTestId('workspace').waitFor();
  const before = await page.locator('[data-testid="graph-node"]').count();
  const id = await addNamedNode(page, 'crisis', title);
  expect(await page.locator('[data-testid="graph-node"]').count()).toBe(before + 1);
  const family = await page.locator(`[data-testid="graph-node"][data-node-id="${id}"] .kind-title`).evaluate((el) => getComputedStyle(el).fontFamily);
  expect(firstCjkFace(family)).toBe(face);
  await app.screenshot(`cjk-canvas-${language}`);
});
