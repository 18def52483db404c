import { describe, expect, it } from 'vitest';
import { analyzeDocument, printableText, formatAnalysisText, alignColumns } from '../../../core/analysis';
import { generateDocument } from '../../../bench/fixtures';
import { crisis, impact, response, scenario, trigger } from './build';

/*
 * One crisis, "Korean Peninsula":
 *   t1(4) → x(3) → i1(S5), x → i2(S2);  r1 (lead us, support jp, agreed) contains i1;
 *   r2 (no lead) targets nothing; t2 (unscored, a typhoon: unavertable) → x.
 * Gaps: i2 uncontained; t1 and x unaverted; r2 unled and orphaned. Accepted apart: t2, which
 * no response can avert.
 * Risk: x = min(4, 3) = 3, so i1 = 3×5 = 15, i2 = 3×2 = 6.
 * Consensus: i1 agreed by all four, on two official positions, a participant view and an analyst
 * estimate (PRC's, the weakest); i2 contested (PRC disagrees, analyst estimate); the other 5 unasked.
 * The title of t1 carries a newline and a right-to-left override, both flattened to spaces.
 */
const doc = scenario({
  crises: [{ id: 'c1', title: 'Korean Peninsula' }],
  nodes: [
    trigger('t1', 4, 'c1', 'Missile\ntest \u202Eevil'),
    { ...trigger('t2', null, 'c1', 'Typhoon landfall'), unavertable: true },
    crisis('x', 3, 'c1', 'Border clash'),
    impact('i1', 5, 'c1', 'Refugee flows'),
    impact('i2', 2, 'c1', 'Market shock'),
    response('r1', 'us', { supporters: ['jp'], status: 'agreed', title: 'Humanitarian corridor' }),
    response('r2', null, { title: 'Sanctions' }),
  ],
  edges: [['t1', 'x'], ['t2', 'x'], ['x', 'i1'], ['x', 'i2'], ['r1', 'i1']],
  stances: [
    ['us', 'i1', 'agree', 'official'],
    ['jp', 'i1', 'agree', 'official'],
    ['kr', 'i1', 'agree', 'participant'],
    ['cn', 'i1', 'agree'],
    ['cn', 'i2', 'disagree'],
  ],
});

const EXPECTED_TEXT = `Analysis of "Test scenario": whole file, 1 crisis

COVERAGE GAPS (5)
  impact nothing contains  1
  trigger nothing averts   1
  crisis nothing averts    1
  response without a lead  1
  response with no target  1

  GAP                      CRISIS            ID  TITLE
  impact nothing contains  Korean Peninsula  i2  Market shock
  trigger nothing averts   Korean Peninsula  t1  Missile test evil
  crisis nothing averts    Korean Peninsula  x   Border clash
  response without a lead  Korean Peninsula  r2  Sanctions
  response with no target  Korean Peninsula  r2  Sanctions

ACCEPTED GAPS (1; not counted above)
  GAP                     CRISIS            ID  TITLE             REASON
  trigger nothing averts  Korean Peninsula  t2  Typhoon landfall  no response can avert it

RISK RANKING (2 impacts, 2 rated; risk = likelihood × severity)
  RANK  RISK  L  S  CRISIS            ID  TITLE
     1    15  3  5  Korean Peninsula  i1  Refugee flows
     2     6  3  2  Korean Peninsula  i2  Market shock

RISK MATRIX (impacts per likelihood × severity cell)
      S1  S2  S3  S4  S5
  L5   0   0   0   0   0
  L4   0   0   0   0   0
  L3   0   1   0   0   1
  L2   0   0   0   0   0
  L1   0   0   0   0   0

CONSENSUS (7 elements; core actors: US, JP, ROK, PRC)
  agreed by all four  1
  contested           1
  partly unknown      0
  nobody has asked    5
    resting at weakest on analyst estimates  1

  Agreed and contested, with what each rests on:
    KIND    CRISIS            ID  TITLE          CONSENSUS
    impact  Korean Peninsula  i2  Market shock   contested: PRC (analyst estimate) disagrees
    impact  Korean Peninsula  i1  Refugee flows  all four agree (2 official positions, 1 participant view, 1 analyst estimate); weakest: PRC (analyst estimate)

RESPONSIBILITIES
  US United States: leads 1, supports 0; crises: Korean Peninsula
    lead  agreed  Korean Peninsula  r1  Humanitarian corridor
  JP Japan: leads 0, supports 1; crises: Korean Peninsula
    support  agreed  Korean Peninsula  r1  Humanitarian corridor
  ROK Republic of Korea: leads 0, supports 0; crises: none
  PRC China: leads 0, supports 0; crises: none
`;

