// The basis rule for edits (core/model/settle.ts), held to the same result in the store and in
// the in-memory mirror, and the stance defaults an edit that does not say takes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphNode, blankNode, isIsoDate, settleEdgePatch, settleNodePatch, type GraphEdge } from '../../../core/model';
import { reduceOps } from '../../../core/patch-document';
import { editStanceOp, stanceOfOp, type Op } from '../../../core/ops';
import type { Stance } from '../../../core/model';
import { canonicalDocument, type ScenarioStore } from '../../../db';
import { createRich, tempDir, withoutModifiedAt } from '../db/helpers';

const trigger = (): GraphNode => ({ ...blankNode('trigger', 'c', 't', { x: 0, y: 0 }), likelihood: 4, horizon: 'weeks', basis: { likelihood: 'report', horizon: 'assumption' } });

describe('settleNodePatch', () => {
  it('a new node starts unscored, with no basis but for the status a new response gets', () => {
    expect(blankNode('trigger', 'c', 'n', { x: 0, y: 0 })).toMatchObject({ likelihood: null, basis: {}, unavertable: false, gapAccepted: null });
    expect(blankNode('impact', 'c', 'n', { x: 0, y: 0 })).toMatchObject({ severity: null, basis: {} });
    expect(blankNode('response', 'c', 'n', { x: 0, y: 0 })).toMatchObject({ responseStatus: 'idea', basis: { responseStatus: 'planner' }, statusAsOf: null });
  });

  it('a value the edit changes becomes planner; the others keep theirs', () => {
    expect(settleNodePatch(trigger(), { likelihood: 2 })).toEqual({ likelihood: 2, basis: { likelihood: 'planner', horizon: 'assumption' } });
  });

  it('an edit that names the basis sets all of it', () => {
    expect(settleNodePatch(trigger(), { likelihood: 2, basis: { likelihood: 'inferred', horizon: 'assumption' } })).toEqual({
      likelihood: 2, basis: { likelihood: 'inferred', horizon: 'assumption' },
    });
    expect(settleNodePatch(trigger(), { basis: { likelihood: 'assumption' } })).toEqual({ basis: { likelihood: 'assumption' } });
  });

  it('blanking a value drops its basis: unscored has no basis', () => {
    expect(settleNodePatch(trigger(), { likelihood: null })).toEqual({ likelihood: null, basis: { horizon: 'assumption' } });
    expect(settleNodePatch(trigger(), { likelihood: null, basis: { likelihood: 'report', horizon: 'report' } })).toEqual({ likelihood: null, basis: { horizon: 'report' } });
  });

  it('an edit that touches no judged value leaves the basis alone, and so does setting a value to what it was', () => {
    expect(settleNodePatch(trigger(), { title: 'Renamed' })).toEqual({ title: 'Renamed' });
    expect(settleNodePatch(trigger(), { likelihood: 4 })).toEqual({ likelihood: 4 });
  });

  it('an edge: a changed confidence becomes planner, its kind keeps its basis', () => {
    const edge: GraphEdge = { id: 'e', crisisId: 'c', source: 'a', target: 'b', kind: 'leads-to', label: '', confidence: 'high', basis: { kind: 'report', confidence: 'report' } };
    expect(settleEdgePatch(edge, { confidence: 'low' })).toEqual({ confidence: 'low', basis: { kind: 'report', confidence: 'planner' } });
    expect(settleEdgePatch(edge, { confidence: null })).toEqual({ confidence: null, basis: { kind: 'report' } });
    expect(settleEdgePatch(edge, { label: 'x' })).toEqual({ label: 'x' });
  });

  it('dates are calendar dates that exist', () => {
    expect(['2016-07-12', '2016-02-29'].every(isIsoDate)).toBe(true);
    expect(['2015-02-29', '2016-13-01', '2016-7-12', '12/07/2016', ''].some(isIsoDate)).toBe(false);
  });
});

