/**
 * Size limits: the layout is iterative, so long chains and 20k-node graphs must not
 * reach the call stack's limit. Shapes here are chosen to break recursive code.
 */
import { describe, expect, it } from 'vitest';
import { layeredLayout } from '../../../core/layout';
import type { LayoutEdge, LayoutInput, LayoutNode } from '../../../core/layout';
import { boxesOf, crisisGraph, overlappingPairs } from './generators';

function chain(kind: 'trigger' | 'impact', length: number): LayoutInput {
  const nodes: LayoutNode[] = [{ id: 'crisis', kind: 'crisis', width: 220, height: 88 }];
  const edges: LayoutEdge[] = [];
  for (let i = 0; i < length; i++) {
    nodes.push({ id: `${kind}${i}`, kind, width: 200, height: 72 });
    if (i > 0) edges.push({ source: `${kind}${i - 1}`, target: `${kind}${i}`, kind: 'leads-to' });
  }
  const ends = kind === 'trigger' ? { source: `trigger${length - 1}`, target: 'crisis' } : { source: 'crisis', target: 'impact0' };
  edges.push({ ...ends, kind: 'leads-to' });
  return { nodes, edges };
}

describe('layout at scale', () => {
  it('lays out a 20k-node graph of one crisis without overlap', () => {
    const input = crisisGraph(20, { nodeCount: 20_000 });
    const { positions } = layeredLayout(input);
    expect(Object.keys(positions)).toHaveLength(20_000);
    expect(overlappingPairs(boxesOf(input, positions))).toEqual([]);
  });

  it('lays out 20k nodes spread over many crises, with cycles', () => {
    const input = crisisGraph(21, { nodeCount: 20_000, crisisSize: 60, cycles: true, looseShare: 0.05 });
    const { positions } = layeredLayout(input);
    expect(overlappingPairs(boxesOf(input, positions))).toEqual([]);
  });

  it('follows a 20k-long impact cascade and a 20k-long trigger chain, one column per step', () => {
    for (const kind of ['impact', 'trigger'] as const) {
      const input = chain(kind, 20_000);
      const { positions } = layeredLayout(input, { layerGap: 10 });
      const step = (i: number) => positions[`${kind}${i + 1}`]!.x - positions[`${kind}${i}`]!.x;
      expect(step(0)).toBeGreaterThan(0);
      expect(step(19_998)).toBe(step(0));
    }
  });

  it('survives a 20k-node cycle', () => {
    const input = chain('impact', 20_000);
    input.edges.push({ source: 'impact19999', target: 'impact0', kind: 'leads-to' });
    const { positions } = layeredLayout(input);
    expect(positions.impact19999!.x).toBeGreaterThan(positions.impact0!.x);
  });

  it('survives a response aimed at both ends of a long cascade', () => {
    const input = chain('impact', 5_000);
    for (let i = 0; i < 200; i++) {
      input.nodes.push({ id: `r${i}`, kind: 'response', width: 220, height: 80 });
      input.edges.push({ source: `r${i}`, target: 'impact0', kind: 'contains' }, { source: `r${i}`, target: 'impact4999', kind: 'contains' });
    }
    const { positions } = layeredLayout(input);
    expect(overlappingPairs(boxesOf(input, positions))).toEqual([]);
  });
});
