// What a value rests on and who holds a position, through the real UI in Chromium: a planner marks
// a seeded likelihood as an assumption, records China's position as an official one with a note,
// and checks it on the canvas, in the report-only view, in the file on disk and in the brief.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';
import { exportThroughDialog, nodeLocator, saving, untitledFile, waitCanvasStill } from './harness/editor';

let app: AppSession;
beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1440, height: 900 } });
  await app.page.getByTestId('welcome-library').click();
  await app.page.locator('[data-testid="graph-node"]').first().waitFor();
  await waitCanvasStill(app.page);
});
afterAll(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

const NOTE = 'Stated by the foreign ministry spokesman';

describe('basis of values and holders of positions', () => {
  it('marks a value as an assumption and a position as official, on screen, on disk and in the brief', async () => {
    const { page } = app;
    const file = untitledFile(app);

    // The first scored trigger of the opening crisis; its badge shows the basis the library gave it.
    const trigger = page.locator('[data-testid="graph-node"][data-kind="trigger"]', { has: page.getByTestId('score-badge') }).first();
    const id = (await trigger.getAttribute('data-node-id'))!;
    const title = (await trigger.locator('.kind-title, [data-testid="node-title"]').first().textContent())!.trim();
    const badge = nodeLocator(page, id).getByTestId('score-badge');
    const seeded = await badge.getAttribute('data-basis');
    expect(['report', 'inferred', 'assumption']).toContain(seeded);
    const score = Number((await badge.textContent())!.replace(/\D/g, ''));
    expect(score).toBeGreaterThanOrEqual(1);

    await trigger.click();
    const basis = page.getByTestId('basis-likelihood');
    await basis.waitFor();
    expect(await basis.inputValue()).toBe(seeded);
    const target = seeded === 'assumption' ? 'inferred' : 'assumption';
    await saving(page, () => basis.selectOption(target));
    await expect.poll(() => badge.getAttribute('data-basis')).toBe(target);
    const onDisk = readOnDisk(file, (db) => db.prepare('SELECT basis, likelihood FROM nodes WHERE id = ?').get(id) as { basis: string; likelihood: number });
    expect(JSON.parse(onDisk.basis).likelihood).toBe(target);
    expect(onDisk.likelihood).toBe(score);

    // China's position: agree, held officially, with a note. A new stance starts as the analyst's estimate.
    await saving(page, () => page.getByTestId('stance-cn-agree').click());
    const holder = page.getByTestId('stance-holder-cn');
    await holder.waitFor();
    expect(await holder.inputValue()).toBe('analyst');
    await saving(page, () => holder.selectOption('official'));
    const note = page.getByTestId('stance-note-cn');
    await note.click();
    await note.fill(NOTE);
    await saving(page, () => note.press('Tab'));

    const chip = nodeLocator(page, id).locator('.stance-chip', { hasText: 'PRC' });
    await expect.poll(() => chip.getAttribute('class')).toContain('holder-official');
    const stance = readOnDisk(file, (db) =>
      db.prepare("SELECT position, holder, note, basis FROM stances WHERE actor_id = 'cn' AND element_id = ?").get(id) as { position: string; holder: string; note: string; basis: string },
    );
    expect(stance).toEqual({ position: 'agree', holder: 'official', note: NOTE, basis: 'planner' });
    await app.screenshot('basis-and-holder-inspector');

    // Only what the report states: the assumed likelihood and the planner's stance are hidden.
    await page.getByTestId('tool-view.reportOnly').click();
    await expect.poll(() => page.getByTestId('tool-view.reportOnly').getAttribute('aria-pressed')).toBe('true');
    if (target === 'assumption') await expect.poll(() => badge.count()).toBe(0);
    await expect.poll(() => chip.count()).toBe(0);
    await app.screenshot('basis-and-holder-report-only');
    await page.getByTestId('tool-view.reportOnly').click();
    await expect.poll(() => badge.count()).toBe(1);

    // The Markdown brief says what the likelihood rests on and who holds China's position.
    const out = join(app.workDir, 'brief.md');
    await exportThroughDialog(app, 'md', out);
    const brief = readFileSync(out, 'utf8');
    expect(brief).toContain(`Likelihood: ${score}/5 (${target})`);
    expect(brief).toContain(`PRC on ${title}: agree — official position, undated (planner).`);
    expect(brief).toContain(`Note: ${NOTE}.`);
  });

  it('dates the scenario and a response status, on disk and in the brief', async () => {
    const { page } = app;
    const file = untitledFile(app);
    await page.keyboard.press('Escape');
    // The scenario as a whole: when what it says was true.
    const scenarioAsOf = page.getByTestId('scenario-as-of');
    await saving(page, () => scenarioAsOf.fill('2016-05-20'));
    expect(readOnDisk(file, (db) => db.prepare('SELECT as_of AS asOf FROM scenario').get())).toEqual({ asOf: '2016-05-20' });

    // A response with a status: the inspector dates it, and changing the status dates it today.
    const response = page.locator('[data-testid="graph-node"][data-kind="response"]').first();
    const id = (await response.getAttribute('data-node-id'))!;
    await response.locator('.kind-head').click();
    const statusAsOf = page.getByTestId('field-status-as-of');
    await statusAsOf.waitFor();
    await saving(page, () => statusAsOf.fill('2017-03-15'));
    const row = () => readOnDisk(file, (db) => db.prepare('SELECT response_status AS status, status_as_of AS asOf FROM nodes WHERE id = ?').get(id) as { status: string | null; asOf: string | null });
    expect(row().asOf).toBe('2017-03-15');
    expect(row().status).not.toBeNull();

    const out = join(app.workDir, 'dated.md');
    await exportThroughDialog(app, 'md', out);
    const brief = readFileSync(out, 'utf8');
    expect(brief).toContain('As of: 2016-05-20');
    expect(brief).toContain(`Status: ${row().status}, as of 2017-03-15`);
  });
});