describe('editStanceOp: a user edit of one stance', () => {
  const participant: Stance = { actorId: 'kr', elementId: 'n', position: 'agree', note: 'said at the conference', holder: 'participant', asOf: '2016-06-28', basis: 'report', provenanceId: 'q1' };

  it('a changed position becomes the planner\'s; holder, date, note and quote stay until changed', () => {
    expect(stanceOfOp(editStanceOp('kr', 'n', participant, { position: 'uncertain' }))).toEqual({ ...participant, position: 'uncertain', basis: 'planner' });
  });

  it('a note, holder, date or quote edit keeps the basis and everything else', () => {
    expect(stanceOfOp(editStanceOp('kr', 'n', participant, { note: 'more' }))).toEqual({ ...participant, note: 'more' });
    expect(stanceOfOp(editStanceOp('kr', 'n', participant, { holder: 'official', asOf: null, provenanceId: null }))).toEqual({ ...participant, holder: 'official', asOf: null, provenanceId: null });
    // Pressing the position it already has changes nothing.
    expect(stanceOfOp(editStanceOp('kr', 'n', participant, { position: 'agree' }))).toEqual(participant);
  });

  it('a position with its basis named keeps that basis; a first position starts from the defaults', () => {
    expect(stanceOfOp(editStanceOp('kr', 'n', participant, { position: 'disagree', basis: 'inferred' }))).toMatchObject({ position: 'disagree', basis: 'inferred' });
    expect(stanceOfOp(editStanceOp('us', 'n', undefined, { position: 'agree' }))).toEqual({ actorId: 'us', elementId: 'n', position: 'agree', note: '', holder: 'analyst', asOf: null, basis: 'planner', provenanceId: null });
    // Back to unknown with no note clears the row, as any stance.set does.
    expect(stanceOfOp(editStanceOp('us', 'n', undefined, { position: 'unknown' }))).toBeNull();
  });
});

describe('the store and the mirror apply the rule alike', () => {
  let dir: { dir: string; cleanup: () => void };
  let store: ScenarioStore;
  beforeEach(() => {
    dir = tempDir();
    store = createRich(dir.dir);
  });
  afterEach(() => {
    store.close();
    dir.cleanup();
  });

  const batches: [string, Op[]][] = [
    ['a score edit', [{ op: 'node.update', id: 'n-trigger', patch: { likelihood: 2 } }]],
    ['a basis choice', [{ op: 'node.update', id: 'n-trigger', patch: { basis: { likelihood: 'inferred', horizon: 'report' } } }]],
    ['a blanked lead', [{ op: 'node.update', id: 'n-response', patch: { leadActorId: null } }]],
    ['an accepted gap and an unavertable trigger', [{ op: 'node.update', id: 'n-trigger', patch: { unavertable: true, gapAccepted: 'A typhoon' } }]],
    ['a confidence edit', [{ op: 'edge.update', id: 'e-1', patch: { confidence: 'low' } }]],
    ['a stance left at the defaults', [{ op: 'stance.set', actorId: 'kr', elementId: 'n-trigger', position: 'agree', note: '' }]],
    ['an official stance citing a quote', [{ op: 'stance.set', actorId: 'kr', elementId: 'n-trigger', position: 'agree', note: 'said so', holder: 'official', asOf: '2016-07-01', basis: 'report', provenanceId: 'p-1' }]],
    ['deleting a cited quote', [{ op: 'provenance.delete', id: 'p-1' }]],
    ['deleting the source of a cited quote', [{ op: 'source.delete', id: 's-1' }]],
    ['deleting an actor that leads', [{ op: 'actor.delete', id: 'jp' }]],
    ['marking a quote as evidence against', [{ op: 'provenance.update', id: 'p-1', patch: { relation: 'contradicts' } }]],
    ['dating the scenario', [{ op: 'scenario.update', patch: { asOf: '2016-06-30' } }]],
  ];
  for (const [name, ops] of batches) {
    it(`${name}: same document, and undo restores it exactly`, () => {
      const before = store.load();
      const change = store.apply(ops);
      const after = store.load();
      expect(withoutModifiedAt(canonicalDocument(reduceOps(before, change.applied)))).toEqual(withoutModifiedAt(after));
      expect(GraphNode.array().safeParse(after.nodes).success).toBe(true);
      store.apply(change.inverse);
      expect(withoutModifiedAt(store.load())).toEqual(withoutModifiedAt(before));
    });
  }

  it('a quote cited by a stance, once deleted, is cited by no one; undo brings the citation back', () => {
    const change = store.apply([{ op: 'provenance.delete', id: 'p-1' }]);
    expect(store.load().stances.find((s) => s.actorId === 'cn')).toMatchObject({ holder: 'official', provenanceId: null });
    store.apply(change.inverse);
    expect(store.load().stances.find((s) => s.actorId === 'cn')).toMatchObject({ provenanceId: 'p-1' });
  });

  it('a stance may cite only a quote on its own node', () => {
    expect(() => store.apply([{ op: 'stance.set', actorId: 'kr', elementId: 'n-response', position: 'agree', note: '', provenanceId: 'p-1' }])).toThrow(
      expect.objectContaining({ code: 'INVALID_DATA' }),
    );
  });

  it('an impact cannot be unavertable, and a trigger has no response status date', () => {
    expect(() => store.apply([{ op: 'node.update', id: 'n-impact', patch: { unavertable: true } }])).toThrow(expect.objectContaining({ code: 'INVALID_DATA' }));
    expect(() => store.apply([{ op: 'node.update', id: 'n-trigger', patch: { statusAsOf: '2016-01-01' } }])).toThrow(expect.objectContaining({ code: 'INVALID_DATA' }));
  });
});
