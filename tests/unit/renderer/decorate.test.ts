// Canvas view modes on a small hand-built crisis: which nodes are coloured, flagged or dimmed.
import { describe, expect, it } from 'vitest';
import { blankNode, emptyDocument, type GraphEdge } from '../../../core/model';
import { decorateNodes } from '../../../renderer/src/analysis/decorate';
import { ACCEPTED_GAP_TONE, CONSENSUS_TONE, GAP_TONE } from '../../../renderer/src/analysis/tones';

function crisis() {
  const doc = emptyDocument({ title: 'Modes', now: '2026-01-01T00:00:00.000Z' });
  doc.crises.push({ id: 'c', title: 'C', region: '', summary: '', status: 'draft', viewport: { x: 0, y: 0, zoom: 1 }, order: 0 });
  // t1 → k → i1 → i2;  t2 (unconnected);  r contains i1 (i2 is left uncovered)
  doc.nodes.push(
    { ...blankNode('trigger', 'c', 't1', { x: 0, y: 0 }), likelihood: 3 },
    { ...blankNode('trigger', 'c', 't2', { x: 0, y: 200 }), likelihood: 3 },
    { ...blankNode('crisis', 'c', 'k', { x: 300, y: 0 }), likelihood: 3 },
    { ...blankNode('impact', 'c', 'i1', { x: 600, y: 0 }), severity: 4 },
    { ...blankNode('impact', 'c', 'i2', { x: 900, y: 0 }), severity: 2 },
    { ...blankNode('response', 'c', 'r', { x: 600, y: 200 }), leadActorId: 'us' },
  );
  const edge = (id: string, source: string, target: string, kind: GraphEdge['kind']): GraphEdge => ({ id, crisisId: 'c', source, target, kind, label: '', confidence: null, basis: {} });
  doc.edges.push(edge('e1', 't1', 'k', 'leads-to'), edge('e2', 'k', 'i1', 'leads-to'), edge('e3', 'i1', 'i2', 'leads-to'), edge('e4', 'r', 'i1', 'contains'));
  for (const actor of ['us', 'jp', 'kr', 'cn']) doc.stances.push({ actorId: actor, elementId: 'i1', position: 'agree', note: '', holder: 'analyst', asOf: null, basis: 'planner', provenanceId: null });
  doc.stances.push({ actorId: 'cn', elementId: 'i2', position: 'disagree', note: 'warned', holder: 'analyst', asOf: null, basis: 'planner', provenanceId: null });
  return doc;
}

describe('canvas view modes', () => {
  it('normal mode decorates nothing', () => {
    expect(decorateNodes(crisis(), 'c', { mode: 'normal', whatIf: [] }).size).toBe(0);
  });

  it('consensus mode colours by consensus state', () => {
    const d = decorateNodes(crisis(), 'c', { mode: 'consensus', whatIf: [] });
    expect(d.get('i1')?.tone).toBe(CONSENSUS_TONE.agreed);
    expect(d.get('i2')?.tone).toBe(CONSENSUS_TONE.split);
    expect(d.get('t2')?.tone).toBe(CONSENSUS_TONE.unasked);
    // All four rows on i1 are analyst estimates: the badge says so.
    expect(d.get('i1')?.badge).toBe('agreed · estimates');
  });

  it('consensus mode names the weakest holder of a mixed agreement', () => {
    const doc = crisis();
    for (const s of doc.stances) if (s.elementId === 'i1' && s.actorId !== 'cn') s.holder = 'official';
    expect(decorateNodes(doc, 'c', { mode: 'consensus', whatIf: [] }).get('i1')?.badge).toBe('agreed · weakest: estimates');
    for (const s of doc.stances) if (s.elementId === 'i1') s.holder = 'official';
    expect(decorateNodes(structuredClone(doc), 'c', { mode: 'consensus', whatIf: [] }).get('i1')?.badge).toBe('agreed · official');
  });

  it('coverage mode shows accepted gaps in their own tone, never as covered or open', () => {
    const doc = crisis();
    doc.nodes.find((n) => n.id === 't2')!.unavertable = true;
    doc.nodes.find((n) => n.id === 'i2')!.gapAccepted = 'Markets recover on their own';
    const d = decorateNodes(doc, 'c', { mode: 'coverage', whatIf: [] });
    expect(d.get('t2')).toEqual({ tone: ACCEPTED_GAP_TONE, badge: 'unavertable' });
    expect(d.get('i2')).toEqual({ tone: ACCEPTED_GAP_TONE, badge: 'gap accepted' });
    expect(d.get('t1')?.flagged).toBe(true);
  });

  it('coverage mode flags exactly the gaps', () => {
    const d = decorateNodes(crisis(), 'c', { mode: 'coverage', whatIf: [] });
    const flagged = [...d].filter(([, v]) => v.flagged).map(([id]) => id).sort();
    // i2 is contained by nothing; no response averts t1, t2 or the crisis.
    expect(flagged).toEqual(['i2', 'k', 't1', 't2']);
    expect(d.get('i2')?.tone).toBe(GAP_TONE);
    expect(d.get('i1')?.flagged).toBeFalsy();
  });

  it('what-if dims everything outside the cascade but the responses that answer it', () => {
    const d = decorateNodes(crisis(), 'c', { mode: 'what-if', whatIf: ['t1'] });
    expect(d.get('t2')?.dimmed).toBe(true);
    expect(d.get('r')?.dimmed).toBeFalsy();
    expect(d.get('t1')?.badge).toBe('fires');
    expect(d.get('i2')).toMatchObject({ flagged: true, badge: 'uncovered' });
    expect(d.get('i1')?.flagged).toBeFalsy();
    expect(d.get('k')?.dimmed).toBeFalsy();
  });

  it('risk mode gives impacts a heat colour and a risk badge', () => {
    const d = decorateNodes(crisis(), 'c', { mode: 'risk', whatIf: [] });
    // Effective likelihood of i1 is 3 (t1 and k both score 3), so risk = 3 × 4.
    expect(d.get('i1')?.badge).toBe('risk 12');
    expect(d.get('i2')?.badge).toBe('risk 6');
  });
});
