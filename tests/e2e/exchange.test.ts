// The report library, export and import through the real UI in Chromium, checked on disk.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryCrises, reportLibrary } from '../../core/library';
import { launchApp, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';

let app: AppSession;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  await app.close();
});

/** The untitled scenario the window is editing (there is exactly one in these tests). */
function untitledFile(): string {
  const dir = join(app.dataDir, 'untitled');
  const files = readdirSync(dir).filter((name) => name.endsWith('.scenario'));
  expect(files).toHaveLength(1);
  return join(dir, files[0]!);
}

const crisisCount = (path: string) => readOnDisk(path, (db) => (db.prepare('SELECT count(*) AS n FROM crises').get() as { n: number }).n);

describe('report library', () => {
  it('creates a scenario from the report library, with every crisis in the sidebar', async () => {
    const { page } = app;
    await page.getByTestId('welcome-library').click();
    await page.getByTestId('crisis-list').waitFor();
    const titles = libraryCrises().map((c) => c.title);
    await page.getByTestId('crisis-item').nth(titles.length - 1).waitFor();
    await expect(page.getByTestId('crisis-item').locator('.crisis-title').allTextContents()).resolves.toEqual(titles);
    expect(crisisCount(untitledFile())).toBe(titles.length);
    await app.screenshot('exchange-library-scenario');
    expect(app.errors).toEqual([]);
  });

  it('inserts one contingency into a new scenario, and undo removes it in one step', async () => {
    const { page } = app;
    await page.getByTestId('welcome-new').click();
    await page.getByTestId('workspace').waitFor();
    const file = untitledFile();
    const before = await page.getByTestId('crisis-item').count();

    const entry = libraryCrises()[2]!;
    await app.emit('command', { command: 'file.insertFromLibrary' });
    const dialog = page.getByRole('dialog', { name: 'Insert contingency from library' });
    await dialog.waitFor();
    await page.getByTestId(`library-item-${entry.id}`).click();
    await expect(page.getByTestId(`library-item-${entry.id}`).getAttribute('aria-pressed')).resolves.toBe('true');
    await app.screenshot('exchange-library-picker');
    await page.getByTestId('library-insert').click();
    await dialog.waitFor({ state: 'detached' });

    // The new crisis is listed and shown, and its elements are on the canvas and in the file.
    await page.locator('.crisis-list li.selected', { hasText: entry.title }).waitFor();
    expect(await page.getByTestId('crisis-item').count()).toBe(before + 1);
    const expectedNodes = reportLibrary().nodes.filter((n) => n.crisisId === entry.id).length;
    await page.getByTestId('graph-node').nth(expectedNodes - 1).waitFor();
    expect(crisisCount(file)).toBe(before + 1);
    await app.screenshot('exchange-library-inserted');

    await page.getByTestId('tool-edit.undo').click();
    await expect.poll(() => page.getByTestId('crisis-item').count()).toBe(before);
    await expect(page.getByTestId('crisis-list').textContent()).resolves.not.toContain(entry.title);
    readOnDisk(file, (db) => {
      expect((db.prepare('SELECT count(*) AS n FROM crises').get() as { n: number }).n).toBe(before);
      expect((db.prepare('SELECT count(*) AS n FROM nodes').get() as { n: number }).n).toBe(0);
      expect((db.prepare('SELECT count(*) AS n FROM provenance').get() as { n: number }).n).toBe(0);
    });
    expect(app.errors).toEqual([]);
  });
});

