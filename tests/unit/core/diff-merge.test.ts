/** Diff and merge on hand-made cases a planner would recognise. */
import { describe, expect, it } from 'vitest';
import { conflictKey, diffDocuments, mergeDocuments } from '../../../core/diff';
import { blankNode, emptyDocument, type ScenarioDocument } from '../../../core/model';
import { reduceOps } from '../../../core/patch-document';
import type { Op } from '../../../core/ops';
import { withCascade } from '../support/random-edits';

const NOW = '2026-01-01T00:00:00.000Z';

function base(): ScenarioDocument {
  const doc = emptyDocument({ title: 'Strait', now: NOW });
  return reduceOps(doc, [
    { op: 'crisis.create', crisis: { id: 'c1', title: 'Blockade', region: '', summary: '', status: 'active', viewport: { x: 0, y: 0, zoom: 1 }, order: 0 } },
    { op: 'node.create', node: { ...blankNode('trigger', 'c1', 't1', { x: 0, y: 0 }), title: 'Typhoon' } },
    { op: 'node.create', node: { ...blankNode('impact', 'c1', 'i1', { x: 300, y: 0 }), title: 'Port closed' } },
    { op: 'edge.create', edge: { id: 'e1', crisisId: 'c1', source: 't1', target: 'i1', kind: 'leads-to', label: '', confidence: null, basis: {} } },
    { op: 'stance.set', actorId: 'jp', elementId: 'i1', position: 'agree', note: '' },
  ]);
}
const edit = (doc: ScenarioDocument, ops: Op[]): ScenarioDocument => ops.reduce((d, op) => reduceOps(d, withCascade(d, op)), doc);

describe('diff', () => {
  it('reports a rename field by field, a stance by actorId/elementId, and moves apart', () => {
    const a = base();
    const b = edit(a, [
      { op: 'node.update', id: 't1', patch: { title: 'Super typhoon', x: 50 } },
      { op: 'node.update', id: 'i1', patch: { y: 99 } },
      { op: 'stance.set', actorId: 'jp', elementId: 'i1', position: 'disagree', note: 'ports reopen in a day' },
      { op: 'stance.set', actorId: 'kr', elementId: 'i1', position: 'agree', note: '' },
      { op: 'edge.delete', id: 'e1' },
    ]);
    const diff = diffDocuments(a, b);
    expect(diff.changed).toContainEqual({ type: 'node', id: 't1', fields: { title: { from: 'Typhoon', to: 'Super typhoon' } } });
    expect(diff.changed).toContainEqual({ type: 'stance', id: 'jp/i1', fields: { position: { from: 'agree', to: 'disagree' }, note: { from: '', to: 'ports reopen in a day' } } });
    expect(diff.added.map((x) => [x.type, x.id])).toEqual([['stance', 'kr/i1']]);
    expect(diff.removed.map((x) => [x.type, x.id])).toEqual([['edge', 'e1']]);
    expect(diff.moved).toEqual([
      { type: 'node', id: 't1', fields: { x: { from: 0, to: 50 } } },
      { type: 'node', id: 'i1', fields: { y: { from: 0, to: 99 } } },
    ]);
    expect(diffDocuments(a, b, { layout: 'hide' }).moved).toEqual([]);
    expect(diffDocuments(a, b, { layout: 'hide' }).changed.some((c) => c.id === 'i1')).toBe(false);
  });

  it('ignores the modified time: saving the same content is no change', () => {
    const a = base();
    const b = { ...a, scenario: { ...a.scenario, modifiedAt: '2027-01-01T00:00:00.000Z' } };
    expect(diffDocuments(a, b)).toEqual({ added: [], removed: [], changed: [], moved: [] });
  });
});

