import { describe, expect, it } from 'vitest';
import { effectiveLikelihoods, riskAnalysis, riskMatrix, riskRanking } from '../../../core/analysis';
import { crisis, impact, scenario, trigger } from './build';

/*
 * Graph A (acyclic):
 *   ta(2) ───────────┐
 *   tb(–) ─→ tc(3) ──┴→ x(4) ─→ i1(S5) ─→ i2(S2)
 *                         └───→ i5(S–)
 *   x2(–) ─→ i3(S4)           i4(S3), fed by nothing
 * Roots (no predecessor): ta, tb, x2, i4.
 * A walk's value is the smallest score on it; a node takes the best walk.
 *   ta = 2; tb = – (no scored node); tc = 3 (tb→tc: {3})
 *   x  = max(ta→x: min(2,4)=2, tb→tc→x: min(3,4)=3) = 3
 *   i1 = i2 = i5 = 3; x2 = i3 = – ; i4 = –
 * Risk: i1 = 3×5 = 15, i2 = 3×2 = 6, i3/i4/i5 unrated.
 * Unrated order: severity high first, missing last → i3 (4), i4 (3), i5 (–).
 */
const graphA = scenario({
  nodes: [
    trigger('ta', 2),
    trigger('tb', null),
    trigger('tc', 3),
    crisis('x', 4),
    crisis('x2', null),
    impact('i1', 5),
    impact('i2', 2),
    impact('i3', 4),
    impact('i4', 3),
    impact('i5', null),
  ],
  edges: [
    ['ta', 'x'],
    ['tb', 'tc'],
    ['tc', 'x'],
    ['x', 'i1'],
    ['i1', 'i2'],
    ['x', 'i5'],
    ['x2', 'i3'],
  ],
});

describe('effective likelihood', () => {
  it('takes the strongest chain, each as likely as its weakest scored link', () => {
    expect(effectiveLikelihoods(graphA)).toEqual({
      ta: 2, tb: null, tc: 3, x: 3, x2: null, i1: 3, i2: 3, i3: null, i4: null, i5: 3,
    });
  });

  it('lets an unscored trigger pass its crisis through unconstrained', () => {
    // tn(–) → x(4) ← tl(1): the walk tn→x has only x scored, so 4; tl→x gives min(1,4) = 1.
    // Best of the two: 4. Scoring tn as 2 caps that walk at 2, so x becomes 2.
    const nodes = [trigger('tn', null), trigger('tl', 1), crisis('x', 4), impact('i', 3)];
    const edges: [string, string][] = [['tn', 'x'], ['tl', 'x'], ['x', 'i']];
    expect(effectiveLikelihoods(scenario({ nodes, edges }))).toMatchObject({ x: 4, i: 4 });
    nodes[0] = trigger('tn', 2);
    expect(effectiveLikelihoods(scenario({ nodes, edges }))).toMatchObject({ x: 2, i: 2 });
  });

  it('passes through an unscored crisis, and stays empty when nothing upstream is scored', () => {
    // t(3) → x(–) → i: {3} → 3.   u(–) → y(–) → j: nothing scored → none.
    const doc = scenario({
      nodes: [trigger('t', 3), crisis('x', null), impact('i', 2), trigger('u', null), crisis('y', null), impact('j', 2)],
      edges: [['t', 'x'], ['x', 'i'], ['u', 'y'], ['y', 'j']],
    });
    expect(effectiveLikelihoods(doc)).toEqual({ t: 3, x: 3, i: 3, u: null, y: null, j: null });
  });

  /*
   * Graph B, cycles:  t1(5) ⇄ t2(2),  t1 → x(5) → i1(S4) ⇄ i2(S3) → i3(S1)
   * Nothing enters the cycle {t1, t2}, so both are roots.
   *   t1 = 5 (starts itself); t2 = max(t1→t2: 2, t2 alone: 2) = 2
   *   x = t1→x: min(5,5) = 5; the impact cycle adds no scores: i1 = i2 = i3 = 5.
   * With t0(1) → t1 the cycle has a way in, so only t0 is a root and every walk carries 1.
   * With t0(–) → t1 instead, t0→t1→x carries {5,5} = 5 again.
   */
  const cyclic = (t0: number | null | undefined) =>
    scenario({
      nodes: [
        ...(t0 === undefined ? [] : [trigger('t0', t0)]),
        trigger('t1', 5),
        trigger('t2', 2),
        crisis('x', 5),
        impact('i1', 4),
        impact('i2', 3),
        impact('i3', 1),
      ],
      edges: [
        ...(t0 === undefined ? [] : ([['t0', 't1']] as [string, string][])),
        ['t1', 't2'],
        ['t2', 't1'],
        ['t1', 'x'],
        ['x', 'i1'],
        ['i1', 'i2'],
        ['i2', 'i1'],
        ['i2', 'i3'],
      ],
    });

  it('treats every node of a cycle nothing enters as a root', () => {
    expect(effectiveLikelihoods(cyclic(undefined))).toEqual({ t1: 5, t2: 2, x: 5, i1: 5, i2: 5, i3: 5 });
  });

  it('starts only outside a cycle that something enters', () => {
    expect(effectiveLikelihoods(cyclic(1))).toEqual({ t0: 1, t1: 1, t2: 1, x: 1, i1: 1, i2: 1, i3: 1 });
    expect(effectiveLikelihoods(cyclic(null))).toMatchObject({ t0: null, t1: 5, t2: 2, x: 5, i3: 5 });
  });
});

