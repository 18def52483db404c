import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Op } from '../../../core/ops';
import { canonicalDocument, type ScenarioStore } from '../../../db';
import { createRich, node, richDocument, tempDir, withoutModifiedAt } from './helpers';

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

/** Apply, then apply the inverse, and demand the document is exactly as before. */
function roundTrip(ops: Op[]): ReturnType<ScenarioStore['apply']> {
  const before = store.load();
  const change = store.apply(ops);
  expect(withoutModifiedAt(store.load())).not.toEqual(withoutModifiedAt(before));
  store.apply(change.inverse);
  expect(withoutModifiedAt(store.load())).toEqual(withoutModifiedAt(before));
  return change;
}

const c = 'crisis-a';

describe('every op kind has an exact inverse', () => {
  const cases: [string, Op[]][] = [
    ['scenario.update', [{ op: 'scenario.update', patch: { title: 'Renamed', description: 'x', coreActorIds: ['us'] } }]],
    ['actor.create', [{ op: 'actor.create', actor: { id: 'un', name: 'UN agencies', code: 'UN', color: '#0000ff', order: 9 } }]],
    ['actor.update', [{ op: 'actor.update', id: 'cn', patch: { name: 'PRC', color: '#ff0000' } }]],
    ['actor.delete (referenced everywhere)', [{ op: 'actor.delete', id: 'asean' }]],
    ['actor.delete (core actor with stances and lead role)', [{ op: 'actor.delete', id: 'jp' }]],
    ['crisis.create', [{ op: 'crisis.create', crisis: { id: 'c-new', title: 'New', region: '', summary: '', status: 'draft', viewport: { x: 0, y: 0, zoom: 1 }, order: 5 } }]],
    ['crisis.update', [{ op: 'crisis.update', id: c, patch: { viewport: { x: 9, y: 9, zoom: 2 }, status: 'monitoring' } }]],
    ['crisis.delete', [{ op: 'crisis.delete', id: c }]],
    ['node.create', [{ op: 'node.create', node: node('impact', c, 'n-new', { severity: 1 }) }]],
    ['node.update', [{ op: 'node.update', id: 'n-trigger', patch: { title: 'Renamed', tags: [], likelihood: null, x: -5 } }]],
    ['node.delete', [{ op: 'node.delete', id: 'n-trigger' }]],
    ['edge.create', [{ op: 'edge.create', edge: { id: 'e-new', crisisId: c, source: 'n-response2', target: 'n-impact2', kind: 'contains', label: '', confidence: null, basis: {} } }]],
    ['edge.update', [{ op: 'edge.update', id: 'e-1', patch: { label: 'certainly', confidence: null } }]],
    ['edge.delete', [{ op: 'edge.delete', id: 'e-3' }]],
    ['stance.set (new)', [{ op: 'stance.set', actorId: 'kr', elementId: 'n-crisis', position: 'agree', note: 'yes' }]],
    ['stance.set (change)', [{ op: 'stance.set', actorId: 'us', elementId: 'n-trigger', position: 'disagree', note: '' }]],
    ['stance.set (clear)', [{ op: 'stance.set', actorId: 'cn', elementId: 'n-trigger', position: 'unknown', note: '' }]],
    ['source.create', [{ op: 'source.create', source: { id: 's-new', title: 'New', author: '', date: '', citation: '' } }]],
    ['source.update', [{ op: 'source.update', id: 's-1', patch: { author: 'Someone' } }]],
    ['source.delete (cited)', [{ op: 'source.delete', id: 's-1' }]],
    ['provenance.create', [{ op: 'provenance.create', provenance: { id: 'p-new', elementId: 'n-crisis', sourceId: 's-2', locator: '', quote: 'q', relation: 'supports' } }]],
    ['provenance.update', [{ op: 'provenance.update', id: 'p-1', patch: { sourceId: 's-2', quote: 'other' } }]],
    ['provenance.delete', [{ op: 'provenance.delete', id: 'p-2' }]],
    ['a mixed batch', [
      { op: 'node.create', node: node('impact', c, 'n-x', { severity: 3 }) },
      { op: 'edge.create', edge: { id: 'e-x', crisisId: c, source: 'n-crisis', target: 'n-x', kind: 'leads-to', label: '', confidence: null, basis: {} } },
      { op: 'node.update', id: 'n-x', patch: { title: 'Renamed in the same batch' } },
      { op: 'node.delete', id: 'n-crisis' },
    ]],
  ];
  for (const [name, ops] of cases) it(name, () => void roundTrip(ops));
});

