import { describe, expect, it } from 'vitest';
import { cascade, PATH_COUNT_CAP } from '../../../core/analysis';
import { AppError } from '../../../core/errors';
import { crisis, impact, response, scenario, trigger } from './build';

/*
 *   t1 ──→ t2                 i1 ─┐
 *    │      │                 ↑   ├─→ i3 ─→ i4
 *    └──→ x ←┘ ──→ (x → i1, x → i2)  i2 ─┘
 *   t3 ─→ x2 ─→ i5   (not downstream of t1)
 *   r1 contains i1, r2 averts x, r3 contains i4, r4 averts t3
 *
 * From t1, by hand:
 *   depth: t1 0 | t2 1, x 1 | i1 2, i2 2 | i3 3 | i4 4
 *   paths: t1 1; t2 1; x = t1→x + t1→t2→x = 2; i1 = i2 = 2; i3 = 2 + 2 = 4; i4 = 4
 *   total: i4 is the only end, 4 complete paths.
 *   uncovered impacts: i2, i3.
 */
const doc = scenario({
  nodes: [
    trigger('t1', 3),
    trigger('t2', 3),
    trigger('t3', 3),
    crisis('x', 3),
    crisis('x2', 3),
    impact('i1', 3),
    impact('i2', 3),
    impact('i3', 3),
    impact('i4', 3),
    impact('i5', 3),
    response('r1', 'us'),
    response('r2', 'us'),
    response('r3', 'us'),
    response('r4', 'us'),
  ],
  edges: [
    ['t1', 't2'],
    ['t1', 'x'],
    ['t2', 'x'],
    ['x', 'i1'],
    ['x', 'i2'],
    ['i1', 'i3'],
    ['i2', 'i3'],
    ['i3', 'i4'],
    ['t3', 'x2'],
    ['x2', 'i5'],
    ['r1', 'i1'],
    ['r2', 'x'],
    ['r3', 'i4'],
    ['r4', 't3'],
  ],
});

const summary = (result: ReturnType<typeof cascade>) =>
  result.reached.map((e) => `${e.nodeId} d${e.depth} p${e.paths}${e.inCycle ? ' cycle' : ''} [${e.coveredBy.join(',')}]`);

