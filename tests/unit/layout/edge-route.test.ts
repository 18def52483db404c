/**
 * Edges between two boxes of the same column (impact → impact, response → response) are a short
 * connector from the bottom of the upper box to the top of the lower one, in the diagram exports
 * and on the canvas alike: both take their anchors from core/layout/edge-route.ts.
 */
import { describe, expect, it } from 'vitest';
import { diagramGeometry } from '../../../core/export/geometry';
import { edgeRoute } from '../../../core/layout/edge-route';
import { blankNode, DEFAULT_ACTORS, DOCUMENT_FORMAT_VERSION, UNMARKED, type GraphEdge, type GraphNode, type ScenarioDocument } from '../../../core/model';
import { flowEdge, flowNode, routeOf, type FlowNodeData } from '../../../renderer/src/canvas/flow-model';

const at = '2026-01-01T00:00:00.000Z';
const node = (kind: GraphNode['kind'], id: string, x: number, y: number): GraphNode => ({ ...blankNode(kind, 'c', id, { x, y }), title: id });
const edge = (id: string, source: string, target: string, kind: GraphEdge['kind']): GraphEdge => ({ id, crisisId: 'c', source, target, kind, label: '', confidence: null, basis: { kind: 'planner' } });

/** A trigger, a crisis, two impacts one above the other, two responses one above the other, each pair joined. */
function stackedColumns(): ScenarioDocument {
  const nodes = [node('trigger', 't', 0, 100), node('crisis', 'k', 300, 100), node('impact', 'i1', 600, 0), node('impact', 'i2', 610, 180), node('response', 'r1', 900, 0), node('response', 'r2', 900, 200)];
  return {
    format: 'scenario-workbench', formatVersion: DOCUMENT_FORMAT_VERSION,
    scenario: { title: 'Stacked', description: '', createdAt: at, modifiedAt: at, coreActorIds: [], ...UNMARKED, asOf: null, language: null },
    actors: DEFAULT_ACTORS.map((a) => ({ ...a })),
    crises: [{ id: 'c', title: 'C', region: '', summary: '', status: 'active', viewport: { x: 0, y: 0, zoom: 1 }, order: 0 }],
    nodes,
    edges: [edge('e1', 't', 'k', 'leads-to'), edge('e2', 'k', 'i1', 'leads-to'), edge('e3', 'i1', 'i2', 'leads-to'), edge('e4', 'r1', 'r2', 'leads-to'), edge('e5', 'r2', 'i2', 'contains')],
    stances: [], sources: [], provenance: [],
  };
}

interface Box { x: number; y: number; width: number; height: number }
/** Whether the segment from a to b passes through the inside of `box` (touching its edge is fine). */
function crossesBox(a: { x: number; y: number }, b: { x: number; y: number }, box: Box): boolean {
  for (let i = 1; i < 100; i++) {
    const x = a.x + ((b.x - a.x) * i) / 100;
    const y = a.y + ((b.y - a.y) * i) / 100;
    if (x > box.x + 0.5 && x < box.x + box.width - 0.5 && y > box.y + 0.5 && y < box.y + box.height - 0.5) return true;
  }
  return false;
}

describe('edges between boxes of one column', () => {
  it('route down or up when the boxes share a column, forward or backward otherwise', () => {
    const box = (x: number, y: number) => ({ x, y, width: 200, height: 80 });
    expect(edgeRoute(box(0, 0), box(10, 150))).toBe('down');
    expect(edgeRoute(box(0, 150), box(-10, 0))).toBe('up');
    expect(edgeRoute(box(0, 0), box(300, 150))).toBe('forward');
    expect(edgeRoute(box(300, 0), box(0, 0))).toBe('backward');
    expect(edgeRoute(box(0, 0), box(50, 40))).toBe('forward');
  });

  it('in the diagram: each same-column edge is a short line from the bottom of the upper box to the top of the lower, through no box', () => {
    const g = diagramGeometry(stackedColumns(), { kind: 'crisis', crisisId: 'c' });
    const boxes = new Map(g.nodes.map((b) => [b.node.id, b]));
    for (const id of ['e3', 'e4']) {
      const line = g.edges.find((e) => e.edge.id === id)!;
      const from = boxes.get(line.edge.source)!;
      const to = boxes.get(line.edge.target)!;
      expect(line.y1, id).toBe(from.y + from.height);
      expect(line.y2, id).toBe(to.y);
      const gap = to.y - (from.y + from.height);
      expect(Math.hypot(line.x2 - line.x1, line.y2 - line.y1), id).toBeLessThanOrEqual(gap * 1.2);
      for (const b of g.nodes) expect(crossesBox({ x: line.x1, y: line.y1 }, { x: line.x2, y: line.y2 }, b), `${id} through ${b.node.id}`).toBe(false);
    }
  });

  it('the canvas anchors each edge where the diagram does', () => {
    const doc = stackedColumns();
    const g = diagramGeometry(doc, { kind: 'crisis', crisisId: 'c' });
    const boxes = new Map(g.nodes.map((b) => [b.node.id, b]));
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    const data = {} as FlowNodeData;
    for (const e of doc.edges) {
      const source = byId.get(e.source)!;
      const target = byId.get(e.target)!;
      const flow = flowEdge(e, false, routeOf(source, target));
      const handleCentre = (n: GraphNode, id: string | null | undefined, type: 'source' | 'target') => {
        const h = flowNode(n, data, false).handles!.find((x) => x.type === type && (x.id ?? null) === (id ?? null))!;
        return { x: h.x + h.width! / 2, y: h.y + h.height! / 2 };
      };
      const line = g.edges.find((l) => l.edge.id === e.id)!;
      const from = boxes.get(e.source)!;
      const to = boxes.get(e.target)!;
      expect(handleCentre(source, flow.sourceHandle, 'source'), e.id).toEqual({ x: line.x1 - from.x, y: line.y1 - from.y });
      expect(handleCentre(target, flow.targetHandle, 'target'), e.id).toEqual({ x: line.x2 - to.x, y: line.y2 - to.y });
    }
  });
});
