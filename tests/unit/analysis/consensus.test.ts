import { describe, expect, it } from 'vitest';
import { consensus, consensusState, consensusText, type ElementConsensus } from '../../../core/analysis';
import { DEFAULT_ACTORS, type Position, type StanceHolder } from '../../../core/model';
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
      // Every row of the fixture is the default holder: the one agreement rests on analyst estimates.
      agreedBy: { official: 0, participant: 0, analyst: 1 },
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
      summary: { coreActorIds: ['us', 'jp', 'kr', 'cn'], total: 0, agreed: 0, split: 0, partlyUnknown: 0, unasked: 0, agreedBy: { official: 0, participant: 0, analyst: 0 } },
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

/*
 * What an agreement rests on. Core: us, jp, kr, cn (codes US, JP, ROK, PRC).
 *   official     all four agree, all official                       → "agreed by all four (official)"
 *   participants all four agree, all participant views              → "all four participants agree"
 *   estimates    all four agree, all analyst estimates              → "all four agree (analyst estimates)"
 *   mixed        us, jp official; kr participant; cn analyst        → counts, weakest PRC
 *   two-weak     us official; jp, kr, cn participant                → weakest JP, ROK, PRC in actor order
 *   contested    us official agree, cn participant disagree         → names PRC and its holder
 *   partial      us official agree, jp participant uncertain, kr an explicit unknown row held "official", cn none
 *                → kr's row is unknown and counts for no holder; weakest is JP
 * Summary agreedBy: official 1, participant 2 (participants, two-weak), analyst 2 (estimates, mixed).
 */
type HeldRow = [string, string, Position, StanceHolder];
const held = (element: string, spec: Record<string, [Position, StanceHolder]>): HeldRow[] =>
  Object.entries(spec).map(([actor, [p, h]]) => [actor, element, p, h]);
const all4 = (p: Position, h: StanceHolder) => ({ us: [p, h], jp: [p, h], kr: [p, h], cn: [p, h] }) as Record<string, [Position, StanceHolder]>;
const heldDoc = scenario({
  nodes: ['official', 'participants', 'estimates', 'mixed', 'two-weak', 'contested', 'partial'].map((id) => impact(id, 3)),
  stances: [
    ...held('official', all4('agree', 'official')),
    ...held('participants', all4('agree', 'participant')),
    ...held('estimates', all4('agree', 'analyst')),
    ...held('mixed', { us: ['agree', 'official'], jp: ['agree', 'official'], kr: ['agree', 'participant'], cn: ['agree', 'analyst'] }),
    ...held('two-weak', { us: ['agree', 'official'], jp: ['agree', 'participant'], kr: ['agree', 'participant'], cn: ['agree', 'participant'] }),
    ...held('contested', { us: ['agree', 'official'], cn: ['disagree', 'participant'] }),
    ...held('partial', { us: ['agree', 'official'], jp: ['uncertain', 'participant'], kr: ['unknown', 'official'] }),
  ],
});
const heldResult = consensus(heldDoc);
const element = (id: string): ElementConsensus => heldResult.elements.find((e) => e.nodeId === id)!;
const CODES: Record<string, string> = { us: 'US', jp: 'JP', kr: 'ROK', cn: 'PRC' };
const text = (id: string) => consensusText(element(id), heldResult.summary.coreActorIds, (a) => CODES[a] ?? a);

describe('consensus: who holds the positions', () => {
  it('tells an official agreement from a participants\' one and from analyst estimates', () => {
    expect(text('official')).toBe('agreed by all four (official)');
    expect(text('participants')).toBe('all four participants agree');
    expect(text('estimates')).toBe('all four agree (analyst estimates)');
    expect(element('official').holders).toMatchObject({ counts: { official: 4, participant: 0, analyst: 0 }, weakest: 'official' });
  });

  it('names the weakest holder of a mixed agreement, in actor order', () => {
    expect(text('mixed')).toBe('all four agree (2 official positions, 1 participant view, 1 analyst estimate); weakest: PRC (analyst estimate)');
    expect(element('mixed').holders).toMatchObject({ weakest: 'analyst', weakestActorIds: ['cn'] });
    expect(element('two-weak').holders.weakestActorIds).toEqual(['jp', 'kr', 'cn']);
    expect(text('two-weak')).toBe('all four agree (1 official position, 3 participant views); weakest: JP, ROK, PRC (participant view)');
  });

  it('says who disagrees and on what footing', () => {
    expect(text('contested')).toBe('contested: PRC (participant view) disagrees; weakest: PRC (participant view)');
  });

  it('keeps unknown unknown: an unknown row counts for no holder and is listed as unknown', () => {
    const partial = element('partial');
    expect(partial.state).toBe('partly-unknown');
    expect(partial.holders.counts).toEqual({ official: 1, participant: 1, analyst: 0 });
    expect(partial.holders.core).toEqual(['official', 'participant', null, null]);
    expect(text('partial')).toBe('partly unknown: US agree; JP uncertain; ROK, PRC unknown; weakest: JP (participant view)');
  });

  it('counts each agreed element once, under its weakest holder', () => {
    expect(heldResult.summary.agreed).toBe(5);
    expect(heldResult.summary.agreedBy).toEqual({ official: 1, participant: 2, analyst: 2 });
  });

  it('dates an agreement by its oldest view and counts the undated ones', () => {
    const dated = {
      ...heldDoc,
      stances: heldDoc.stances.map((s) =>
        s.elementId !== 'official' ? s : { ...s, asOf: s.actorId === 'us' ? '2016-05-20' : s.actorId === 'jp' ? '2016-06-28' : s.actorId === 'kr' ? '2015-12-01' : null },
      ),
    };
    const official = consensus(dated).elements.find((e) => e.nodeId === 'official')!;
    expect(official.holders).toMatchObject({ earliestAsOf: '2015-12-01', undated: 1 });
  });
});
