import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors';
import { layeredLayout } from '../../../core/layout';
import type { LayoutEdge, LayoutInput, LayoutNode } from '../../../core/layout';
import type { NodeKind } from '../../../core/model/graph';
import { boxesOf, overlappingPairs } from './generators';

const node = (id: string, kind: NodeKind, width = 200, height = 72): LayoutNode => ({ id, kind, width, height });
const leads = (source: string, target: string): LayoutEdge => ({ source, target, kind: 'leads-to' });

/** One crisis as a planner would draw it: a trigger chain, an impact cascade, three responses. */
function floodCrisis(): LayoutInput {
  return {
    nodes: [
      node('levee', 'impact'),
      node('storm', 'trigger'),
      node('rain', 'trigger'),
      node('flood', 'crisis', 220, 88),
      node('crops', 'impact'),
      node('prices', 'impact'),
      node('unrest', 'impact'),
      node('reserve', 'response', 220, 80),
      node('warning', 'response', 220, 80),
      node('aid', 'response', 220, 80),
    ],
    edges: [
      leads('storm', 'rain'),
      leads('rain', 'flood'),
      leads('flood', 'crops'),
      leads('flood', 'levee'),
      leads('crops', 'prices'),
      leads('prices', 'unrest'),
      { source: 'reserve', target: 'prices', kind: 'contains' },
      { source: 'warning', target: 'storm', kind: 'averts' },
      { source: 'aid', target: 'unrest', kind: 'contains' },
    ],
  };
}