describe('cascade', () => {
  it('finds reach, depth, covering responses, uncovered impacts and path counts', () => {
    const result = cascade(doc, ['t1']);
    expect(summary(result)).toEqual([
      't1 d0 p1 []',
      't2 d1 p1 []',
      'x d1 p2 [r2]',
      'i1 d2 p2 [r1]',
      'i2 d2 p2 []',
      'i3 d3 p4 []',
      'i4 d4 p4 [r3]',
    ]);
    expect(result.uncoveredImpactIds).toEqual(['i2', 'i3']);
    expect(result.totalPaths).toBe(4);
    expect(result.totalPathsCapped).toBe(false);
  });

  it('counts paths from every chosen trigger, including through another chosen one', () => {
    // From t1 and t2: t2 = 1 (itself) + 1 (via t1) = 2; x = 1 + 2 = 3; i1 = i2 = 3; i3 = i4 = 6.
    // t3 adds its own branch: x2 = i5 = 1. Ends: i4 (6) and i5 (1) → 7.
    const result = cascade(doc, ['t1', 't2', 't3', 't1']);
    expect(result.triggerIds).toEqual(['t1', 't2', 't3']);
    expect(Object.fromEntries(result.reached.map((e) => [e.nodeId, e.paths]))).toEqual({
      t1: 1, t2: 2, t3: 1, x: 3, x2: 1, i1: 3, i2: 3, i5: 1, i3: 6, i4: 6,
    });
    expect(result.totalPaths).toBe(7);
    expect(result.uncoveredImpactIds).toEqual(['i2', 'i5', 'i3']);
  });

  /*
   * Cycles collapse to one step:
   *   t1 → ta → t2 ⇄ t3 ← tb ← t1,   t2 → x,  t3 → x,   x → i1 ⇄ i2 → i3
   * Components: {t1} {ta} {tb} {t2,t3} {x} {i1,i2} {i3}.
   *   {t2,t3} is entered from ta and from tb → 2 paths; the two edges into x from the
   *   cycle are one component step → x = 2; i1 = i2 = 2; i3 = 2; total 2.
   */
  it('collapses leads-to cycles and counts each way into them once', () => {
    const cyclic = scenario({
      nodes: ['t1', 'ta', 'tb', 't2', 't3'].map((id) => trigger(id, 2)).concat([crisis('x', 2), impact('i1', 2), impact('i2', 2), impact('i3', 2)]),
      edges: [
        ['t1', 'ta'], ['t1', 'tb'], ['ta', 't2'], ['tb', 't3'], ['t2', 't3'], ['t3', 't2'],
        ['t2', 'x'], ['t3', 'x'], ['x', 'i1'], ['i1', 'i2'], ['i2', 'i1'], ['i2', 'i3'],
      ],
    });
    const result = cascade(cyclic, ['t1']);
    expect(summary(result)).toEqual([
      't1 d0 p1 []',
      'ta d1 p1 []',
      'tb d1 p1 []',
      't2 d2 p2 cycle []',
      't3 d2 p2 cycle []',
      'x d3 p2 []',
      'i1 d4 p2 cycle []',
      'i2 d5 p2 cycle []',
      'i3 d6 p2 []',
    ]);
    expect(result.totalPaths).toBe(2);
    // Starting inside the cycle: t1, ta and tb are not downstream; one start, one path each.
    expect(cascade(cyclic, ['t3']).reached.map((e) => `${e.nodeId}:${e.paths}`)).toEqual([
      't3:1', 't2:1', 'x:1', 'i1:1', 'i2:1', 'i3:1',
    ]);
  });

  it('saturates huge path counts at the cap and flags them', () => {
    // x feeds a0 and b0; every layer k feeds both nodes of layer k+1, so each node of
    // layer k has 2^k paths. 2^52 still fits; 2^53 exceeds MAX_SAFE_INTEGER (2^53 - 1).
    const layers = 60;
    const nodes = [trigger('t', 3), crisis('x', 3)];
    const edges: [string, string][] = [['t', 'x'], ['x', 'a0'], ['x', 'b0']];
    for (let k = 0; k < layers; k++) {
      nodes.push(impact(`a${k}`, 3), impact(`b${k}`, 3));
      if (k > 0) edges.push([`a${k - 1}`, `a${k}`], [`a${k - 1}`, `b${k}`], [`b${k - 1}`, `a${k}`], [`b${k - 1}`, `b${k}`]);
    }
    const result = cascade(scenario({ nodes, edges }), ['t']);
    const byId = new Map(result.reached.map((e) => [e.nodeId, e]));
    expect(byId.get('a52')).toMatchObject({ paths: 2 ** 52, pathsCapped: false });
    expect(byId.get('a53')).toMatchObject({ paths: PATH_COUNT_CAP, pathsCapped: true });
    expect(byId.get(`b${layers - 1}`)).toMatchObject({ paths: PATH_COUNT_CAP, pathsCapped: true });
    expect(result.totalPaths).toBe(PATH_COUNT_CAP);
    expect(result.totalPathsCapped).toBe(true);
  });

  it('refuses unknown ids and non-triggers with typed errors', () => {
    expect(() => cascade(doc, ['nope'])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => cascade(doc, ['x'])).toThrow(AppError);
    expect(() => cascade(doc, ['x'])).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });

  it('reaches nothing from no triggers or in an empty scenario', () => {
    expect(cascade(doc, [])).toEqual({ triggerIds: [], reached: [], uncoveredImpactIds: [], totalPaths: 0, totalPathsCapped: false });
    expect(cascade(scenario({ nodes: [] }), []).reached).toEqual([]);
  });

  it('survives a 20 000-node chain without overflowing the stack', () => {
    // One path all the way: every node has exactly one path and the end is 19 999 steps away.
    const n = 20_000;
    const nodes = Array.from({ length: n }, (_, i) => (i === 0 ? trigger('n0', 3) : i === 1 ? crisis('n1', 3) : impact(`n${i}`, 3)));
    const edges = Array.from({ length: n - 1 }, (_, i): [string, string] => [`n${i}`, `n${i + 1}`]);
    const result = cascade(scenario({ nodes, edges }), ['n0']);
    expect(result.reached).toHaveLength(n);
    expect(result.reached.at(-1)).toMatchObject({ nodeId: `n${n - 1}`, depth: n - 1, paths: 1 });
    expect(result.totalPaths).toBe(1);
  });
});
