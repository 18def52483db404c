/**
 * Accepted gaps in Chromium (issue 11): from the Gaps tab a planner marks a trigger as one no
 * response can avert and accepts an impact's gap with a reason. Both leave the open list, are
 * listed apart with their reason (never hidden), show in the inspector, and are in the file;
 * Reopen withdraws an acceptance.
 *
 * The scenario is built through the contract (one batch of ops), saved to a path in the test's
 * folder, and the page reloaded so the renderer loads it like any opened file.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { UNAVERTABLE_REASON } from '../../core/analysis/gaps';
import { blankNode, type GraphNode, type NodeKind } from '../../core/model';
import type { Op } from '../../core/ops';
import { launchApp, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';
import { nodeLocator, saving } from './harness/editor';
import { openBuiltScenario } from './harness/scenario';

/** t1 (a typhoon) → x → i1, and no response at all: t1 is unaverted, i1 uncontained. */
function fixtureOps(crisisId: string): Op[] {
  const node = (id: string, kind: NodeKind, title: string, col: number, patch: Partial<GraphNode> = {}): Op => ({
    op: 'node.create',
    node: { ...blankNode(kind, crisisId, id, { x: 80 + col * 300, y: 80 }), title, ...patch },
  });
  const leadsTo = (id: string, source: string, target: string): Op => ({
    op: 'edge.create',
    edge: { id, crisisId, source, target, kind: 'leads-to', label: '', confidence: null, basis: {} },
  });
  return [
    node('t1', 'trigger', 'Typhoon makes landfall', 0, { likelihood: 4 }),
    node('x', 'crisis', 'Delta flooded', 1, { likelihood: 3 }),
    node('i1', 'impact', 'Rice harvest lost', 2, { severity: 3 }),
    leadsTo('e1', 't1', 'x'),
    leadsTo('e2', 'x', 'i1'),
  ];
}

const REASON = 'Covered by crop insurance; no response is planned';

let app: AppSession;
let file: string;
beforeEach(async () => {
  app = await launchApp();
  ({ file } = await openBuiltScenario(app, 'gaps', fixtureOps));
  await nodeLocator(app.page, 'i1').waitFor();
});
afterEach(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

const openRows = (page: Page) => page.getByTestId('gap-row').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-gap-kind')} ${r.getAttribute('data-node-id')}`));
const acceptedRows = (page: Page) =>
  page.getByTestId('accepted-gap-row').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-because')} ${r.getAttribute('data-node-id')}: ${r.querySelector('.accepted-reason')?.textContent}`));
const onDisk = () => readOnDisk(file, (db) => db.prepare("SELECT id, unavertable, gap_accepted AS accepted FROM nodes WHERE id IN ('t1', 'i1') ORDER BY id").all());

it('accepts an unavertable trigger and an impact with a reason: listed apart with the reason, in the inspector and in the file; Reopen withdraws it', async () => {
  const { page } = app;
  await page.getByTestId('tool-view.toggleAnalysis').click();
  await page.getByTestId('analysis-tab-gaps').click();
  await expect.poll(() => openRows(page)).toEqual(expect.arrayContaining(['unaverted-trigger t1', 'uncontained-impact i1']));
  await expect(page.getByTestId('accepted-gaps').count()).resolves.toBe(0);

  // The typhoon: no response can avert it.
  await saving(page, () => page.getByTestId('gap-unavertable-t1').click());
  // The lost harvest: accepted, with the reason typed where the gap is listed.
  await page.getByTestId('gap-accept-i1').click();
  // No reason, no acceptance: the button waits for one, and Enter in the empty field does nothing.
  await expect(page.getByTestId('gap-accept-save-i1').isDisabled()).resolves.toBe(true);
  await page.getByTestId('gap-accept-reason-i1').press('Enter');
  await expect(page.getByTestId('gap-accept-reason-i1').isVisible()).resolves.toBe(true);
  await page.getByTestId('gap-accept-reason-i1').fill(REASON);
  await saving(page, () => page.getByTestId('gap-accept-save-i1').click());

  await expect.poll(() => acceptedRows(page)).toEqual([`accepted i1: Accepted: ${REASON}`, `unavertable t1: Unavertable: ${UNAVERTABLE_REASON}`]);
  expect(await openRows(page)).not.toEqual(expect.arrayContaining(['unaverted-trigger t1']));
  expect(await openRows(page)).not.toContain('uncontained-impact i1');
  await expect(page.getByTestId('accepted-gaps').locator('h3').textContent()).resolves.toBe('Accepted gaps (2, not counted above)');
  await app.screenshot('accepted-gaps');
  expect(onDisk()).toEqual([
    { id: 'i1', unavertable: 0, accepted: REASON },
    { id: 't1', unavertable: 1, accepted: null },
  ]);

  // A click on the accepted row selects the impact; the inspector shows the acceptance and its reason.
  await page.getByTestId('accepted-gap-row').filter({ hasText: REASON }).click();
  await expect.poll(() => nodeLocator(page, 'i1').getAttribute('class')).toContain('is-selected');
  await expect(page.getByTestId('field-gap-accepted').isChecked()).resolves.toBe(true);
  await expect(page.getByTestId('field-gap-reason').inputValue()).resolves.toBe(REASON);

  // Reopen: the gap is open again, and the file says so.
  await saving(page, () => page.getByTestId('gap-reopen-i1').click());
  await expect.poll(() => openRows(page)).toContain('uncontained-impact i1');
  expect((await acceptedRows(page)).some((row) => row.includes(REASON))).toBe(false);
  expect(onDisk()).toEqual([
    { id: 'i1', unavertable: 0, accepted: null },
    { id: 't1', unavertable: 1, accepted: null },
  ]);
});
