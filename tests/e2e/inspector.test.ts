/**
 * The inspector in Chromium: every field of each node kind, stances, provenance with a new source,
 * an edge, several nodes at once and the crisis details, each checked in the file on disk. Nodes
 * are seeded through the contract and the page reloaded, so their positions are known.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankNode, RELATION_LABELS, type GraphNode, type NodeKind } from '../../core/model';
import { createScenarioFile, openScenarioFile } from '../../db';
import type { Op } from '../../core/ops';
import { WINDOW_ID, launchApp, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';
import { saving } from './harness/editor';

const HOSTILE = '<img src=x onerror=alert(1)>';

interface Seeded {
  path: string;
  crisisId: string;
}

async function newScenario(app: AppSession): Promise<Seeded> {
  await app.page.getByTestId('welcome-new').click();
  await app.page.getByTestId('inspector').waitFor();
  const crisisId = await app.page.evaluate(async () => {
    const current = await window.workbench.currentScenario({});
    if (!current.ok || !current.value) throw new Error('no scenario open');
    return current.value.document.crises[0]?.id ?? null;
  });
  if (!crisisId) throw new Error('a new scenario starts with one crisis');
  const dir = join(app.dataDir, 'untitled');
  const file = readdirSync(dir).find((name) => name.endsWith('.scenario'));
  if (!file) throw new Error('no untitled scenario file');
  return { path: join(dir, file), crisisId };
}

/** Applies ops straight through the contract, then reloads so the window shows them. */
async function seed(app: AppSession, ops: Op[]): Promise<void> {
  const result = await app.page.evaluate((batch) => window.workbench.applyOps({ ops: batch, mark: null }), ops);
  expect(result.ok).toBe(true);
  await app.reload();
  await app.page.getByTestId('inspector').waitFor();
}

function node(kind: NodeKind, crisisId: string, id: string, title: string, x: number, y: number): GraphNode {
  return { ...blankNode(kind, crisisId, id, { x, y }), title };
}

function graphNode(page: Page, id: string) {
  return page.locator(`[data-testid="graph-node"][data-node-id="${id}"]`);
}

async function select(page: Page, id: string, shift = false): Promise<void> {
  await graphNode(page, id).locator('.kind-head').click(shift ? { modifiers: ['Shift'] } : undefined);
}

type Row = Record<string, unknown>;
const nodeRow = (path: string, id: string) => readOnDisk(path, (db) => db.prepare('SELECT * FROM nodes WHERE id = ?').get(id) as Row);

/** Waits until the file on disk shows what the UI was told to write. */
async function onDisk<T>(read: () => T, expected: T): Promise<void> {
  await expect.poll(read, { timeout: 5000, interval: 50 }).toEqual(expected);
}

