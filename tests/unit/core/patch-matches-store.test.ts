// The window's in-memory copy (core/reduce) must match the file after every change, including
// the cascades of deletes and their undo. Checked op by op against the real store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankNode, type ScenarioDocument } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { reduceOps } from '../../../core/patch-document';
import { createScenarioFile, type ScenarioStore } from '../../../db';

const sorted = (doc: ScenarioDocument) => {
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return {
    ...doc,
    scenario: { ...doc.scenario, modifiedAt: '' },
    actors: byId(doc.actors),
    crises: byId(doc.crises),
    nodes: byId(doc.nodes),
    edges: byId(doc.edges),
    sources: byId(doc.sources),
    provenance: byId(doc.provenance),
    stances: [...doc.stances].sort((a, b) => `${a.actorId}/${a.elementId}`.localeCompare(`${b.actorId}/${b.elementId}`)),
  };
};

let dir: string;
let store: ScenarioStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-reduce-'));
  const created = createScenarioFile(join(dir, 'r.scenario'), { title: 'Reduce' });
  if (!created.ok) throw new Error(created.error.message);
  store = created.store;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('core/reduce against the store', () => {
  it('agrees after every op, every cascade, and every undo', () => {
    let mirror = store.load();
    const crisisId = mirror.crises[0]!.id;
    const trigger = blankNode('trigger', crisisId, 't1', { x: 0, y: 0 });
    const crisis = blankNode('crisis', crisisId, 'c1', { x: 300, y: 0 });
    const impact = blankNode('impact', crisisId, 'i1', { x: 600, y: 0 });
    const response = { ...blankNode('response', crisisId, 'r1', { x: 600, y: 200 }), leadActorId: 'us', supportingActorIds: ['jp', 'kr'] };
    const steps: Op[][] = [
      [{ op: 'node.create', node: trigger }, { op: 'node.create', node: crisis }, { op: 'node.create', node: impact }, { op: 'node.create', node: response }],
      [
        { op: 'edge.create', edge: { id: 'e1', crisisId, source: 't1', target: 'c1', kind: 'leads-to', label: '', confidence: null } },
        { op: 'edge.create', edge: { id: 'e2', crisisId, source: 'c1', target: 'i1', kind: 'leads-to', label: 'then', confidence: 'high' } },
        { op: 'edge.create', edge: { id: 'e3', crisisId, source: 'r1', target: 'i1', kind: 'contains', label: '', confidence: null } },
      ],
      [
        { op: 'stance.set', actorId: 'cn', elementId: 'i1', position: 'disagree', note: 'warned against it' },
        { op: 'stance.set', actorId: 'us', elementId: 'r1', position: 'agree', note: '' },
        { op: 'actor.create', actor: { id: 'asean', name: 'ASEAN', code: 'ASEAN', color: '#123456', order: 9 } },
        { op: 'stance.set', actorId: 'asean', elementId: 'r1', position: 'uncertain', note: '' },
      ],
      [
        { op: 'source.create', source: { id: 's1', title: 'Report', author: 'A', date: '2016', citation: 'A, Report, 2016' } },
        { op: 'provenance.create', provenance: { id: 'p1', elementId: 'i1', sourceId: 's1', locator: 'Section 2', quote: 'Quoted.' } },
      ],
      [{ op: 'node.update', id: 'i1', patch: { title: 'Renamed', severity: 5, tags: ['sea'] } }],
      [{ op: 'stance.set', actorId: 'us', elementId: 'r1', position: 'unknown', note: '' }],
      [{ op: 'node.delete', id: 'i1' }],
      [{ op: 'actor.delete', id: 'jp' }],
      [{ op: 'source.delete', id: 's1' }],
      [{ op: 'actor.delete', id: 'asean' }],
      [{ op: 'crisis.delete', id: crisisId }],
    ];
    const inverses: Op[][] = [];
    for (const ops of steps) {
      const change = store.apply(ops);
      mirror = reduceOps(mirror, change.applied);
      expect(sorted(mirror)).toEqual(sorted(store.load()));
      inverses.push(change.inverse);
    }
    for (const inverse of inverses.reverse()) {
      const change = store.apply(inverse);
      mirror = reduceOps(mirror, change.applied);
      expect(sorted(mirror)).toEqual(sorted(store.load()));
    }
    expect(mirror.nodes).toEqual([]);
    expect(mirror.actors.map((a) => a.id).sort()).toEqual(['cn', 'jp', 'kr', 'us']);
  });
});