describe('merge', () => {
  it('applies one-sided changes from both sides, including different fields of one record', () => {
    const b = base();
    const ours = edit(b, [{ op: 'node.update', id: 't1', patch: { title: 'Super typhoon' } }]);
    const theirs = edit(b, [{ op: 'node.update', id: 't1', patch: { likelihood: 5 } }, { op: 'edge.update', id: 'e1', patch: { label: 'closes' } }]);
    const result = mergeDocuments(b, ours, theirs);
    expect(result.conflicts).toEqual([]);
    const t1 = result.document.nodes.find((n) => n.id === 't1')!;
    expect([t1.title, t1.likelihood]).toEqual(['Super typhoon', 5]);
    expect(result.document.edges[0]!.label).toBe('closes');
  });

  it('never collapses two actors\u2019 stances; one actor\u2019s stance changed on both sides is a conflict showing both versions', () => {
    const b = base();
    const ours = edit(b, [
      { op: 'stance.set', actorId: 'us', elementId: 'i1', position: 'agree', note: '' },
      { op: 'stance.set', actorId: 'jp', elementId: 'i1', position: 'disagree', note: 'ministry view' },
    ]);
    const theirs = edit(b, [
      { op: 'stance.set', actorId: 'cn', elementId: 'i1', position: 'disagree', note: '' },
      { op: 'stance.set', actorId: 'jp', elementId: 'i1', position: 'uncertain', note: '' },
    ]);
    const result = mergeDocuments(b, ours, theirs);
    const keys = result.document.stances.map((s) => `${s.actorId}/${s.elementId}`).sort();
    expect(keys).toEqual(['cn/i1', 'jp/i1', 'us/i1']);
    // Atomic: theirs changed only the position, ours both fields; the note still conflicts, so
    // no stance is assembled from halves of two claims.
    expect(result.conflicts.map((c) => c.key)).toEqual([conflictKey('stance', 'jp/i1', 'note'), conflictKey('stance', 'jp/i1', 'position')]);
    expect(result.conflicts[0]!.records.ours).toMatchObject({ position: 'disagree', note: 'ministry view' });
    expect(result.conflicts[0]!.records.theirs).toMatchObject({ position: 'uncertain', note: '' });
    const takeTheirs = mergeDocuments(b, ours, theirs, { prefer: 'theirs' });
    expect(takeTheirs.document.stances.find((s) => s.actorId === 'jp')).toMatchObject({ position: 'uncertain', note: '' });
  });

  it('deleted on one side and changed on the other is a conflict; an edited value resolves it', () => {
    const b = base();
    const ours = edit(b, [{ op: 'edge.delete', id: 'e1' }]);
    const theirs = edit(b, [{ op: 'edge.update', id: 'e1', patch: { label: 'closes', confidence: 'high' } }]);
    const result = mergeDocuments(b, ours, theirs);
    expect(result.conflicts.map((c) => [c.key, c.kind])).toEqual([['edge:e1:*', 'delete']]);
    expect(result.unresolved).toBe(1);
    expect(result.document.edges).toEqual([]);
    const edited = { ...theirs.edges[0]!, label: 'may close' };
    const resolved = mergeDocuments(b, ours, theirs, { resolutions: new Map([['edge:e1:*', { pick: 'edited', value: edited }]]) });
    expect(resolved.unresolved).toBe(0);
    expect(resolved.document.edges).toEqual([edited]);
  });

  it('a stance added on a node the other side deleted asks about the node, and lists what goes with it', () => {
    const b = base();
    const ours = edit(b, [{ op: 'stance.set', actorId: 'kr', elementId: 't1', position: 'agree', note: 'seen it' }]);
    const theirs = edit(b, [{ op: 'node.delete', id: 't1' }]);
    const keep = mergeDocuments(b, ours, theirs);
    expect(keep.conflicts.map((c) => [c.key, c.dependents])).toEqual([['node:t1:*', [{ type: 'stance', id: 'kr/t1' }]]]);
    expect(keep.document.nodes.map((n) => n.id).sort()).toEqual(['i1', 't1']);
    const drop = mergeDocuments(b, ours, theirs, { prefer: 'theirs' });
    expect(drop.document.nodes.map((n) => n.id)).toEqual(['i1']);
    expect(drop.document.stances.some((s) => s.elementId === 't1')).toBe(false);
    expect(drop.dropped).toContainEqual({ type: 'stance', id: 'kr/t1', field: null, missing: { type: 'node', id: 't1' } });
  });
});