describe('deletes cascade and say what they touched', () => {
  it('deleting a node removes its edges, stances and provenance', () => {
    const change = store.apply([{ op: 'node.delete', id: 'n-trigger' }]);
    const doc = store.load();
    expect(doc.nodes.some((n) => n.id === 'n-trigger')).toBe(false);
    expect(doc.edges.map((e) => e.id)).toEqual(['e-2', 'e-3', 'e-4']);
    expect(doc.stances.some((s) => s.elementId === 'n-trigger')).toBe(false);
    expect(doc.provenance.map((p) => p.id)).toEqual(['p-2']);
    expect(change.touched).toEqual(['scenario', 'nodes', 'edges', 'stances', 'provenance']);
    expect(change.inverse[0]).toMatchObject({ op: 'node.create', node: { id: 'n-trigger' } });
  });

  it('deleting an actor clears it from the core set, lead and supporting roles, and stances', () => {
    store.apply([{ op: 'actor.delete', id: 'jp' }]);
    const doc = store.load();
    expect(doc.scenario.coreActorIds).toEqual(['us', 'kr', 'cn']);
    const response = doc.nodes.find((n) => n.id === 'n-response')!;
    expect(response.leadActorId).toBeNull();
    store.apply([{ op: 'actor.delete', id: 'asean' }]);
    const after = store.load();
    expect(after.nodes.find((n) => n.id === 'n-response')!.supportingActorIds).toEqual(['us']);
    expect(after.nodes.find((n) => n.id === 'n-response2')!.leadActorId).toBeNull();
    expect(after.stances.map((s) => s.actorId).sort()).toEqual(['cn', 'us']);
  });

  it('deleting a crisis removes its nodes and leaves other crises alone', () => {
    store.apply([{ op: 'crisis.delete', id: c }]);
    const doc = store.load();
    expect(doc.crises.map((x) => x.id)).toEqual(['crisis-b']);
    expect(doc.nodes.map((n) => n.id)).toEqual(['n-b-trigger']);
    expect(doc.edges).toEqual([]);
    expect(doc.stances).toEqual([]);
    expect(doc.provenance).toEqual([]);
  });

  it('an unknown stance without a note is no row; with a note it is kept', () => {
    store.apply([{ op: 'stance.set', actorId: 'us', elementId: 'n-trigger', position: 'unknown', note: '' }]);
    expect(store.load().stances.some((s) => s.actorId === 'us' && s.elementId === 'n-trigger')).toBe(false);
    expect(store.info().counts.stances).toBe(3);
    store.apply([{ op: 'stance.set', actorId: 'us', elementId: 'n-trigger', position: 'unknown', note: 'asked' }]);
    // Left unsaid, a stance is the analyst's own estimate, undated and uncited.
    expect(store.load().stances).toContainEqual({ actorId: 'us', elementId: 'n-trigger', position: 'unknown', note: 'asked', holder: 'analyst', asOf: null, basis: 'planner', provenanceId: null });
  });
});

/** An op as it might arrive from outside the type system (a damaged log, a foreign caller): unchecked JSON. */
const opFromOutside = (json: string): Op => JSON.parse(json);

