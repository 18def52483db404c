/**
 * An edge between two boxes of one column (impact → impact, or a response dropped under its impact) is drawn on the
 * canvas as a short connector from the bottom of the upper box to the top of the lower one: its
 * path passes through no node box and is not much longer than the gap between the two boxes.
 */
import { afterEach, expect, it } from 'vitest';
import { blankNode } from '../../core/model';
import { launchApp, type AppSession } from './harness/app';
import { waitCanvasStill } from './harness/editor';
import { openBuiltScenario } from './harness/scenario';

let app: AppSession;
afterEach(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

it('draws impact → impact, and a response below the impact it contains, as short connectors that cross no box', async () => {
  app = await launchApp({ viewport: { width: 1440, height: 900 } });
  const { page } = app;
  await openBuiltScenario(app, 'stacked', (c) => {
    const node = (kind: 'crisis' | 'impact' | 'response', id: string, x: number, y: number) => ({ op: 'node.create' as const, node: { ...blankNode(kind, c, id, { x, y }), title: id } });
    const link = (id: string, source: string, target: string) => ({ op: 'edge.create' as const, edge: { id, crisisId: c, source, target, kind: 'leads-to' as const, label: '', confidence: null, basis: {} } });
    const contains = { ...link('e3', 'r1', 'i2'), edge: { ...link('e3', 'r1', 'i2').edge, kind: 'contains' as const } };
    return [node('crisis', 'k', 0, 120), node('impact', 'i1', 320, 0), node('impact', 'i2', 330, 200), node('response', 'r1', 320, 400), link('e1', 'k', 'i1'), link('e2', 'i1', 'i2'), contains];
  });
  await waitCanvasStill(page);
  await app.screenshot('same-column-edges');
  // e3 runs upwards, from a response dropped below the impact it contains.
  for (const [edgeId, upper, lower] of [['e2', 'i1', 'i2'], ['e3', 'i2', 'r1']] as const) {
    const measured = await page.evaluate(([id, a, b]) => {
      const path = document.querySelector<SVGPathElement>(`[data-testid="rf__edge-${id}"] path.react-flow__edge-path`)!;
      const ctm = path.getScreenCTM()!;
      const length = path.getTotalLength();
      const points = Array.from({ length: 41 }, (_, i) => {
        const p = path.getPointAtLength((length * i) / 40);
        return { x: ctm.a * p.x + ctm.c * p.y + ctm.e, y: ctm.b * p.x + ctm.d * p.y + ctm.f };
      });
      const box = (nodeId: string) => document.querySelector(`[data-testid="graph-node"][data-node-id="${nodeId}"]`)!.getBoundingClientRect().toJSON() as DOMRect;
      const boxes = [...document.querySelectorAll('[data-testid="graph-node"]')].map((el) => ({ id: el.getAttribute('data-node-id'), r: el.getBoundingClientRect().toJSON() as DOMRect }));
      return { screenLength: length * ctm.a, points, upper: box(a), lower: box(b), boxes };
    }, [edgeId, upper, lower] as const);
    for (const p of measured.points) {
      for (const b of measured.boxes) {
        const inside = p.x > b.r.left + 2 && p.x < b.r.right - 2 && p.y > b.r.top + 2 && p.y < b.r.bottom - 2;
        expect(inside, `${edgeId} at (${Math.round(p.x)}, ${Math.round(p.y)}) inside ${b.id}`).toBe(false);
      }
    }
    const gap = measured.lower.top - measured.upper.bottom;
    expect(gap).toBeGreaterThan(0);
    expect(measured.screenLength, edgeId).toBeLessThan(gap * 1.6 + 20);
  }
});