describe('analyzeDocument', () => {
  it('combines the four analyses into plain JSON data', () => {
    const result = analyzeDocument(doc);
    expect(result.crises).toEqual([{ id: 'c1', title: 'Korean Peninsula' }]);
    expect(result.gaps.gaps.map((g) => `${g.kind}:${g.nodeId}`)).toEqual([
      'uncontained-impact:i2',
      'unaverted-trigger:t1',
      'unaverted-crisis:x',
      'response-without-lead:r2',
      'orphaned-response:r2',
    ]);
    expect(result.risk.ranking.map((r) => [r.nodeId, r.risk])).toEqual([['i1', 15], ['i2', 6]]);
    expect(result.consensus.summary).toMatchObject({ agreed: 1, split: 1, partlyUnknown: 0, unasked: 5, agreedBy: { official: 0, participant: 0, analyst: 1 } });
    expect(result.gaps.accepted).toEqual([
      { kind: 'unaverted-trigger', nodeId: 't2', crisisId: 'c1', title: 'Typhoon landfall', because: 'unavertable', reason: 'no response can avert it' },
    ]);
    expect(result.responsibilities[0]!.leads.map((r) => r.responseId)).toEqual(['r1']);
    // --json prints JSON.stringify(result): nothing may be lost on the way (no Map, Set, BigInt).
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('gives the same answer whatever order the file lists things in', () => {
    // Ties are broken by crisis order, title and id, never by position in the input.
    const big = generateDocument({ crises: 3, nodesPerCrisis: 300, edgeFactor: 1.5, seed: 5 });
    const reversed = {
      ...big,
      actors: [...big.actors].reverse(),
      crises: [...big.crises].reverse(),
      nodes: [...big.nodes].reverse(),
      edges: [...big.edges].reverse(),
      stances: [...big.stances].reverse(),
    };
    expect(analyzeDocument(reversed)).toEqual(analyzeDocument(big));
  });

  it('scopes to a crisis and refuses one that does not exist', () => {
    const two = scenario({
      crises: [{ id: 'a' }, { id: 'b' }],
      nodes: [impact('ia', 3, 'a'), impact('ib', 3, 'b')],
    });
    const onlyB = analyzeDocument(two, { crisisId: 'b' });
    expect(onlyB.crisisId).toBe('b');
    expect(onlyB.gaps.gaps.map((g) => g.nodeId)).toEqual(['ib']);
    expect(onlyB.consensus.summary.total).toBe(1);
    expect(() => analyzeDocument(two, { crisisId: 'zzz' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('formatAnalysisText', () => {
  it('prints every section aligned, as worked out above', () => {
    expect(formatAnalysisText(analyzeDocument(doc))).toBe(EXPECTED_TEXT);
  });

  it('names the crisis when scoped and says when there is nothing to rank', () => {
    const text = formatAnalysisText(analyzeDocument(scenario({ crises: [{ id: 'c1', title: 'Strait' }], nodes: [] }), { crisisId: 'c1' }));
    expect(text.split('\n')[0]).toBe('Analysis of "Test scenario": crisis Strait (c1)');
    expect(text).toContain('RISK RANKING (0 impacts, 0 rated; risk = likelihood × severity)\n  No impacts.');
  });
  it('says "unscored" and "unrated" for blank scores, never a number, and counts them under the matrix', () => {
    // i has severity 3 but nothing scored leads to it: no likelihood, so no risk and no rank.
    // j has no severity at all.
    const text = formatAnalysisText(analyzeDocument(scenario({ nodes: [impact('i', 3, 'c1', 'Lonely'), impact('j', null, 'c1', 'Blank')] })));
    expect(text).toContain(
      [
        'RISK RANKING (2 impacts, 0 rated; risk = likelihood × severity)',
        '  RANK     RISK         L         S  CRISIS     ID  TITLE',
        '     -  unrated  unscored         3  Crisis c1  i   Lonely',
        '     -  unrated  unscored  unscored  Crisis c1  j   Blank',
      ].join('\n'),
    );
    expect(text).toContain('  Unrated (likelihood or severity unscored): 2\n');
  });
});

describe('text helpers', () => {
  it('flattens control and bidi characters and cuts long text by code points', () => {
    expect(printableText('a\tb\u0000c\u2066d\u200fe', 20)).toBe('a b c d e');
    expect(printableText('  spaced   out  ', 20)).toBe('spaced out');
    expect(printableText('abcdefghij', 5)).toBe('abcd…');
    expect(printableText('😀😀😀😀😀😀', 4)).toBe('😀😀😀…');
  });

  it('pads columns to the widest cell without trailing spaces', () => {
    expect(alignColumns(['A', 'NUM'], [['xx', '1'], ['y', '100']], [false, true])).toEqual(['A   NUM', 'xx    1', 'y   100']);
    expect(alignColumns([], [['long', 'z'], ['s', 'zz']])).toEqual(['long  z', 's     zz']);
  });
});
