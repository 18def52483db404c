// Two windows, as in the app: a file opened from a window that already shows a scenario gets a
// window of its own (main's window router creates it, the harness gives it a page); opening it
// again focuses that window; and a file that cannot be opened is reported to the window that
// asked, with no blank window left behind.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { reportLibrary } from '../../core/library';
import { createScenarioFile } from '../../db';
import { launchApp, type AppSession } from './harness/app';

let app: AppSession;
beforeEach(async () => {
  app = await launchApp({ windows: 'many' });
});
afterEach(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function scenarioFile(path: string, title: string): string {
  const created = createScenarioFile(path, { title });
  if (!created.ok) throw new Error(created.error.message);
  created.store.close();
  return path;
}

/** A real scenario with one of its node pages overwritten, as a failing disk might leave it. */
function damagedFile(path: string): string {
  const created = createScenarioFile(path, { title: 'x', document: reportLibrary(new Date('2026-01-01T00:00:00Z')) });
  if (!created.ok) throw new Error(created.error.message);
  created.store.close();
  const db = new Database(path, { readonly: true });
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'nodes' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(path);
  const start = (pages[1]!.pageno - 1) * pageSize;
  for (let i = start; i < start + pageSize; i++) bytes[i] = (i * 31 + 7) & 0xff;
  writeFileSync(path, bytes);
  return path;
}

it('opens a second file in a window of its own, focuses it when asked again, and keeps the first window as it was', async () => {
  const { page } = app;
  await page.getByTestId('welcome-new').click();
  await page.getByTestId('file-name').filter({ hasText: 'Untitled scenario' }).waitFor();

  const second = scenarioFile(join(app.workDir, 'second.scenario'), 'Second opinion');
  app.dialogs.open.push(second);
  await page.keyboard.press('Control+o');
  const other = await app.window(2);
  await other.getByTestId('file-name').filter({ hasText: 'second.scenario' }).waitFor();
  expect(app.windowIds()).toEqual([1, 2]);
  // The first window still shows its own scenario.
  await expect(page.getByTestId('file-name').textContent()).resolves.toBe('Untitled scenario');
  await expect(other.getByTestId('scenario-title').inputValue()).resolves.toBe('Second opinion');

  // Asked again from the first window: the window that has it is focused, no third window.
  app.dialogs.open.push(second);
  await page.keyboard.press('Control+o');
  await expect.poll(() => app.focused).toEqual([2]);
  expect(app.windowIds()).toEqual([1, 2]);
  await expect(page.getByTestId('file-name').textContent()).resolves.toBe('Untitled scenario');
});

it('reports a damaged file to the window that asked, offers recovery there, and leaves no blank window', async () => {
  const { page } = app;
  await page.getByTestId('welcome-new').click();
  await page.getByTestId('file-name').filter({ hasText: 'Untitled scenario' }).waitFor();
  const damaged = damagedFile(join(app.workDir, 'damaged.scenario'));
  const before = hash(damaged);

  app.dialogs.open.push(damaged);
  await page.keyboard.press('Control+o');
  const error = page.getByTestId('notice-error');
  await error.waitFor();
  await expect(error.textContent()).resolves.toMatch(/damaged/);
  await expect(page.getByTestId('notice-recover').count()).resolves.toBe(1);
  // The window made for the file was closed again; the asking window keeps its scenario.
  expect(app.windowIds()).toEqual([1]);
  await expect(page.getByTestId('file-name').textContent()).resolves.toBe('Untitled scenario');
  expect(hash(damaged)).toBe(before);
  await app.screenshot('windows-damaged-reported');
});
