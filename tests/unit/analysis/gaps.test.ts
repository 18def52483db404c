import { describe, expect, it } from 'vitest';
import { coverageGaps } from '../../../core/analysis';
import { reduceOps } from '../../../core/patch-document';
import { crisis, impact, response, scenario, trigger, withoutValidation } from './build';

/*
 * Crisis c1:
 *   t1 ─┐          ┌─ i1   (contained by r1 and r2)
 *       ├─ x1 ─────┤
 *   t2 ─┘          └─ i2   (contained by nothing)
 *   r1 (lead us) averts t1, contains i1
 *   r2 (no lead) contains i1
 *   r3 (lead jp) targets nothing
 * By hand: i2 uncontained; t2 unaverted; x1 unaverted; r2 has no lead; r3 is orphaned.
 * r1 is in no gap: it has a lead and two targets.
 */
const base = scenario({
  nodes: [
    trigger('t1', 3),
    trigger('t2', 2),
    crisis('x1', 4),
    impact('i1', 3),
    impact('i2', 5),
    response('r1', 'us'),
    response('r2', null),
    response('r3', 'jp'),
  ],
  edges: [
    ['t1', 'x1'],
    ['t2', 'x1'],
    ['x1', 'i1'],
    ['x1', 'i2'],
    ['r1', 't1'],
    ['r1', 'i1'],
    ['r2', 'i1'],
  ],
});

describe('coverageGaps', () => {
  it('reports each kind of gap on a hand-checked graph', () => {
    const { gaps, counts } = coverageGaps(base);
    expect(gaps).toEqual([
      { kind: 'uncontained-impact', nodeId: 'i2', crisisId: 'c1', title: 'i2' },
      { kind: 'unaverted-trigger', nodeId: 't2', crisisId: 'c1', title: 't2' },
      { kind: 'unaverted-crisis', nodeId: 'x1', crisisId: 'c1', title: 'x1' },
      { kind: 'response-without-lead', nodeId: 'r2', crisisId: 'c1', title: 'r2' },
      { kind: 'orphaned-response', nodeId: 'r3', crisisId: 'c1', title: 'r3' },
    ]);
    expect(counts).toEqual({
      'uncontained-impact': 1,
      'unaverted-trigger': 1,
      'unaverted-crisis': 1,
      'response-without-lead': 1,
      'orphaned-response': 1,
    });
  });

  it('turns a response into an orphan when its targets are deleted', () => {
    // r1's targets are t1 and i1. Deleting both nodes (node.delete patches only the node; the
    // edges left dangling count as no target) leaves r1 pointing at nothing. r2 contained only
    // i1, so it is orphaned too. Deleting just i1 leaves r1 its averts edge to t1.
    const orphansAfter = (ids: string[]) =>
      coverageGaps(reduceOps(base, ids.map((id) => ({ op: 'node.delete' as const, id }))))
        .gaps.filter((g) => g.kind === 'orphaned-response')
        .map((g) => g.nodeId);
    expect(orphansAfter(['t1', 'i1'])).toEqual(['r1', 'r2', 'r3']);
    expect(orphansAfter(['i1'])).toEqual(['r2', 'r3']);
  });

  it('treats an edge left dangling at a deleted target as no target at all', () => {
    // Only the node i1 is removed; its edges stay behind. r2's sole edge now ends nowhere.
    const doc = withoutValidation(base, (d) => {
      d.nodes = d.nodes.filter((n) => n.id !== 'i1');
    });
    const orphans = coverageGaps(doc).gaps.filter((g) => g.kind === 'orphaned-response').map((g) => g.nodeId);
    expect(orphans).toEqual(['r2', 'r3']);
  });

  it('counts a lead naming an unknown actor as no lead', () => {
    const doc = withoutValidation(base, (d) => {
      d.nodes.find((n) => n.id === 'r1')!.leadActorId = 'nobody';
    });
    const unled = coverageGaps(doc).gaps.filter((g) => g.kind === 'response-without-lead').map((g) => g.nodeId);
    expect(unled).toEqual(['r1', 'r2']);
  });

  it('orders by crisis order then title, and restricts to one crisis on request', () => {
    // Crisis "b" has order 0, so its gaps come first although "a" < "b".
    const doc = scenario({
      crises: [
        { id: 'a', order: 1 },
        { id: 'b', order: 0 },
      ],
      nodes: [impact('a2', 3, 'a', 'Zebra'), impact('a1', 3, 'a', 'Apple'), impact('b1', 3, 'b', 'Mango')],
    });
    expect(coverageGaps(doc).gaps.map((g) => g.nodeId)).toEqual(['b1', 'a1', 'a2']);
    expect(coverageGaps(doc, { crisisId: 'a' }).gaps.map((g) => g.nodeId)).toEqual(['a1', 'a2']);
    expect(coverageGaps(doc, { crisisId: 'b' }).counts['uncontained-impact']).toBe(1);
  });

  it('finds no gaps in an empty scenario', () => {
    const { gaps, counts } = coverageGaps(scenario({ nodes: [] }));
    expect(gaps).toEqual([]);
    expect(Object.values(counts)).toEqual([0, 0, 0, 0, 0]);
  });
});

