/**
 * Cascade path counts against brute force: on random acyclic graphs, enumerate every leads-to
 * path from every chosen trigger by depth-first search and count where each one ends. On an
 * acyclic graph the condensation is the graph itself, so the counts must match exactly.
 */
import { describe, expect, it } from 'vitest';
import { cascade } from '../../../core/analysis';
import type { ScenarioDocument } from '../../../core/model';
import { seededRandom } from '../../../bench/fixtures';
import { crisis, impact, scenario, trigger } from './build';

function randomAcyclic(seed: number): ScenarioDocument {
  const random = seededRandom(seed);
  const triggers = Array.from({ length: 2 + Math.floor(random() * 4) }, (_, i) => `t${i}`);
  const crises = Array.from({ length: 1 + Math.floor(random() * 2) }, (_, i) => `x${i}`);
  const impacts = Array.from({ length: 2 + Math.floor(random() * 6) }, (_, i) => `i${i}`);
  const edges = new Map<string, [string, string]>();
  // Within a kind, edges only go from a lower number to a higher one: no cycles.
  const forward = (list: string[]): void => {
    const a = Math.floor(random() * list.length);
    const b = Math.floor(random() * list.length);
    if (a < b) edges.set(`${list[a]}>${list[b]}`, [list[a]!, list[b]!]);
  };
  const any = (from: string[], to: string[]): void => {
    const a = from[Math.floor(random() * from.length)]!;
    const b = to[Math.floor(random() * to.length)]!;
    edges.set(`${a}>${b}`, [a, b]);
  };
  for (let k = 0; k < 16; k++) {
    const roll = random();
    if (roll < 0.2) forward(triggers);
    else if (roll < 0.4) any(triggers, crises);
    else if (roll < 0.6) any(crises, impacts);
    else forward(impacts);
  }
  return scenario({
    nodes: [...triggers.map((id) => trigger(id, 3)), ...crises.map((id) => crisis(id, 3)), ...impacts.map((id) => impact(id, 3))],
    edges: [...edges.values()],
  });
}

function enumeratePaths(doc: ScenarioDocument, starts: string[]): { perNode: Record<string, number>; complete: number } {
  const next = new Map<string, string[]>();
  for (const e of doc.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const perNode: Record<string, number> = {};
  let complete = 0;
  const walk = (id: string): void => {
    perNode[id] = (perNode[id] ?? 0) + 1;
    const out = next.get(id) ?? [];
    if (out.length === 0) complete++;
    for (const w of out) walk(w);
  };
  for (const s of starts) walk(s);
  return { perNode, complete };
}

describe('cascade path counts against brute-force enumeration', () => {
  it('match on 200 random acyclic graphs', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const doc = randomAcyclic(seed);
      const triggers = doc.nodes.filter((n) => n.kind === 'trigger').map((n) => n.id);
      const starts = triggers.filter((_, i) => i % 2 === 0 || seed % 3 === 0);
      const result = cascade(doc, starts);
      const expected = enumeratePaths(doc, starts);
      expect(Object.fromEntries(result.reached.map((e) => [e.nodeId, e.paths])), `seed ${seed}`).toEqual(expected.perNode);
      expect(result.totalPaths, `seed ${seed}`).toBe(expected.complete);
    }
  });
});