describe('riskRanking and riskMatrix', () => {
  it('ranks rated impacts by risk and puts unrated ones last', () => {
    const ranking = riskRanking(graphA);
    expect(ranking.map((r) => [r.nodeId, r.likelihood, r.severity, r.risk, r.rank])).toEqual([
      ['i1', 3, 5, 15, 1],
      ['i2', 3, 2, 6, 2],
      ['i3', null, 4, null, null],
      ['i4', null, 3, null, null],
      ['i5', 3, null, null, null],
    ]);
  });

  it('breaks equal risk by severity, then likelihood, then title, then id', () => {
    // Four impacts all with risk 12:
    //   hi-sev: L3 × S4 (crisis x3), lo-sev: L4 × S3 (crisis x4), twin-b/twin-a: L3 × S4.
    // Severity 4 beats 3 → lo-sev last; among the S4 ones titles decide: "A" (twin-b) < "B" (hi-sev) < "C" (twin-a).
    const doc = scenario({
      nodes: [
        crisis('x3', 3),
        crisis('x4', 4),
        impact('lo-sev', 3, 'c1', 'A'),
        impact('hi-sev', 4, 'c1', 'B'),
        impact('twin-a', 4, 'c1', 'C'),
        impact('twin-b', 4, 'c1', 'A'),
      ],
      edges: [['x4', 'lo-sev'], ['x3', 'hi-sev'], ['x3', 'twin-a'], ['x3', 'twin-b']],
    });
    expect(riskRanking(doc).map((r) => `${r.rank}:${r.nodeId}:${r.risk}`)).toEqual([
      '1:twin-b:12',
      '2:hi-sev:12',
      '3:twin-a:12',
      '4:lo-sev:12',
    ]);
  });

  it('bins impacts into the 5×5 matrix by likelihood and severity', () => {
    const m = riskMatrix(graphA);
    expect(m.crisisId).toBeNull();
    expect(m.cells[2]![4]).toEqual(['i1']); // L3, S5
    expect(m.cells[2]![1]).toEqual(['i2']); // L3, S2
    expect(m.unrated).toEqual(['i3', 'i4', 'i5']);
    const expected = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    expected[2]![4] = 1;
    expected[2]![1] = 1;
    expect(m.counts).toEqual(expected);
  });

  it('gives one matrix per crisis and the same answer when scoped to a crisis', () => {
    // c1: t(4) → x(–) → a(S2): L4 S2.   c2: y(1) → b(S5): L1 S5; c2 is first by order.
    const doc = scenario({
      crises: [{ id: 'c1', order: 1 }, { id: 'c2', order: 0 }],
      nodes: [trigger('t', 4), crisis('x', null), impact('a', 2), crisis('y', 1, 'c2'), impact('b', 5, 'c2')],
      edges: [['t', 'x'], ['x', 'a'], ['y', 'b']],
    });
    const whole = riskAnalysis(doc);
    expect(whole.ranking.map((r) => [r.nodeId, r.risk])).toEqual([['a', 8], ['b', 5]]);
    expect(whole.byCrisis.map((m) => m.crisisId)).toEqual(['c2', 'c1']);
    expect(whole.byCrisis[0]!.cells[0]![4]).toEqual(['b']);
    expect(whole.byCrisis[1]!.cells[3]![1]).toEqual(['a']);
    expect(whole.matrix.counts.flat().reduce((s, c) => s + c, 0)).toBe(2);

    const c1 = riskAnalysis(doc, { crisisId: 'c1' });
    expect(c1.ranking.map((r) => r.nodeId)).toEqual(['a']);
    expect(c1.matrix).toEqual(whole.byCrisis[1]);
    expect(c1.byCrisis).toEqual([whole.byCrisis[1]]);
  });

  it('handles an empty scenario', () => {
    const doc = scenario({ nodes: [] });
    expect(riskRanking(doc)).toEqual([]);
    expect(riskMatrix(doc).counts.flat()).toEqual(new Array(25).fill(0));
  });
});
