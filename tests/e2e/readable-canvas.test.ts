/**
 * Readable from the first second: a report crisis opens whole inside the visible canvas (not
 * under the palette, the zoom controls or the minimap) at zoom ≥ 0.6; on a window too small for
 * that it opens on the crisis node and its neighbours. Arrange lays out to the canvas's shape,
 * new nodes land in their kind's column, and the minimap is toggled in the app and never covers
 * nodes after Fit.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { blankNode, type NodeKind } from '../../core/model';
import type { Op } from '../../core/ops';
import { launchApp, type AppSession } from './harness/app';
import { readOnDisk } from './harness/disk';
import { canvasState, expectVisible, inside } from './harness/canvas-geometry';
import { saving, waitCanvasStill } from './harness/editor';
import { openBuiltScenario } from './harness/scenario';

/** Open the sidebar's i-th crisis as a planner does, and read the canvas once it is still. */
async function openCrisis(page: Page, i: number) {
  await page.getByTestId('crisis-item').nth(i).click();
  await page.locator('[data-testid="graph-node"]').first().waitFor();
  await waitCanvasStill(page);
  const state = await canvasState(page);
  const title = (await page.getByTestId('crisis-item').nth(i).textContent()) ?? String(i);
  return { state, title };
}

let app: AppSession;
afterEach(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

describe('a readable canvas', () => {
  for (const [width, height] of [[1440, 900], [1920, 1080]] as const) {
    it(`opens every report crisis whole inside the visible canvas at zoom ≥ 0.6 (${width}×${height}, inspector open)`, async () => {
      app = await launchApp({ viewport: { width, height } });
      const { page } = app;
      await page.getByTestId('welcome-library').click();
      await page.locator('[data-testid="graph-node"]').first().waitFor();
      const count = await page.getByTestId('crisis-item').count();
      expect(count).toBeGreaterThanOrEqual(10);
      for (let i = 0; i < count; i++) {
        const { state, title } = await openCrisis(page, i);
        expect(state.nodes.length, title).toBeLessThanOrEqual(30);
        expect(state.zoom, title).toBeGreaterThanOrEqual(0.6);
        expectVisible(state, state.nodes.map((n) => n.id), title);
        if (i === 0) await app.screenshot(`open-report-crisis-${width}x${height}`);
      }
    });
  }

  it('opens every report crisis on its crisis node among its triggers and impacts at zoom ≥ 0.6 where the whole cannot be read (1024×700)', async () => {
    app = await launchApp({ viewport: { width: 1024, height: 700 } });
    const { page } = app;
    await page.getByTestId('welcome-library').click();
    await page.locator('[data-testid="graph-node"]').first().waitFor();
    const current = await page.evaluate(() => window.workbench.currentScenario({}));
    if (!current.ok || !current.value) throw new Error('no scenario');
    const doc = current.value.document;
    const count = await page.getByTestId('crisis-item').count();
    for (let i = 0; i < count; i++) {
      const { state, title } = await openCrisis(page, i);
      expect(state.zoom, title).toBeGreaterThanOrEqual(0.6);
      const crisisId = await page.getByTestId('canvas').getAttribute('data-crisis-id');
      const crisisNode = doc.nodes.find((n) => n.crisisId === crisisId && n.kind === 'crisis')!;
      const kindOf = new Map(doc.nodes.map((n) => [n.id, n.kind]));
      const neighbours = doc.edges.filter((e) => e.source === crisisNode.id || e.target === crisisNode.id).map((e) => (e.source === crisisNode.id ? e.target : e.source));
      // What leads to the crisis and what it leads to, in the columns beside it, come with it;
      // a response averting it, two columns out, may be a pan away.
      const besideIt = neighbours.filter((id) => kindOf.get(id) !== 'response');
      expect(besideIt.length, title).toBeGreaterThanOrEqual(2);
      expectVisible(state, [crisisNode.id, ...besideIt], title);
      expect(state.nodes.filter((n) => [crisisNode.id, ...besideIt].includes(n.id)).length, title).toBe(besideIt.length + 1);
      // The first crisis's every neighbour fits: all of them are shown.
      if (i === 0) {
        expectVisible(state, neighbours, title);
        await app.screenshot('open-report-crisis-1024x700');
      }
    }
  });

  it('arranges a flat crisis to the canvas shape, readable and whole; new nodes land in their kind column', async () => {
    app = await launchApp({ viewport: { width: 1440, height: 900 } });
    const { page } = app;
    // Ten nodes in one row, 2,600 px wide: the shape Arrange used to make at 42% zoom.
    const kinds: NodeKind[] = ['trigger', 'trigger', 'crisis', 'impact', 'impact', 'impact', 'response', 'response', 'response', 'response'];
    const { file } = await openBuiltScenario(app, 'arrange', (crisisId) => {
      const ops: Op[] = kinds.map((kind, i) => ({ op: 'node.create', node: { ...blankNode(kind, crisisId, `n${i}`, { x: i * 260, y: 40 }), title: `${kind} ${i}` } }));
      const edge = (id: string, source: string, target: string, kind: 'leads-to' | 'averts' | 'contains'): Op => ({ op: 'edge.create', edge: { id, crisisId, source, target, kind, label: '', confidence: null, basis: { kind: 'planner' } } });
      return [...ops, edge('e1', 'n0', 'n2', 'leads-to'), edge('e2', 'n1', 'n2', 'leads-to'), edge('e3', 'n2', 'n3', 'leads-to'), edge('e4', 'n2', 'n4', 'leads-to'), edge('e5', 'n3', 'n5', 'leads-to'), edge('e6', 'n6', 'n3', 'contains'), edge('e7', 'n7', 'n4', 'contains'), edge('e8', 'n8', 'n0', 'averts'), edge('e9', 'n9', 'n5', 'contains')];
    });
    await saving(page, () => page.getByTestId('tool-view.arrange').click());
    await waitCanvasStill(page);
    const state = await canvasState(page);
    expect(state.zoom).toBeGreaterThanOrEqual(0.6);
    expectVisible(state, state.nodes.map((n) => n.id), 'after Arrange');
    // Rank order kept, on disk: every trigger left of the crisis, left of every impact.
    const rows = readOnDiskX(file);
    const xs = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.x);
    expect(Math.max(...xs('trigger'))).toBeLessThan(Math.min(...xs('crisis')));
    expect(Math.max(...xs('crisis'))).toBeLessThan(Math.min(...xs('impact')));
    await app.screenshot('arranged-1440x900');

    // A new crisis from the palette lands in the crisis column, a new trigger in the trigger column.
    await page.getByTestId('add-crisis').click();
    await page.getByTestId('title-input').fill('Second crisis');
    await page.getByTestId('title-input').press('Enter');
    await page.getByTestId('add-trigger').click();
    await page.getByTestId('title-input').fill('Another trigger');
    await saving(page, () => page.getByTestId('title-input').press('Enter'));
    const after = readOnDiskX(file);
    const column = (kind: string, exclude: string) => after.filter((r) => r.kind === kind && r.title !== exclude)[0]!.x;
    expect(after.find((r) => r.title === 'Second crisis')!.x).toBe(column('crisis', 'Second crisis'));
    expect(after.find((r) => r.title === 'Another trigger')!.x).toBe(column('trigger', 'Another trigger'));
  });

  it('adds a node by the right and bottom edges of the canvas wholly inside it, from a menu wholly inside the window', async () => {
    app = await launchApp({ viewport: { width: 1440, height: 900 } });
    const { page } = app;
    const { file } = await openBuiltScenario(app, 'edges', (crisisId) => [{ op: 'node.create', node: { ...blankNode('trigger', crisisId, 't1', { x: 80, y: 80 }), title: 'Naval incident' } }]);
    const pane = (await page.locator('[data-testid="canvas"] .react-flow').boundingBox())!;
    const add = async (kind: NodeKind, title: string, x: number, y: number) => {
      await page.mouse.click(x, y, { button: 'right' });
      // The menu opens wholly inside the window, upwards or leftwards by its edges.
      const menu = (await page.getByTestId('context-menu').boundingBox())!;
      expect(inside(menu, { x: 0, y: 0, width: 1440, height: 900 }), `menu ${JSON.stringify(menu)}`).toBe(true);
      await page.getByTestId(`menu-add-${kind}`).click();
      await page.getByTestId('title-input').fill(title);
      await saving(page, () => page.getByTestId('title-input').press('Enter'));
      const box = (await page.locator('[data-testid="graph-node"]', { hasText: title }).boundingBox())!;
      expect(inside(box, pane), `${title}: ${JSON.stringify(box)} inside ${JSON.stringify(pane)}`).toBe(true);
    };
    // A right-click 6 px from the inspector, and one 6 px above the pane's bottom edge.
    await add('impact', 'Ports closed', pane.x + pane.width - 6, pane.y + pane.height / 2);
    await add('response', 'Convoy escorts', pane.x + pane.width / 2, pane.y + pane.height - 6);
    const titles = readOnDiskX(file).map((r) => r.title);
    expect(titles).toEqual(['Naval incident', 'Ports closed', 'Convoy escorts']);
    await app.screenshot('add-by-the-edges-1440x900');
  });

  it('shows and hides the minimap from the canvas; after Fit no node sits under it', async () => {
    app = await launchApp({ viewport: { width: 1440, height: 900 } });
    const { page } = app;
    await page.getByTestId('welcome-library').click();
    await page.locator('[data-testid="graph-node"]').first().waitFor();
    await page.getByTestId('tool-view.toggleAnalysis').click();
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    await page.getByRole('button', { name: 'Show the minimap' }).click();
    await page.locator('.react-flow__minimap').waitFor();
    await page.getByTestId('tool-view.fit').click();
    await waitCanvasStill(page);
    const state = await canvasState(page);
    expectVisible(state, state.nodes.map((n) => n.id), 'after Fit with the minimap and the analysis panel');
    await app.screenshot('minimap-fit-1440x900');
    await page.getByRole('button', { name: 'Hide the minimap' }).click();
    await page.locator('.react-flow__minimap').waitFor({ state: 'detached' });
  });
});

function readOnDiskX(file: string): { kind: string; title: string; x: number }[] {
  return readOnDisk(file, (db) => db.prepare('SELECT kind, title, x FROM nodes ORDER BY rowid').all() as { kind: string; title: string; x: number }[]);
}