describe('layeredLayout', () => {
  it('returns an empty drawing for an empty graph', () => {
    expect(layeredLayout({ nodes: [], edges: [] })).toEqual({ positions: {}, width: 0, height: 0 });
  });

  it('reads left to right: trigger chain, crisis, impacts by cascade depth', () => {
    const { positions: at } = layeredLayout(floodCrisis());
    expect(at.storm!.x).toBeLessThan(at.rain!.x);
    expect(at.rain!.x).toBeLessThan(at.flood!.x);
    expect(at.flood!.x).toBeLessThan(at.crops!.x);
    expect(at.crops!.x).toBe(at.levee!.x);
    expect(at.crops!.x).toBeLessThan(at.prices!.x);
    expect(at.prices!.x).toBeLessThan(at.unrest!.x);
  });

  it('puts each response in the column just left of what it averts or contains', () => {
    const input = floodCrisis();
    const { positions } = layeredLayout(input);
    const boxes = new Map(boxesOf(input, positions).map((box) => [box.id, box]));
    const pairs: [string, string][] = [
      ['reserve', 'prices'],
      ['warning', 'storm'],
      ['aid', 'unrest'],
    ];
    for (const [response, target] of pairs) {
      const r = boxes.get(response)!;
      const t = boxes.get(target)!;
      expect(r.x + r.width).toBeLessThan(t.x);
      // No other node's box sits in the corridor between the response and its target.
      const between = [...boxes.values()].filter((b) => b.x >= r.x + r.width && b.x + b.width <= t.x);
      expect(between).toEqual([]);
    }
  });

  it('gathers responses that aim at nothing in a last column on the right', () => {
    const input = floodCrisis();
    input.nodes.push(node('idea', 'response', 220, 80));
    const { positions } = layeredLayout(input);
    const others = input.nodes.filter((n) => n.id !== 'idea').map((n) => positions[n.id]!.x + n.width);
    expect(positions.idea!.x).toBeGreaterThan(Math.max(...others));
  });

  it('keeps the requested gaps and starts at the origin', () => {
    const input = floodCrisis();
    const { positions, width, height } = layeredLayout(input, { nodeGap: 25, layerGap: 70, origin: { x: 500, y: -300 } });
    const boxes = boxesOf(input, positions);
    expect(Math.min(...boxes.map((b) => b.x))).toBe(500);
    expect(Math.min(...boxes.map((b) => b.y))).toBe(-300);
    expect(Math.max(...boxes.map((b) => b.x + b.width)) - 500).toBe(width);
    expect(Math.max(...boxes.map((b) => b.y + b.height)) + 300).toBe(height);
    expect(overlappingPairs(boxes, 25)).toEqual([]);
    const sameColumn = boxes.filter((b) => b.x === positions.crops!.x).sort((a, b) => a.y - b.y);
    expect(sameColumn.length).toBeGreaterThan(1);
    for (let i = 1; i < sameColumn.length; i++) {
      expect(sameColumn[i]!.y - (sameColumn[i - 1]!.y + sameColumn[i - 1]!.height)).toBeGreaterThanOrEqual(25);
    }
  });

  it('puts whole columns at least layerGap apart', () => {
    const input = floodCrisis();
    const { positions } = layeredLayout(input, { layerGap: 70 });
    const { positions: wider } = layeredLayout(input, { layerGap: 170 });
    expect(wider.unrest!.x - wider.storm!.x).toBeGreaterThan(positions.unrest!.x - positions.storm!.x);
    expect(positions.rain!.x - (positions.storm!.x + 200)).toBeGreaterThanOrEqual(70);
  });

  it('gives the same drawing for the same input, every time', () => {
    const first = layeredLayout(floodCrisis());
    const second = layeredLayout(floodCrisis());
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('breaks cycles and still places every node without overlap', () => {
    const input: LayoutInput = {
      nodes: [node('c', 'crisis'), node('a', 'impact'), node('b', 'impact'), node('d', 'impact'), node('t1', 'trigger'), node('t2', 'trigger')],
      edges: [leads('c', 'a'), leads('a', 'b'), leads('b', 'd'), leads('d', 'a'), leads('t1', 't2'), leads('t2', 't1'), leads('t2', 'c')],
    };
    const { positions } = layeredLayout(input);
    expect(Object.keys(positions).sort()).toEqual(['a', 'b', 'c', 'd', 't1', 't2']);
    expect(overlappingPairs(boxesOf(input, positions))).toEqual([]);
    // The cycle a → b → d → a is cut at its back edge d → a, so the cascade still reads a, b, d.
    expect(positions.a!.x).toBeLessThan(positions.b!.x);
    expect(positions.b!.x).toBeLessThan(positions.d!.x);
    expect(positions.t1!.x).not.toBe(positions.t2!.x);
  });

  it('stacks separate crises in separate bands', () => {
    const input: LayoutInput = {
      nodes: [node('c1', 'crisis'), node('i1', 'impact'), node('c2', 'crisis'), node('i2', 'impact'), node('lonely', 'impact')],
      edges: [leads('c1', 'i1'), leads('c2', 'i2')],
    };
    const { positions: at } = layeredLayout(input, { nodeGap: 10 });
    const firstBottom = Math.max(at.c1!.y + 72, at.i1!.y + 72);
    expect(Math.min(at.c2!.y, at.i2!.y)).toBeGreaterThanOrEqual(firstBottom + 10);
    expect(at.lonely!.y).toBeGreaterThan(at.i2!.y);
  });

  it('ignores edges to nodes outside the input and refuses duplicate ids or unusable sizes', () => {
    const input = floodCrisis();
    input.edges.push(leads('flood', 'elsewhere'));
    expect(Object.keys(layeredLayout(input).positions)).toHaveLength(input.nodes.length);
    const twice = () => layeredLayout({ nodes: [node('a', 'impact'), node('a', 'impact')], edges: [] });
    expect(twice).toThrow(AppError);
    expect(twice).toThrow(expect.objectContaining({ code: 'INVALID_DATA' }));
    const flat = () => layeredLayout({ nodes: [node('a', 'impact', 200, 0)], edges: [] });
    expect(flat).toThrow(expect.objectContaining({ code: 'INVALID_DATA' }));
  });
});
