// A marked scenario exported as a PDF brief for an audience, through the real UI in Chromium;
// the file on disk is read with pdftotext, and the remembered audience with SQLite.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchApp, SCREENSHOT_DIR, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';

let app: AppSession;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  await app.close();
});

function untitledFile(): string {
  const dir = join(app.dataDir, 'untitled');
  const files = readdirSync(dir).filter((name) => name.endsWith('.scenario'));
  expect(files).toHaveLength(1);
  return join(dir, files[0]!);
}

/** pdftotext, page by page (pages are separated by form feeds). */
function pdfPages(path: string): string[] {
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', '-layout', path, '-'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stdout.split('\f').slice(0, -1);
}

// A Chinese participant's position in the report library, kept as a stance note on a crisis element.
const CHINA_NOTE = 'for many Chinese a nuclear accident is the top concern';

describe('export for an audience', () => {
  it('marks the scenario, exports a PDF brief without China’s positions, and remembers that choice', async () => {
    const { page } = app;
    await page.getByTestId('welcome-library').click();
    await page.getByTestId('crisis-list').waitFor();

    // The marking is set in the Scenario panel; the title bar and the window title show it.
    await page.getByTestId('scenario-marking').fill('CONFIDENTIAL');
    await page.getByTestId('scenario-caveat').click();
    await page.getByTestId('scenario-caveat').fill('REL TO USA, JPN');
    await page.getByTestId('scenario-author').click();
    await page.getByTestId('scenario-author').fill('J5 Plans');
    await page.getByTestId('scenario-title').click();
    await page.getByTestId('title-marking').filter({ hasText: 'CONFIDENTIAL // REL TO USA, JPN' }).waitFor();
    expect(await page.title()).toMatch(/^CONFIDENTIAL \/\/ REL TO USA, JPN — /);

    const pdfPath = join(app.workDir, 'brief-for-tokyo.pdf');
    app.dialogs.exportTargets.push(pdfPath);
    await page.getByTestId('tool-file.export').click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    await page.getByTestId('export-format').selectOption('pdf');
    await page.getByTestId('export-scope').selectOption('all');
    await expect(page.getByTestId('export-marking').textContent()).resolves.toContain('CONFIDENTIAL // REL TO USA, JPN');
    await page.getByLabel('Show the positions of China', { exact: true }).uncheck();
    await expect(page.getByTestId('export-left-out').textContent()).resolves.toBe('Left out, and said so in the export: China.');
    await app.screenshot('export-brief-audience');
    await page.getByTestId('export-go').click();
    await page.getByTestId('export-result').waitFor();
    await page.getByTestId('export-close').click();
    await dialog.waitFor({ state: 'detached' });

    const pages = pdfPages(pdfPath);
    expect(pages.length).toBeGreaterThan(10);
    pages.forEach((text, i) => {
      const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(lines[0], `page ${i + 1}`).toBe('CONFIDENTIAL // REL TO USA, JPN');
      expect(lines.at(-1), `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const all = pages.join('\n').replace(/\s+/g, ' ');
    expect(all).toContain('Positions of China (PRC) are left out of this export.');
    expect(all).toContain('Author: J5 Plans');
    expect(all).not.toContain(CHINA_NOTE);
    expect(all).not.toMatch(/\bPRC on /);

    // The choice is in the file, and the next export starts from it.
    const remembered = readOnDisk(untitledFile(), (db) => (db.prepare('SELECT export_audience AS a FROM scenario').get() as { a: string }).a);
    expect((JSON.parse(remembered) as { actorIds: string[] }).actorIds).not.toContain('cn');
    await page.getByTestId('tool-file.export').click();
    await dialog.waitFor();
    await expect(page.getByLabel('Show the positions of China', { exact: true }).isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Show the positions of Japan', { exact: true }).isChecked()).resolves.toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('exports a report-only brief from the dialog: what rests on no source is left out, said so, and remembered', async () => {
    const { page } = app;
    await page.getByTestId('welcome-library').click();
    await page.getByTestId('crisis-list').waitFor();

    const pdfPath = join(app.workDir, 'sourced-brief.pdf');
    app.dialogs.exportTargets.push(pdfPath);
    await page.getByTestId('tool-file.export').click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    await page.getByTestId('export-format').selectOption('pdf');
    await page.getByTestId('export-scope').selectOption('crisis');
    const notes = page.getByTestId('export-notes');
    await expect(notes.isChecked()).resolves.toBe(true);
    await page.getByLabel('Only what a cited source states').check();
    // Report only carries no notes: the notes box is unticked and cannot be ticked.
    await expect(notes.isChecked()).resolves.toBe(false);
    await expect(notes.isDisabled()).resolves.toBe(true);
    await expect(page.locator('#export-report-only-help').textContent()).resolves.toContain('resting on an assumption or a planner’s entry are left out');
    await app.screenshot('export-brief-report-only-dialog');
    await page.getByTestId('export-go').click();
    await page.getByTestId('export-result').waitFor();
    await page.getByTestId('export-close').click();
    await dialog.waitFor({ state: 'detached' });

    const pages = pdfPages(pdfPath);
    const all = pages.join('\n').replace(/\s+/g, ' ');
    expect(all).toContain("Report only: values, links and positions that rest on an assumption or on a planner's entry are left out, and so are all notes.");
    // Proven by absence: no value, link or position resting on an assumption or a planner, no note.
    expect(all).not.toMatch(/\((assumption|planner)\)|link: (assumption|planner)|analyst estimate|Note: /);
    expect(all).toContain('left out (not from a source)');
    expect(all).toMatch(/\((report|inferred)\)/);
    // The cover and the first crisis page, rendered by poppler, to look at.
    for (const [first, name] of [[1, 'cover'], [4, 'diagram'], [5, 'crisis']] as const) {
      const run = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', String(first), '-l', String(first), '-singlefile', pdfPath, join(SCREENSHOT_DIR, `brief-report-only-${name}`)]);
      expect(run.status).toBe(0);
    }

    // Remembered in the file, and the next export starts from it.
    const remembered = readOnDisk(untitledFile(), (db) => (db.prepare('SELECT export_audience AS a FROM scenario').get() as { a: string }).a);
    expect(JSON.parse(remembered)).toMatchObject({ reportOnly: true, notes: false });
    await page.getByTestId('tool-file.export').click();
    await dialog.waitFor();
    await page.getByTestId('export-format').selectOption('md');
    await expect(page.getByLabel('Only what a cited source states').isChecked()).resolves.toBe(true);
    expect(app.errors).toEqual([]);
  });
});
