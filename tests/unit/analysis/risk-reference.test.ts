/**
 * Effective likelihood against a slow, independent reading of the same rule on many small
 * random graphs with cycles and missing scores. The reference works from a transitive closure:
 *   - r is a root when every node that reaches r is also reached from r;
 *   - value(n) ≥ k when some scored y (score ≥ k) is reachable from a root, and n from y,
 *     using only nodes that are unscored or scored ≥ k.
 * The production code instead runs a two-state BFS per k over strongly connected components.
 */
import { describe, expect, it } from 'vitest';
import { effectiveLikelihoods } from '../../../core/analysis';
import type { ScenarioDocument } from '../../../core/model';
import { crisis, impact, scenario, trigger } from './build';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomScenario(seed: number): ScenarioDocument {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const score = (): number | null => (random() < 0.3 ? null : 1 + Math.floor(random() * 5));
  const triggers = Array.from({ length: 2 + Math.floor(random() * 4) }, (_, i) => `t${i}`);
  const crises = Array.from({ length: 1 + Math.floor(random() * 2) }, (_, i) => `x${i}`);
  const impacts = Array.from({ length: 2 + Math.floor(random() * 4) }, (_, i) => `i${i}`);
  const edges = new Map<string, [string, string]>();
  const add = (a: string, b: string): void => {
    if (a !== b) edges.set(`${a}>${b}`, [a, b]);
  };
  for (let k = 0; k < 12; k++) {
    const roll = random();
    if (roll < 0.3) add(pick(triggers), pick(triggers));
    else if (roll < 0.5) add(pick(triggers), pick(crises));
    else if (roll < 0.7) add(pick(crises), pick(impacts));
    else add(pick(impacts), pick(impacts));
  }
  return scenario({
    nodes: [
      ...triggers.map((id) => trigger(id, score())),
      ...crises.map((id) => crisis(id, score())),
      ...impacts.map((id) => impact(id, 3)),
    ],
    edges: [...edges.values()],
  });
}

function referenceLikelihoods(doc: ScenarioDocument): Record<string, number | null> {
  const ids = doc.nodes.map((n) => n.id);
  const at = new Map(ids.map((id, i) => [id, i]));
  const score = doc.nodes.map((n) => n.likelihood);
  const n = ids.length;
  const leadsTo = doc.edges.filter((e) => e.kind === 'leads-to').map((e) => [at.get(e.source)!, at.get(e.target)!] as const);

  // reach[a][b]: a walk (possibly empty) from a to b using only allowed nodes.
  const closure = (allowed: (i: number) => boolean): boolean[][] => {
    const reach = Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => a === b && allowed(a)));
    for (const [a, b] of leadsTo) if (allowed(a) && allowed(b)) reach[a]![b] = true;
    for (let m = 0; m < n; m++) for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) {
      if (reach[a]![m] && reach[m]![b]) reach[a]![b] = true;
    }
    return reach;
  };
  const all = closure(() => true);
  const roots = ids.map((_, r) => ids.every((_, u) => !all[u]![r] || all[r]![u]));

  const out: Record<string, number | null> = {};
  for (let v = 0; v < n; v++) out[ids[v]!] = null;
  for (let k = 1; k <= 5; k++) {
    const allowed = (i: number): boolean => score[i] === null || score[i]! >= k;
    const reach = closure(allowed);
    for (let v = 0; v < n; v++) {
      const hit = ids.some(
        (_, y) => score[y] !== null && score[y]! >= k && reach[y]![v] && ids.some((_, r) => roots[r] && reach[r]![y]),
      );
      if (hit) out[ids[v]!] = k;
    }
  }
  return out;
}

describe('effective likelihood against a closure-based reference', () => {
  it('agrees on 300 random graphs with cycles and unscored nodes', () => {
    let withCycles = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const doc = randomScenario(seed);
      const pairs = new Set(doc.edges.map((e) => `${e.source}>${e.target}`));
      if (doc.edges.some((e) => pairs.has(`${e.target}>${e.source}`))) withCycles++;
      expect(effectiveLikelihoods(doc), `seed ${seed}`).toEqual(referenceLikelihoods(doc));
    }
    // The generator must actually exercise cycles for this test to mean anything.
    expect(withCycles).toBeGreaterThan(30);
  });
});