describe('inspector in Chromium', () => {
  let app: AppSession;
  let alerts: string[];
  beforeEach(async () => {
    app = await launchApp();
    alerts = [];
    app.page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterEach(async () => {
    await app.close();
  });

  it('edits every field of a trigger, an impact and a response, and the file holds each value', async () => {
    const { page } = app;
    const { path, crisisId } = await newScenario(app);
    await seed(app, [
      { op: 'node.create', node: node('trigger', crisisId, 'trig', 'Typhoon season', 0, 0) },
      { op: 'node.create', node: node('impact', crisisId, 'imp', 'Port closed', 320, 0) },
      { op: 'node.create', node: node('response', crisisId, 'resp', 'Reroute shipping', 640, 0) },
    ]);

    await select(page, 'trig');
    await page.getByTestId('inspector-node').waitFor();
    await expect(page.getByTestId('inspector-kind').textContent()).resolves.toBe('trigger');

    await page.getByTestId('field-title').fill('Super typhoon hits Okinawa');
    await onDisk(() => nodeRow(path, 'trig').title, 'Super typhoon hits Okinawa');
    await expect.poll(() => graphNode(page, 'trig').textContent()).toContain('Super typhoon hits Okinawa');

    const description = `**Category 5** winds.\n\n${HOSTILE} [link](javascript:alert(2))`;
    await page.getByTestId('field-description').fill(description);
    await page.getByTestId('field-description').blur();
    await onDisk(() => nodeRow(path, 'trig').description, description);
    await page.getByTestId('description-preview-toggle').click();
    const preview = page.getByTestId('description-preview');
    await expect(preview.locator('strong').textContent()).resolves.toBe('Category 5');
    await expect(preview.locator('[onerror]').count()).resolves.toBe(0);
    await expect(preview.locator('a[href^="javascript"]').count()).resolves.toBe(0);
    await page.getByTestId('description-preview-toggle').click();

    for (const tag of ['maritime', 'energy', 'okinawa']) {
      await page.getByTestId('tag-input').fill(tag);
      await page.getByTestId('tag-input').press('Enter');
      await page.locator('[data-testid="tag-chip"]', { hasText: tag }).waitFor();
    }
    await page.getByTestId('tag-remove-energy').click();
    await onDisk(() => JSON.parse(String(nodeRow(path, 'trig').tags)), ['maritime', 'okinawa']);

    await page.getByTestId('likelihood-4').click();
    await onDisk(() => nodeRow(path, 'trig').likelihood, 4);
    await page.getByTestId('field-horizon').selectOption('weeks');
    await onDisk(() => nodeRow(path, 'trig').horizon, 'weeks');
    await app.screenshot('inspector-node-fields');

    // Stances: a position for two actors and a note for one.
    await page.getByTestId('stance-us-agree').click();
    await page.getByTestId('stance-jp-disagree').click();
    await page.getByTestId('stance-note-jp').fill('Wants bilateral talks first');
    await page.getByTestId('stance-note-jp').blur();
    const stances = () => readOnDisk(path, (db) => db.prepare('SELECT actor_id, position, note FROM stances WHERE element_id = ? ORDER BY actor_id').all('trig'));
    await onDisk(stances, [
      { actor_id: 'jp', position: 'disagree', note: 'Wants bilateral talks first' },
      { actor_id: 'us', position: 'agree', note: '' },
    ]);
    await expect.poll(() => page.getByTestId('stance-jp-disagree').getAttribute('aria-pressed')).toBe('true');

    // Provenance: a quote from a source created inline, then its locator edited.
    await page.getByTestId('quote-add-open').click();
    await page.getByTestId('quote-add-source').selectOption({ label: 'New source…' });
    await page.getByTestId('new-source-title').fill('Pacific Contingencies 2016');
    await page.getByTestId('new-source-author').fill('Forum Secretariat');
    await page.getByTestId('new-source-date').fill('2016-11');
    await page.getByTestId('new-source-citation').fill('Forum Secretariat (2016). Pacific Contingencies. Tokyo meeting report.');
    await page.getByTestId('quote-add-text').fill('Storm surges close the main port for up to ten days.');
    await page.getByTestId('quote-add-locator').fill('§3.2');
    await page.getByTestId('quote-add-submit').click();
    const quoteItem = page.getByTestId('quote');
    await quoteItem.waitFor();
    await expect(quoteItem.getByTestId('quote-display').textContent()).resolves.toBe('Storm surges close the main port for up to ten days.');
    await expect(quoteItem.getByTestId('quote-source-line').textContent()).resolves.toContain('Pacific Contingencies 2016');
    await expect(quoteItem.getByTestId('quote-source-line').textContent()).resolves.toContain('§3.2');
    await quoteItem.getByTestId('quote-edit').click();
    await quoteItem.getByTestId('quote-locator').fill('§3.3, p. 41');
    await quoteItem.getByTestId('quote-locator').blur();
    const provenance = () =>
      readOnDisk(path, (db) =>
        db.prepare('SELECT p.element_id, p.locator, p.quote, s.title, s.author, s.date, s.citation FROM provenance p JOIN sources s ON s.id = p.source_id').all(),
      );
    await onDisk(provenance, [
      {
        element_id: 'trig',
        locator: '§3.3, p. 41',
        quote: 'Storm surges close the main port for up to ten days.',
        title: 'Pacific Contingencies 2016',
        author: 'Forum Secretariat',
        date: '2016-11',
        citation: 'Forum Secretariat (2016). Pacific Contingencies. Tokyo meeting report.',
      },
    ]);

    // The quote turns out to be evidence against the trigger: said so above it, never as support, and in the file.
    await saving(page, () => quoteItem.getByTestId('quote-relation-pick').selectOption('contradicts'));
    await expect.poll(() => quoteItem.getAttribute('data-relation')).toBe('contradicts');
    await expect(quoteItem.getByTestId('quote-relation').textContent()).resolves.toBe(RELATION_LABELS.contradicts);
    expect(readOnDisk(path, (db) => db.prepare('SELECT relation FROM provenance').all())).toEqual([{ relation: 'contradicts' }]);

    // The sources list shows the full citation and edits it.
    await page.getByTestId('inspector-sources').locator('summary').click();
    const source = page.getByTestId('source-item');
    await expect(source.getByTestId('source-citation').textContent()).resolves.toContain('Tokyo meeting report');
    await source.getByTestId('source-edit').click();
    await source.getByTestId('source-edit-date').fill('November 2016');
    await source.getByTestId('source-edit-date').blur();
    await onDisk(() => readOnDisk(path, (db) => db.prepare('SELECT date FROM sources').pluck().get()), 'November 2016');
    await app.screenshot('inspector-trigger');

    // Impact: severity.
    await select(page, 'imp');
    await expect.poll(() => page.getByTestId('inspector-kind').textContent()).toBe('impact');
    await expect(page.getByTestId('likelihood-3').count()).resolves.toBe(0);
    await page.getByTestId('severity-5').click();
    await onDisk(() => nodeRow(path, 'imp').severity, 5);

    // Response: lead actor, supporting actors, status, lead time.
    await select(page, 'resp');
    await expect.poll(() => page.getByTestId('inspector-kind').textContent()).toBe('response');
    await page.getByTestId('field-lead-actor').selectOption('jp');
    await page.getByTestId('supporting-us').check();
    await page.getByTestId('supporting-kr').check();
    await page.getByTestId('status-agreed').click();
    await page.getByTestId('field-lead-time').selectOption('days');
    await onDisk(
      () => {
        const row = nodeRow(path, 'resp');
        return [row.lead_actor_id, JSON.parse(String(row.supporting_actor_ids)), row.response_status, row.lead_time];
      },
      ['jp', ['us', 'kr'], 'agreed', 'days'],
    );
    await app.screenshot('inspector-response');

    // Back on the trigger: delete the quote, then the source itself.
    await select(page, 'trig');
    await page.getByTestId('quote').getByTestId('quote-edit').click();
    await page.getByTestId('quote-delete').click();
    await onDisk(() => readOnDisk(path, (db) => db.prepare('SELECT count(*) FROM provenance').pluck().get()), 0);
    await page.getByTestId('inspector-sources').locator('summary').click();
    await page.getByTestId('source-delete').click();
    await page.getByTestId('source-delete-confirm').click();
    await onDisk(() => readOnDisk(path, (db) => db.prepare('SELECT count(*) FROM sources').pluck().get()), 0);
    expect(alerts).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('groups typing into one undo step and shows the old value after undo', async () => {
    const { page } = app;
    const { path, crisisId } = await newScenario(app);
    await seed(app, [{ op: 'node.create', node: node('trigger', crisisId, 'trig', 'Drought', 0, 0) }]);
    await select(page, 'trig');
    const title = page.getByTestId('field-title');
    await title.click();
    await title.press('End');
    // Two bursts with a commit between them (the first reaches the file, trimmed by the schema),
    // still one undo step; the echo of the trimmed title must not eat the space being typed.
    await title.pressSequentially(' in the ', { delay: 15 });
    await onDisk(() => nodeRow(path, 'trig').title, 'Drought in the');
    await title.pressSequentially('Mekong basin', { delay: 15 });
    await title.blur();
    await onDisk(() => nodeRow(path, 'trig').title, 'Drought in the Mekong basin');
    await expect(title.inputValue()).resolves.toBe('Drought in the Mekong basin');

    await page.keyboard.press('Control+z');
    await onDisk(() => nodeRow(path, 'trig').title, 'Drought');
    await expect.poll(() => title.inputValue()).toBe('Drought');

    await page.keyboard.press('Control+Shift+z');
    await onDisk(() => nodeRow(path, 'trig').title, 'Drought in the Mekong basin');
    await expect.poll(() => title.inputValue()).toBe('Drought in the Mekong basin');

    // An empty title is never written; leaving the field shows the stored title again.
    await title.fill('');
    await title.blur();
    await expect.poll(() => title.inputValue()).toBe('Drought in the Mekong basin');
    expect(nodeRow(path, 'trig').title).toBe('Drought in the Mekong basin');
    expect(app.errors).toEqual([]);
  });

  it('edits an edge, shows a hostile label as text, and deletes the edge', async () => {
    const { page } = app;
    const { path, crisisId } = await newScenario(app);
    await seed(app, [
      { op: 'node.create', node: node('trigger', crisisId, 'trig', HOSTILE, 0, 0) },
      { op: 'node.create', node: node('crisis', crisisId, 'cri', 'Blockade', 360, 0) },
      { op: 'edge.create', edge: { id: 'e1', crisisId, source: 'trig', target: 'cri', kind: 'leads-to', label: '', confidence: null, basis: {} } },
    ]);
    // An edge is selected by clicking it on the canvas, or from a node's list of connections.
    await page.locator('[data-testid="rf__edge-e1"] .react-flow__edge-interaction').click({ force: true });
    await page.getByTestId('inspector-edge').waitFor();
    await select(page, 'cri');
    await expect(page.getByTestId('connection-e1').textContent()).resolves.toContain(HOSTILE);
    await page.getByTestId('connection-e1').click();
    await page.getByTestId('inspector-edge').waitFor();
    await expect(page.getByTestId('edge-kind').textContent()).resolves.toBe('leads to');
    await expect(page.getByTestId('edge-ends').textContent()).resolves.toContain(HOSTILE);

    await page.getByTestId('edge-label').fill(HOSTILE);
    await page.getByTestId('edge-label').blur();
    await page.getByTestId('edge-confidence-high').click();
    const edge = () => readOnDisk(path, (db) => db.prepare('SELECT label, confidence FROM edges WHERE id = ?').get('e1'));
    await onDisk(edge, { label: HOSTILE, confidence: 'high' });
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    await expect(page.getByTestId('edge-label').inputValue()).resolves.toBe(HOSTILE);
    await app.screenshot('inspector-edge');

    // The edge is named by what it joins, and renaming an end renames it (the edge reads the titles).
    const edgeName = () => page.locator('[data-testid="rf__edge-e1"]').getAttribute('aria-label');
    await expect.poll(edgeName).toBe(`${HOSTILE} → Blockade, leads to (${HOSTILE})`);
    await select(page, 'cri');
    await page.getByTestId('field-title').fill('Blockade of the strait');
    await onDisk(() => nodeRow(path, 'cri').title, 'Blockade of the strait');
    await expect.poll(edgeName).toBe(`${HOSTILE} → Blockade of the strait, leads to (${HOSTILE})`);
    await page.getByTestId('connection-e1').click();
    await page.getByTestId('inspector-edge').waitFor();

    await page.getByTestId('edge-delete').click();
    await onDisk(() => readOnDisk(path, (db) => db.prepare('SELECT count(*) FROM edges').pluck().get()), 0);
    await page.getByTestId('inspector-crisis').waitFor();
    expect(alerts).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('edits several nodes at once, each change one undo step', async () => {
    const { page } = app;
    const { path, crisisId } = await newScenario(app);
    await seed(app, [
      { op: 'node.create', node: node('trigger', crisisId, 't1', 'Earthquake', 0, 0) },
      { op: 'node.create', node: node('trigger', crisisId, 't2', 'Tsunami', 0, 200) },
      { op: 'node.create', node: node('response', crisisId, 'r1', 'Airlift', 400, 0) },
      { op: 'node.create', node: node('response', crisisId, 'r2', 'Field hospitals', 400, 200) },
    ]);
    await select(page, 't1');
    for (const id of ['t2', 'r1', 'r2']) await select(page, id, true);
    await page.getByTestId('inspector-multi').waitFor();
    await expect(page.getByTestId('multi-summary').textContent()).resolves.toContain('2 triggers, 2 responses');

    const rows = () => readOnDisk(path, (db) => db.prepare('SELECT id, tags, likelihood, lead_actor_id, response_status FROM nodes ORDER BY id').all() as Row[]);
    await page.getByTestId('tag-input').fill('priority');
    await page.getByTestId('tag-input').press('Enter');
    await onDisk(() => rows().map((r) => r.tags), ['["priority"]', '["priority"]', '["priority"]', '["priority"]']);

    await page.getByTestId('multi-likelihood-5').click();
    await page.getByTestId('multi-lead-actor').selectOption('kr');
    await page.getByTestId('multi-status-proposed').click();
    await onDisk(
      () => rows().map((r) => [r.id, r.likelihood, r.lead_actor_id, r.response_status]),
      [
        ['r1', null, 'kr', 'proposed'],
        ['r2', null, 'kr', 'proposed'],
        ['t1', 5, null, null],
        ['t2', 5, null, null],
      ],
    );
    await app.screenshot('inspector-multi');

    // One undo takes back the whole status change on both responses, and nothing else.
    await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
    await page.keyboard.press('Control+z');
    await onDisk(() => rows().map((r) => r.response_status), ['idea', 'idea', null, null]);
    expect(rows().map((r) => r.lead_actor_id)).toEqual(['kr', 'kr', null, null]);

    await page.getByTestId('tag-remove-priority').click();
    await onDisk(() => rows().map((r) => r.tags), ['[]', '[]', '[]', '[]']);
    expect(app.errors).toEqual([]);
  });

  it('edits the crisis details when nothing is selected', async () => {
    const { page } = app;
    const { path, crisisId } = await newScenario(app);
    await page.getByTestId('inspector-crisis').waitFor();
    await page.getByTestId('crisis-title').fill('Typhoon over the Ryukyus');
    await page.getByTestId('crisis-region').fill('East China Sea');
    await page.getByTestId('crisis-summary').fill('A category 5 storm closes ports for a week.');
    await page.getByTestId('crisis-summary').blur();
    await page.getByTestId('crisis-status-active').click();
    const crisis = () => readOnDisk(path, (db) => db.prepare('SELECT title, region, summary, status FROM crises WHERE id = ?').get(crisisId));
    await onDisk(crisis, { title: 'Typhoon over the Ryukyus', region: 'East China Sea', summary: 'A category 5 storm closes ports for a week.', status: 'active' });
    await app.screenshot('inspector-crisis');
    expect(app.errors).toEqual([]);
  });

  it('disables every field of a read-only file', async () => {
    const { page } = app;
    const { crisisId } = await newScenario(app);
    await seed(app, [{ op: 'node.create', node: node('response', crisisId, 'resp', 'Evacuate islands', 0, 0) }]);
    // Bind the window to a read-only copy, as main does for a file it cannot write.
    const document = await page.evaluate(async () => {
      const current = await window.workbench.currentScenario({});
      if (!current.ok || !current.value) throw new Error('no scenario open');
      return current.value.document;
    });
    const copy = join(app.workDir, 'read-only.scenario');
    const created = createScenarioFile(copy, { title: document.scenario.title, document });
    if (!created.ok) throw new Error(created.error.message);
    created.store.close();
    const opened = openScenarioFile(copy, { readOnly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const previous = app.main.sessions.require(WINDOW_ID).store;
    app.main.sessions.rebind(WINDOW_ID, opened.store, false);
    previous.close();
    await app.reload();

    await select(page, 'resp');
    await page.getByTestId('inspector-read-only').waitFor();
    for (const id of ['field-title', 'field-description', 'tag-input', 'field-horizon', 'field-lead-actor', 'supporting-us', 'status-agreed', 'field-lead-time', 'stance-us-agree', 'stance-note-us']) {
      await expect(page.getByTestId(id).isDisabled(), id).resolves.toBe(true);
    }
    await expect(page.getByTestId('quote-add-open').count()).resolves.toBe(0);
    await app.screenshot('inspector-read-only');
    expect(app.errors).toEqual([]);
  });
});
