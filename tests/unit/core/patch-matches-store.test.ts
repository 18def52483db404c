/**
 * The window's in-memory copy (core/patch-document) must match the file after every change,
 * including the cascades of deletes and their undo and redo, using nothing but the ops the store
 * reports as applied. Checked against the real store: once on a hand-written sequence that
 * reaches every cascade, then on random sequences of batches (seeded; PROPERTY_SEED replays one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankNode, type ScenarioDocument } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { reduceOps } from '../../../core/patch-document';
import { createScenarioFile, type AppliedChange, type ScenarioStore } from '../../../db';
import { createRich, seededRandom } from '../db/helpers';
import { randomOp, type Pick } from '../db/random-ops';

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

describe('core/patch-document against the store', () => {
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
        { op: 'edge.create', edge: { id: 'e1', crisisId, source: 't1', target: 'c1', kind: 'leads-to', label: '', confidence: null, basis: {} } },
        { op: 'edge.create', edge: { id: 'e2', crisisId, source: 'c1', target: 'i1', kind: 'leads-to', label: 'then', confidence: 'high', basis: {} } },
        { op: 'edge.create', edge: { id: 'e3', crisisId, source: 'r1', target: 'i1', kind: 'contains', label: '', confidence: null, basis: {} } },
      ],
      [
        { op: 'stance.set', actorId: 'cn', elementId: 'i1', position: 'disagree', note: 'warned against it' },
        { op: 'stance.set', actorId: 'us', elementId: 'r1', position: 'agree', note: '' },
        { op: 'actor.create', actor: { id: 'asean', name: 'ASEAN', code: 'ASEAN', color: '#123456', order: 9 } },
        { op: 'stance.set', actorId: 'asean', elementId: 'r1', position: 'uncertain', note: '' },
      ],
      [
        { op: 'source.create', source: { id: 's1', title: 'Report', author: 'A', date: '2016', citation: 'A, Report, 2016' } },
        { op: 'provenance.create', provenance: { id: 'p1', elementId: 'i1', sourceId: 's1', locator: 'Section 2', quote: 'Quoted.', relation: 'supports' } },
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

const SEED = Number(process.env.PROPERTY_SEED ?? Date.now() % 1_000_000);
const BATCHES = 200;

/** Patch the copy with what the store reports, as the window does (modifiedAt included). */
function follow(mirror: ScenarioDocument, change: AppliedChange): ScenarioDocument {
  const patched = reduceOps(mirror, change.applied);
  return { ...patched, scenario: { ...patched.scenario, modifiedAt: change.modifiedAt } };
}

const exact = (doc: ScenarioDocument) => ({ ...sorted(doc), scenario: doc.scenario });

describe('core/patch-document against the store (randomized)', () => {
  it(`${BATCHES} random batches, with undo and redo, keep the copy equal to the file (seed ${SEED})`, { timeout: 60_000 }, () => {
    const rich = createRich(dir);
    const r = seededRandom(SEED);
    const pick: Pick = (list) => list[Math.floor(r() * list.length)]!;
    const cascades = new Set<string>();
    const undo: Op[][] = [];
    let mirror = rich.load();
    let serial = 0;
    let applied = 0;
    try {
      for (let b = 0; b < BATCHES; b++) {
        const batch: Op[] = [];
        const size = 1 + Math.floor(r() * 3);
        for (let i = 0; i < size; i++) batch.push(randomOp(mirror, r, pick, serial++));
        let change: AppliedChange;
        try {
          change = rich.apply(batch);
        } catch {
          // A refused batch changes nothing: the copy must still equal the file.
          expect(exact(mirror), `seed ${SEED}: refused batch ${b}`).toEqual(exact(rich.load()));
          continue;
        }
        applied++;
        if (change.applied.length > batch.length) for (const op of batch) if (op.op.endsWith('.delete')) cascades.add(op.op);
        mirror = follow(mirror, change);
        expect(exact(mirror), `seed ${SEED}: batch ${b} ${JSON.stringify(batch)}`).toEqual(exact(rich.load()));
        undo.push(change.inverse);
        const roll = r();
        if (roll < 0.25) {
          // Undo this batch, then redo it with the ops the undo's change reported.
          const undone = rich.apply(change.inverse);
          mirror = follow(mirror, undone);
          expect(exact(mirror), `seed ${SEED}: undo of batch ${b}`).toEqual(exact(rich.load()));
          mirror = follow(mirror, rich.apply(change.applied));
          expect(exact(mirror), `seed ${SEED}: redo of batch ${b}`).toEqual(exact(rich.load()));
        }
      }
      // Unwind everything: the copy follows the file all the way back.
      for (const inverse of undo.reverse()) {
        mirror = follow(mirror, rich.apply(inverse));
        expect(exact(mirror), `seed ${SEED}: unwinding`).toEqual(exact(rich.load()));
      }
      expect(applied).toBeGreaterThan(BATCHES / 3);
      // The sequences reached the cascades this test is about.
      expect([...cascades].sort()).toEqual(expect.arrayContaining(['actor.delete', 'node.delete']));
    } finally {
      rich.close();
    }
  });
});
