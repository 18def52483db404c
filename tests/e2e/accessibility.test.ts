/**
 * WCAG 2.1 AA by axe-core on every screen a planner meets in the first hour: the welcome screen,
 * a report crisis on the canvas, the inspector of a report element, the consensus matrix, each
 * analysis tab, the table view and the export dialog. Any serious or critical finding fails,
 * and so does a control a screen reader's list cannot tell apart (a duplicate or symbol-only name),
 * naming the screen, the rule and the elements. One page walks the screens in the order a user
 * reaches them, by clicks, with every panel the app shows left as it is.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ANALYSIS_TABS } from '../../renderer/src/state/view';
import { launchApp, type AppSession } from './harness/app';
import { axeViolations } from './harness/axe';
import { unclearControlNames } from './harness/names';
import { saving, waitCanvasStill } from './harness/editor';

let app: AppSession;
beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

async function expectClean(screen: string) {
  const found = await axeViolations(app.page);
  await app.screenshot(`a11y-${screen}`);
  expect.soft(found, `${screen}:\n${found.join('\n')}`).toEqual([]);
  // Beyond axe: no two controls of a region share a name, and none is named by a symbol alone.
  expect.soft(await unclearControlNames(app.page), `${screen}: control names`).toEqual([]);
}

/**
 * The 10 px kind labels and the palette's labels, measured as drawn: each label's colour against
 * the first opaque background behind it (axe leaves text inside the canvas's transformed layer
 * partly to review, so these are checked here directly).
 */
async function expectKindLabelsReadable(screen: string) {
  const ratios = await app.page.evaluate(() => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let at = el; at; at = at.parentElement) {
        const [r, g, b, a = 1] = rgb(getComputedStyle(at).backgroundColor);
        if (a >= 0.9) return [r!, g!, b!];
      }
      return [255, 255, 255];
    };
    const labels = [...document.querySelectorAll('.kind-label, .palette button')];
    return labels.map((el) => {
      const fg = lum(rgb(getComputedStyle(el).color));
      const bg = lum(background(el));
      return { text: el.textContent, ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05) };
    });
  });
  expect(ratios.length).toBeGreaterThan(4);
  const low = ratios.filter((r) => r.ratio < 4.5);
  expect.soft(low, `${screen}: labels below 4.5:1`).toEqual([]);
}

it('has no serious or critical WCAG 2.1 AA violation on any first-hour screen', async () => {
  const { page } = app;
  await page.getByTestId('welcome-new').waitFor();
  await expectClean('welcome');

  await page.getByTestId('welcome-library').click();
  await page.locator('[data-testid="graph-node"]').first().waitFor();
  await waitCanvasStill(page);
  await expectClean('canvas');

  await expectKindLabelsReadable('canvas');
  for (const mode of ['consensus', 'risk', 'coverage'] as const) {
    await page.getByTestId(`mode-${mode}`).click();
    await page.locator(`[data-testid="view-legend"][data-mode="${mode}"]`).waitFor();
    await expectClean(`canvas-${mode}`);
    await expectKindLabelsReadable(`canvas-${mode}`);
  }
  await page.getByTestId('mode-normal').click();

  await page.locator('[data-testid="graph-node"][data-kind="crisis"]').first().click();
  await page.getByTestId('inspector-node').waitFor();
  await expectClean('inspector');

  await page.getByTestId('centre-matrix').click();
  await page.getByTestId('consensus-matrix').waitFor();
  await expectClean('matrix');

  await page.getByTestId('centre-table').click();
  await page.getByTestId('element-table').waitFor();
  await expectClean('table');

  await page.getByTestId('centre-canvas').click();
  await page.getByTestId('tool-view.toggleAnalysis').click();
  for (const tab of ANALYSIS_TABS) {
    await page.getByTestId(`analysis-tab-${tab}`).click();
    await page.getByTestId(`analysis-body-${tab}`).waitFor();
    await expectClean(`analysis-${tab}`);
  }

  await page.getByTestId('tool-file.export').click();
  await page.getByTestId('export-format').waitFor();
  await expectClean('export-dialog');
  await page.keyboard.press('Escape');
  await page.getByTestId('export-format').waitFor({ state: 'detached' });

  // The compare view against a snapshot, after one rename: the list beside the canvas, a node marked changed.
  await app.emit('command', { command: 'file.snapshots' });
  const snapshots = page.getByRole('dialog', { name: 'Snapshots' });
  await snapshots.getByTestId('snapshot-name').fill('Before');
  await snapshots.getByTestId('snapshot-create').click();
  await snapshots.getByTestId('snapshot-compare').waitFor();
  await snapshots.getByRole('button', { name: 'Close' }).click();
  await page.locator('[data-testid="graph-node"][data-kind="crisis"]').first().click();
  await page.getByTestId('field-title').fill('Renamed crisis');
  await saving(page, () => page.getByTestId('field-title').blur());
  await app.emit('command', { command: 'view.compareSnapshot' });
  await snapshots.getByTestId('snapshot-compare').click();
  await page.locator('.react-flow__node.compare-changed').first().waitFor();
  await waitCanvasStill(page);
  await expectClean('compare-view');
});