/*
 * Accepted gaps, on the base graph: t2 is marked unavertable (a typhoon); x1's gap is accepted with
 * a reason; r2 (no lead) is accepted with an empty reason; r3 stays open. t1 is unavertable too but
 * r1 averts it anyway: no gap, so nothing to accept. i2 stays an open gap.
 */
describe('coverageGaps: accepted gaps', () => {
  const accepted = withoutValidation(base, (doc) => {
    for (const node of doc.nodes) {
      if (node.id === 't2' || node.id === 't1') node.unavertable = true;
      if (node.id === 'x1') node.gapAccepted = 'Deterrence, not a response, answers this';
      if (node.id === 'r2') node.gapAccepted = '';
    }
  });

  it('lists accepted gaps apart with their reason and leaves them out of the open gaps and counts', () => {
    const { gaps, counts, accepted: apart, acceptedCounts } = coverageGaps(accepted);
    expect(gaps.map((g) => `${g.kind}:${g.nodeId}`)).toEqual(['uncontained-impact:i2', 'orphaned-response:r3']);
    expect(counts).toEqual({ 'uncontained-impact': 1, 'unaverted-trigger': 0, 'unaverted-crisis': 0, 'response-without-lead': 0, 'orphaned-response': 1 });
    expect(apart).toEqual([
      { kind: 'unaverted-trigger', nodeId: 't2', crisisId: 'c1', title: 't2', because: 'unavertable', reason: 'no response can avert it' },
      { kind: 'unaverted-crisis', nodeId: 'x1', crisisId: 'c1', title: 'x1', because: 'accepted', reason: 'Deterrence, not a response, answers this' },
      { kind: 'response-without-lead', nodeId: 'r2', crisisId: 'c1', title: 'r2', because: 'accepted', reason: 'accepted, no reason given' },
    ]);
    expect(acceptedCounts).toEqual({ 'uncontained-impact': 0, 'unaverted-trigger': 1, 'unaverted-crisis': 1, 'response-without-lead': 1, 'orphaned-response': 0 });
  });

  it('gives an unavertable trigger its own reason when it has one, and accepts only its "not averted" gap', () => {
    const reasoned = withoutValidation(accepted, (doc) => {
      doc.nodes.find((n) => n.id === 't2')!.gapAccepted = 'Typhoons are met by the disaster response';
    });
    expect(coverageGaps(reasoned).accepted[0]).toMatchObject({ nodeId: 't2', because: 'unavertable', reason: 'Typhoons are met by the disaster response' });
    // unavertable on anything but a trigger accepts nothing (the schema forbids it anyway).
    const odd = withoutValidation(base, (doc) => {
      doc.nodes.find((n) => n.id === 'r3')!.unavertable = true;
    });
    expect(coverageGaps(odd).gaps.map((g) => g.nodeId)).toContain('r3');
    expect(coverageGaps(odd).accepted).toEqual([]);
  });

  it('reopens a gap when its acceptance is withdrawn', () => {
    const withdrawn = withoutValidation(accepted, (doc) => {
      doc.nodes.find((n) => n.id === 'x1')!.gapAccepted = null;
    });
    expect(coverageGaps(withdrawn).gaps.map((g) => g.nodeId)).toContain('x1');
    expect(coverageGaps(withdrawn).accepted.map((g) => g.nodeId)).toEqual(['t2', 'r2']);
  });
});
