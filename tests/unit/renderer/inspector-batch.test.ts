// Multi-node edits from the inspector: each builder returns only ops that change something,
// and only for the kinds that carry the field, so one click is one undo step.
import { describe, expect, it } from 'vitest';
import { blankNode, documentIssues, emptyDocument } from '../../../core/model';
import { reduceOps } from '../../../core/patch-document';
import { addTagOps, removeTagOps, setFieldOps, sharedValue, tagCounts } from '../../../renderer/src/inspector/batch';

const doc = emptyDocument({ title: 'Batch', now: '2026-01-01T00:00:00.000Z' });
doc.crises.push({ id: 'c', title: 'C', region: '', summary: '', status: 'draft', viewport: { x: 0, y: 0, zoom: 1 }, order: 0 });
const trigger = { ...blankNode('trigger', 'c', 't', { x: 0, y: 0 }), likelihood: 3, tags: ['sea'] };
const impact = { ...blankNode('impact', 'c', 'i', { x: 0, y: 0 }), severity: 4, tags: ['sea', 'food'] };
const r1 = { ...blankNode('response', 'c', 'r1', { x: 0, y: 0 }), leadActorId: 'us' };
const r2 = { ...blankNode('response', 'c', 'r2', { x: 0, y: 0 }), leadActorId: 'jp' };
doc.nodes.push(trigger, impact, r1, r2);
const all = [trigger, impact, r1, r2];

describe('inspector batches for several nodes', () => {
  it('sets a field only on the kinds that carry it, skipping nodes already at that value', () => {
    expect(setFieldOps(all, 'leadActorId', 'jp')).toEqual([{ op: 'node.update', id: 'r1', patch: { leadActorId: 'jp' } }]);
    expect(setFieldOps(all, 'severity', 2)).toEqual([{ op: 'node.update', id: 'i', patch: { severity: 2 } }]);
    expect(setFieldOps(all, 'likelihood', 3)).toEqual([]); // the trigger is at 3 already
    expect(setFieldOps(all, 'horizon', 'weeks').map((op) => op.id)).toEqual(['t', 'i', 'r1', 'r2']);
    const after = reduceOps(doc, setFieldOps(all, 'responseStatus', 'agreed'));
    expect(documentIssues(after)).toEqual([]);
    expect(after.nodes.filter((n) => n.responseStatus === 'agreed').map((n) => n.id)).toEqual(['r1', 'r2']);
  });

  it('adds and removes a tag where needed, and counts tags across the selection', () => {
    expect(addTagOps(all, 'sea').map((op) => op.id)).toEqual(['r1', 'r2']);
    expect(removeTagOps(all, 'food')).toEqual([{ op: 'node.update', id: 'i', patch: { tags: ['sea'] } }]);
    expect(tagCounts(all)).toEqual([
      { tag: 'sea', count: 2 },
      { tag: 'food', count: 1 },
    ]);
  });

  it('reports a shared value only when every node carrying the field agrees', () => {
    expect(sharedValue(all, 'leadActorId')).toBeUndefined();
    expect(sharedValue([r1, { ...r2, leadActorId: 'us' }], 'leadActorId')).toBe('us');
    expect(sharedValue(all, 'severity')).toBe(4);
    expect(sharedValue([trigger], 'severity')).toBeUndefined();
  });
});
