/**
 * CJK on the canvas: a Japanese title makes the scenario Japanese (kana), so the canvas's font
 * list leads its CJK faces with Noto Sans CJK JP and Han characters take Japanese forms; a Korean
 * title in a Korean scenario leads with Noto Sans CJK KR. Titles in Han only are detected as
 * Chinese; stating Japanese in the Scenario panel puts the Japanese face first on the canvas, in
 * the file and in the PDF brief. Screenshots are saved for review.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';
import { addNamedNode, saving, untitledFile } from './harness/editor';

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

/** The fonts a PDF embeds, by name (pdffonts, subset prefixes dropped). */
function embeddedFonts(path: string): string[] {
  const run = spawnSync('pdffonts', [path], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stdout.split('\n').slice(2).filter((line) => / yes /.test(line)).map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}

it('a scenario in Han only is detected as Chinese; stating Japanese draws it, stores it and embeds it in the PDF as Japanese', async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
  const { page } = app;
  await page.getByTestId('welcome-new').click();
  await page.getByTestId('workspace').waitFor();
  const id = await addNamedNode(page, 'crisis', '首都直下地震');
  const title = page.locator(`[data-testid="graph-node"][data-node-id="${id}"] .kind-title`);
  expect(firstCjkFace(await title.evaluate((el) => getComputedStyle(el).fontFamily))).toBe('Noto Sans CJK SC');

  const language = page.getByRole('combobox', { name: 'Language' });
  await expect(language.locator('option:checked').textContent()).resolves.toBe('Detect from text');
  await expect(page.getByTestId('scenario-language-detected').textContent()).resolves.toBe('Detected: Chinese (Simplified)');
  await saving(page, () => language.selectOption({ label: 'Japanese' }));
  await page.waitForFunction((nodeId) => {
    const el = document.querySelector(`[data-testid="graph-node"][data-node-id="${nodeId}"] .kind-title`);
    return el !== null && getComputedStyle(el).fontFamily.includes('Noto Sans CJK JP');
  }, id);
  expect(firstCjkFace(await title.evaluate((el) => getComputedStyle(el).fontFamily))).toBe('Noto Sans CJK JP');
  expect(readOnDisk(untitledFile(app), (db) => db.prepare('SELECT language FROM scenario').pluck().get())).toBe('ja');
  await language.scrollIntoViewIfNeeded();
  await app.screenshot('cjk-language-stated-japanese');

  const pdfPath = join(app.workDir, 'japanese-brief.pdf');
  app.dialogs.exportTargets.push(pdfPath);
  await page.getByTestId('tool-file.export').click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.waitFor();
  await page.getByTestId('export-format').selectOption('pdf');
  await page.getByTestId('export-go').click();
  await page.getByTestId('export-result').waitFor();
  await page.getByTestId('export-close').click();
  await dialog.waitFor({ state: 'detached' });
  const fonts = embeddedFonts(pdfPath);
  expect(fonts).toContain('NotoSansCJKjp-Regular');
  expect(fonts.filter((f) => /NotoSansCJK(sc|tc|kr)/.test(f))).toEqual([]);

  // Back to detection: the Chinese face leads again, and the file holds no stated language.
  await saving(page, () => language.selectOption({ index: 0 }));
  expect(readOnDisk(untitledFile(app), (db) => db.prepare('SELECT language FROM scenario').pluck().get())).toBeNull();
  expect(firstCjkFace(await title.evaluate((el) => getComputedStyle(el).fontFamily))).toBe('Noto Sans CJK SC');
});