describe('refusals leave the file as it was', () => {
  const refusals: [string, Op[], string][] = [
    ['rule-breaking edge', [{ op: 'edge.create', edge: { id: 'e-bad', crisisId: c, source: 'n-impact', target: 'n-trigger', kind: 'leads-to', label: '', confidence: null, basis: {} } }], 'INVALID_CONNECTION'],
    ['wrong edge kind', [{ op: 'edge.create', edge: { id: 'e-bad', crisisId: c, source: 'n-response', target: 'n-trigger', kind: 'contains', label: '', confidence: null, basis: {} } }], 'INVALID_CONNECTION'],
    ['edge across crises', [{ op: 'edge.create', edge: { id: 'e-bad', crisisId: c, source: 'n-b-trigger', target: 'n-crisis', kind: 'leads-to', label: '', confidence: null, basis: {} } }], 'INVALID_CONNECTION'],
    ['edge to itself', [{ op: 'edge.create', edge: { id: 'e-bad', crisisId: c, source: 'n-impact', target: 'n-impact', kind: 'leads-to', label: '', confidence: null, basis: {} } }], 'INVALID_CONNECTION'],
    ['missing node', [{ op: 'node.update', id: 'nope', patch: { title: 'x' } }], 'NOT_FOUND'],
    ['severity on a trigger', [{ op: 'node.update', id: 'n-trigger', patch: { severity: 3 } }], 'INVALID_DATA'],
    ['empty title', [{ op: 'node.update', id: 'n-trigger', patch: { title: '   ' } }], 'INVALID_DATA'],
    ['unknown op', [opFromOutside('{"op":"node.explode","id":"n-trigger"}')], 'INVALID_DATA'],
    ['node id used by an edge', [{ op: 'node.create', node: node('trigger', c, 'e-1') }], 'INVALID_DATA'],
    ['duplicate actor', [{ op: 'actor.create', actor: { id: 'us', name: 'Dup', code: 'D', color: '#000000', order: 0 } }], 'INVALID_DATA'],
    ['lead actor that does not exist', [{ op: 'node.update', id: 'n-response', patch: { leadActorId: 'ghost' } }], 'NOT_FOUND'],
    ['core actor that does not exist', [{ op: 'scenario.update', patch: { coreActorIds: ['ghost'] } }], 'NOT_FOUND'],
    ['node in a missing crisis', [{ op: 'node.create', node: node('trigger', 'no-crisis', 'n-z') }], 'NOT_FOUND'],
    ['stance on a missing node', [{ op: 'stance.set', actorId: 'us', elementId: 'nope', position: 'agree', note: '' }], 'NOT_FOUND'],
    ['good op then bad op: none applied', [{ op: 'node.update', id: 'n-trigger', patch: { title: 'kept?' } }, { op: 'node.delete', id: 'nope' }], 'NOT_FOUND'],
    ['1 MB title', [{ op: 'node.update', id: 'n-trigger', patch: { title: 'x'.repeat(1_000_000) } }], 'INVALID_DATA'],
  ];
  for (const [name, ops, code] of refusals) {
    it(name, () => {
      const before = store.load();
      let caught: unknown;
      try {
        store.apply(ops);
      } catch (err) {
        caught = err;
      }
      expect(caught).toMatchObject({ code });
      expect((caught as Error).message).not.toMatch(/\n/);
      expect(store.load()).toEqual(before);
    });
  }
});

describe('apply()', () => {
  it('returns the applied ops (normalised) and bumps modifiedAt', () => {
    const before = store.load().scenario.modifiedAt;
    const change = store.apply([{ op: 'node.update', id: 'n-trigger', patch: { title: '  Padded  ' } }]);
    expect(change.applied).toEqual([{ op: 'node.update', id: 'n-trigger', patch: { title: 'Padded' } }]);
    expect(change.inverse).toEqual([{ op: 'node.update', id: 'n-trigger', patch: { title: 'New trigger' } }]);
    expect(change.touched).toEqual(['scenario', 'nodes']);
    const after = store.load().scenario.modifiedAt;
    expect(after > before).toBe(true);
  });

  it('saves a viewport without touching modifiedAt; any other crisis change bumps it', () => {
    const before = store.load().scenario.modifiedAt;
    const change = store.apply([{ op: 'crisis.update', id: 'crisis-a', patch: { viewport: { x: 40, y: -12.5, zoom: 1.25 } } }]);
    expect(change.touched).toEqual(['crises']);
    const loaded = store.load();
    expect(loaded.scenario.modifiedAt).toBe(before);
    expect(loaded.crises.find((c) => c.id === 'crisis-a')!.viewport).toEqual({ x: 40, y: -12.5, zoom: 1.25 });
    store.apply([{ op: 'crisis.update', id: 'crisis-a', patch: { viewport: { x: 0, y: 0, zoom: 1 }, region: 'Yellow Sea' } }]);
    expect(store.load().scenario.modifiedAt > before).toBe(true);
  });

  it('stores labels with markup, RTL marks, CJK and emoji verbatim', () => {
    const title = '<img src=x onerror=alert(1)> javascript: ]]> \u202Eabc 日本語 🚨';
    store.apply([{ op: 'node.update', id: 'n-crisis', patch: { title } }]);
    expect(store.load().nodes.find((n) => n.id === 'n-crisis')!.title).toBe(title);
  });

  it('loads exactly the document it was created from (canonical order)', () => {
    expect(store.load()).toEqual(canonicalDocument(richDocument()));
    expect(canonicalDocument(richDocument()).nodes.map((n) => n.id)).not.toEqual(richDocument().nodes.map((n) => n.id));
  });
});
