import { describe, expect, it } from 'vitest';
import { responsibilities } from '../../../core/analysis';
import { impact, response, scenario } from './build';

/*
 * Crises: north (order 1), south (order 0) → south lists first.
 *   rA  north  lead us, supporters jp, kr   status agreed    "Airlift"
 *   rB  south  lead jp, supporters us       status idea      "Blockade relief"
 *   rC  south  lead us, supporters us, cn   status in-place  "Cash transfers"  (us both → lead only)
 *   rD  north  no lead, supporters kr       status proposed  "Desalination"
 * By hand:
 *   us: leads rC (south), rA (north)  [crisis order first]; supports rB     ; crises south, north
 *   jp: leads rB;                        supports rA                        ; crises south, north
 *   kr: leads –;                         supports rA, rD (north, by title)  ; crises north
 *   cn: leads –;                         supports rC                        ; crises south
 */
const doc = scenario({
  crises: [{ id: 'north', order: 1 }, { id: 'south', order: 0 }],
  nodes: [
    response('rA', 'us', { crisisId: 'north', supporters: ['jp', 'kr'], status: 'agreed', title: 'Airlift' }),
    response('rB', 'jp', { crisisId: 'south', supporters: ['us'], status: 'idea', title: 'Blockade relief' }),
    response('rC', 'us', { crisisId: 'south', supporters: ['us', 'cn'], status: 'in-place', title: 'Cash transfers' }),
    response('rD', null, { crisisId: 'north', supporters: ['kr'], status: 'proposed', title: 'Desalination' }),
    impact('i', 3, 'north'),
  ],
});

const brief = (list: { responseId: string; status: string | null }[]) => list.map((r) => `${r.responseId}:${r.status}`);

describe('responsibilities', () => {
  it('lists what each actor leads and supports, with status and crises', () => {
    const result = responsibilities(doc);
    expect(result.map((a) => [a.actorId, brief(a.leads), brief(a.supports), a.crisisIds])).toEqual([
      ['us', ['rC:in-place', 'rA:agreed'], ['rB:idea'], ['south', 'north']],
      ['jp', ['rB:idea'], ['rA:agreed'], ['south', 'north']],
      ['kr', [], ['rA:agreed', 'rD:proposed'], ['north']],
      ['cn', [], ['rC:in-place'], ['south']],
    ]);
    expect(result[0]!.leads[0]).toEqual({ responseId: 'rC', crisisId: 'south', title: 'Cash transfers', status: 'in-place' });
    expect(result[0]).toMatchObject({ name: 'United States', code: 'US' });
  });

  it('restricts to one crisis', () => {
    const north = responsibilities(doc, { crisisId: 'north' });
    expect(north.map((a) => [a.actorId, brief(a.leads), brief(a.supports), a.crisisIds])).toEqual([
      ['us', ['rA:agreed'], [], ['north']],
      ['jp', [], ['rA:agreed'], ['north']],
      ['kr', [], ['rA:agreed', 'rD:proposed'], ['north']],
      ['cn', [], [], []],
    ]);
  });

  it('lists every actor even in an empty scenario', () => {
    expect(responsibilities(scenario({ nodes: [] })).map((a) => [a.actorId, a.leads.length, a.supports.length])).toEqual([
      ['us', 0, 0],
      ['jp', 0, 0],
      ['kr', 0, 0],
      ['cn', 0, 0],
    ]);
  });
});
