// The canvas's report-only view: which nodes a quote supports, which values rest on a source,
// and that a node's data object is rebuilt when the view is switched (and only then).
import { describe, expect, it } from 'vitest';
import { blankNode, type Provenance } from '../../../core/model';
import { FlowNodeCache, flowEdge, isSourced, supportedNodeIds } from '../../../renderer/src/canvas/flow-model';

const quote = (id: string, elementId: string, relation: Provenance['relation']): Provenance => ({ id, elementId, sourceId: 's', locator: '', quote: 'q', relation });

describe('report-only view', () => {
  it('counts a node as stated by the report only when a quote supports it', () => {
    const ids = supportedNodeIds({ provenance: [quote('q1', 'a', 'supports'), quote('q2', 'b', 'contradicts'), quote('q3', 'c', 'context')] });
    expect([...ids]).toEqual(['a']);
  });

  it('keeps report and inferred values, never assumption, planner or a blank basis', () => {
    expect((['report', 'inferred', 'assumption', 'planner', undefined, null] as const).map((b) => isSourced(b))).toEqual([true, true, false, false, false, false]);
  });

  it('rebuilds a node\'s data when the view switches, and reuses it otherwise', () => {
    const cache = new FlowNodeCache();
    const node = blankNode('trigger', 'c', 't', { x: 0, y: 0 });
    const plain = cache.data(node, null, [], undefined, true, false, true);
    expect(cache.data(node, null, [], undefined, true, false, true)).toBe(plain);
    const reportOnly = cache.data(node, null, [], undefined, true, true, true);
    expect(reportOnly).not.toBe(plain);
    expect(reportOnly).toMatchObject({ reportOnly: true, supported: true });
  });

  it('greys an edge whose link the report does not state, only in the report-only view', () => {
    const edge = { id: 'e', crisisId: 'c', source: 'a', target: 'b', kind: 'leads-to' as const, label: '', confidence: null, basis: { kind: 'assumption' as const } };
    expect(flowEdge(edge, false, 'forward', true).style).toMatchObject({ opacity: 0.2 });
    expect(flowEdge(edge, false, 'forward', false).style).not.toHaveProperty('opacity');
    expect(flowEdge({ ...edge, basis: { kind: 'report' } }, false, 'forward', true).style).not.toHaveProperty('opacity');
  });
});