describe('export', () => {
  it('exports the crisis as SVG and everything as CSV through the dialog, then offers the file', async () => {
    const { page } = app;
    await page.getByTestId('welcome-library').click();
    await page.getByTestId('crisis-item').first().waitFor();
    const first = libraryCrises()[0]!;

    const svgPath = join(app.workDir, 'refugees.svg');
    app.dialogs.exportTargets.push(svgPath);
    await page.getByTestId('tool-file.export').click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    await page.getByTestId('export-format').selectOption('svg');
    await page.getByTestId('export-scope').selectOption('crisis');
    await app.screenshot('exchange-export-dialog');
    await page.getByTestId('export-go').click();
    await page.getByTestId('export-result').waitFor();
    await expect(page.getByTestId('export-result').textContent()).resolves.toContain('refugees.svg');
    await app.screenshot('exchange-export-done');
    await expect(page.getByTestId('export-open').isEnabled()).resolves.toBe(true);
    await expect(page.getByTestId('export-folder').isEnabled()).resolves.toBe(true);
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-close').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const svg = readFileSync(svgPath, 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain(escapeXml(first.title));
    const otherCrisis = libraryCrises()[1]!;
    expect(svg).not.toContain(escapeXml(otherCrisis.title));

    const csvPath = join(app.workDir, 'everything.csv');
    app.dialogs.exportTargets.push(csvPath);
    await app.emit('command', { command: 'file.export' });
    await dialog.waitFor();
    await page.getByTestId('export-format').selectOption('csv');
    await page.getByTestId('export-scope').selectOption('all');
    await expect(page.getByTestId('export-bom').isChecked()).resolves.toBe(true);
    await page.getByTestId('export-go').click();
    await page.getByTestId('export-result').waitFor();
    const csv = readFileSync(csvPath);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    for (const node of reportLibrary().nodes.slice(0, 20)) expect(text).toContain(node.id);
    expect(app.errors).toEqual([]);
  });

  it('shows that it is busy while main is still exporting, and cannot be closed meanwhile', async () => {
    const { page } = app;
    await page.getByTestId('welcome-library').click();
    await page.getByTestId('crisis-item').first().waitFor();
    // Hold the save dialog open until the busy state has been checked.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const target = join(app.workDir, 'brief.pdf');
    app.dialogs.chooseExportTarget = async () => {
      await held;
      return target;
    };
    await app.emit('command', { command: 'file.export' });
    await page.getByTestId('export-format').selectOption('pdf');
    await page.getByTestId('export-paper').selectOption('a4');
    await page.getByTestId('export-go').click();
    await page.getByTestId('export-busy').waitFor();
    await expect(page.getByTestId('export-go').isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('dialog', { name: 'Export' }).getAttribute('aria-busy')).resolves.toBe('true');
    await app.screenshot('exchange-export-busy');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Export' }).isVisible()).resolves.toBe(true);
    release();
    await page.getByTestId('export-result').waitFor();
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    expect(app.errors).toEqual([]);
  });

  it('closes on Escape, keeps focus inside, and leaves nothing behind when the save dialog is dismissed', async () => {
    const { page } = app;
    await page.getByTestId('welcome-new').click();
    await page.getByTestId('workspace').waitFor();
    await app.emit('command', { command: 'file.export' });
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
    await expect(page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).resolves.toBe(true);
    // No target queued: the save dialog is "dismissed", and the export dialog stays, without an error.
    await page.getByTestId('export-go').click();
    await page.getByTestId('export-go').and(page.locator(':not([disabled])')).waitFor();
    await expect(page.getByTestId('export-error').count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(readdirSync(app.workDir).filter((n) => n !== 'userData')).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('import', () => {
  it('imports a JSON Canvas file as a new scenario with the chosen kind', async () => {
    const { page } = app;
    await page.getByTestId('welcome-new').click();
    await page.getByTestId('workspace').waitFor();
    const source = join(app.workDir, 'Harbour outage.canvas');
    writeFileSync(
      source,
      JSON.stringify({
        nodes: [
          { id: 'g', type: 'group', label: 'Port shutdown', x: -40, y: -40, width: 720, height: 240 },
          { id: 'a', type: 'text', text: 'Cranes stop', x: 0, y: 0, width: 220, height: 80 },
          { id: 'b', type: 'text', text: 'Shelves empty in 港町', x: 360, y: 0, width: 220, height: 80 },
        ],
        edges: [{ id: 'e', fromNode: 'a', toNode: 'b', label: 'leads to' }],
      }),
    );
    app.dialogs.importSources.push(source);
    await app.emit('command', { command: 'file.import' });
    await page.getByRole('dialog', { name: 'Import' }).waitFor();
    await page.getByTestId('import-format').selectOption('canvas');
    await page.getByTestId('import-kind').selectOption('impact');
    await app.screenshot('exchange-import-dialog');
    await page.getByTestId('import-go').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.locator('[data-testid="crisis-item"]', { hasText: 'Port shutdown' }).waitFor();
    await page.locator('[data-testid="graph-node"][data-kind="impact"]').nth(1).waitFor();
    await expect(page.getByTestId('graph-node').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('Cranes stop'), expect.stringContaining('Shelves empty in 港町')]),
    );
    await app.screenshot('exchange-imported-canvas');
    // The imported scenario is a file of its own in the data folder; the empty one it replaced is gone.
    const file = untitledFile();
    readOnDisk(file, (db) => {
      expect(db.prepare('SELECT kind, title FROM nodes ORDER BY title').all()).toEqual([
        { kind: 'impact', title: 'Cranes stop' },
        { kind: 'impact', title: 'Shelves empty in 港町' },
      ]);
      expect((db.prepare('SELECT count(*) AS n FROM edges').get() as { n: number }).n).toBe(1);
    });
    expect(app.errors).toEqual([]);
  });

  it('shows the bad path of an invalid file and keeps the open scenario', async () => {
    const { page } = app;
    await page.getByTestId('welcome-new').click();
    await page.getByTestId('workspace').waitFor();
    const before = untitledFile();
    const source = join(app.workDir, 'broken.canvas');
    writeFileSync(source, JSON.stringify({ nodes: [{ id: 'a', type: 'text', text: 'x', x: 'left', y: 0, width: 10, height: 10 }], edges: [] }));
    app.dialogs.importSources.push(source);
    await app.emit('command', { command: 'file.import' });
    await page.getByTestId('import-format').selectOption('canvas');
    await page.getByTestId('import-go').click();
    await page.getByTestId('import-error').waitFor();
    await expect(page.getByTestId('import-error').textContent()).resolves.toMatch(/broken\.canvas: .*nodes\[0\]\.x/);
    await app.screenshot('exchange-import-error');
    expect(untitledFile()).toBe(before);
    expect(existsSync(before)).toBe(true);
    expect(app.errors).toEqual([]);
  });
});

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
