import { describe, expect, it } from 'vitest';
import { consensus, consensusState } from '../../../core/analysis';
import { DEFAULT_ACTORS, type Position } from '../../../core/model';
import { crisis, impact, scenario, trigger } from './build';

const EU = { id: 'eu', name: 'European Union', code: 'EU', color: '#223344', order: 4 };
const actors = [...DEFAULT_ACTORS, EU];
type Row = [string, string, Position];
const rows = (element: string, positions: Partial<Record<string, Position>>): Row[] =>
  Object.entries(positions).map(([actor, p]) => [actor, element, p!]);

/*
 * Core actors: us, jp, kr, cn (the default four). eu is not core.
 *   agreed       us jp kr cn agree; eu disagrees              → agreed (eu does not count)
 *   split        us agree, jp disagree, kr –, cn uncertain    → split (one disagree is enough)
 *   all-against  all four disagree                            → split
 *   three-agree  us jp kr agree, cn has no row                → partly-unknown
 *   uncertain    all four uncertain                           → partly-unknown (asked, not sure)
 *   unasked      no core rows, eu agrees                      → unasked
 *   unknown-rows explicit "unknown" rows for all four         → unasked
 * Summary: agreed 1, split 2, partly-unknown 2, unasked 2, total 7.
 */
const doc = scenario({
  actors,
  coreActorIds: ['us', 'jp', 'kr', 'cn'],
  nodes: [
    impact('agreed', 3),
    impact('split', 3),
    impact('all-against', 3),
    trigger('three-agree', 3),
    crisis('uncertain', 3),
    impact('unasked', 3),
    impact('unknown-rows', 3),
  ],
  stances: [
    ...rows('agreed', { us: 'agree', jp: 'agree', kr: 'agree', cn: 'agree', eu: 'disagree' }),
    ...rows('split', { us: 'agree', jp: 'disagree', cn: 'uncertain' }),
    ...rows('all-against', { us: 'disagree', jp: 'disagree', kr: 'disagree', cn: 'disagree' }),
    ...rows('three-agree', { us: 'agree', jp: 'agree', kr: 'agree' }),
    ...rows('uncertain', { us: 'uncertain', jp: 'uncertain', kr: 'uncertain', cn: 'uncertain' }),
    ...rows('unasked', { eu: 'agree' }),
    ...rows('unknown-rows', { us: 'unknown', jp: 'unknown', kr: 'unknown', cn: 'unknown' }),
  ],
});

describe('consensus', () => {
  it('classifies each element from the core actors only', () => {
    const states = Object.fromEntries(consensus(doc).elements.map((e) => [e.nodeId, e.state]));
    expect(states).toEqual({
      agreed: 'agreed',
      split: 'split',
      'all-against': 'split',
      'three-agree': 'partly-unknown',
      uncertain: 'partly-unknown',
      unasked: 'unasked',
      'unknown-rows': 'unasked',
    });
  });

  it('summarises agreed, contested, partly unknown and unasked', () => {
    expect(consensus(doc).summary).toEqual({
      coreActorIds: ['us', 'jp', 'kr', 'cn'],
      total: 7,
      agreed: 1,
      split: 2,
      partlyUnknown: 2,
      unasked: 2,
    });
  });

  it('lists every actor in actor order, a missing row as unknown, and who disagrees', () => {
    const split = consensus(doc).elements.find((e) => e.nodeId === 'split')!;
    expect(consensus(doc).actorIds).toEqual(['us', 'jp', 'kr', 'cn', 'eu']);
    expect(split.positions).toEqual(['agree', 'disagree', 'unknown', 'uncertain', 'unknown']);
    expect(split.disagreeing).toEqual(['jp']);
  });

  it('follows the per-file core actors', () => {
    // Core = us and jp only. three-agree: us, jp agree → agreed. split: jp disagrees → split.
    // uncertain: both uncertain → partly-unknown. unasked: neither asked → unasked.
    // agreed → agreed; all-against → split; unknown-rows → unasked.
    const narrow = { ...doc, scenario: { ...doc.scenario, coreActorIds: ['us', 'jp'] } };
    expect(consensus(narrow).summary).toMatchObject({ agreed: 2, split: 2, partlyUnknown: 1, unasked: 2 });
    // With eu as the only core actor: agreed (eu disagrees) → split; unasked (eu agrees) → agreed; the rest unknown.
    const euOnly = { ...doc, scenario: { ...doc.scenario, coreActorIds: ['eu'] } };
    expect(consensus(euOnly).summary).toMatchObject({ agreed: 1, split: 1, partlyUnknown: 0, unasked: 5 });
  });

  it('calls everything unasked when no core actors are set', () => {
    const none = { ...doc, scenario: { ...doc.scenario, coreActorIds: [] } };
    expect(consensus(none).summary).toMatchObject({ total: 7, agreed: 0, split: 0, partlyUnknown: 0, unasked: 7 });
  });

  it('restricts to one crisis and ignores stances on elements outside it', () => {
    const two = scenario({
      crises: [{ id: 'c1' }, { id: 'c2' }],
      nodes: [impact('a', 3, 'c1'), impact('b', 3, 'c2')],
      stances: [...rows('a', { us: 'agree', jp: 'agree', kr: 'agree', cn: 'agree' }), ...rows('b', { us: 'disagree' })],
    });
    expect(consensus(two, { crisisId: 'c2' }).elements.map((e) => [e.nodeId, e.state])).toEqual([['b', 'split']]);
    expect(consensus(two).summary).toMatchObject({ total: 2, agreed: 1, split: 1 });
  });

  it('handles an empty scenario', () => {
    expect(consensus(scenario({ nodes: [] }))).toEqual({
      actorIds: ['us', 'jp', 'kr', 'cn'],
      elements: [],
      summary: { coreActorIds: ['us', 'jp', 'kr', 'cn'], total: 0, agreed: 0, split: 0, partlyUnknown: 0, unasked: 0 },
    });
  });
});

describe('consensusState', () => {
  it('lets uncertain block agreement without counting as disagreement', () => {
    expect(consensusState(['agree', 'uncertain'])).toBe('partly-unknown');
    expect(consensusState(['uncertain', 'disagree'])).toBe('split');
    expect(consensusState(['unknown', 'uncertain'])).toBe('partly-unknown');
    expect(consensusState(['unknown', 'unknown'])).toBe('unasked');
    expect(consensusState(['agree', 'agree'])).toBe('agreed');
    expect(consensusState([])).toBe('unasked');
  });
});
