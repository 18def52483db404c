/**
 * Inserting one library crisis into an open scenario: the ops are valid, every inserted id is
 * fresh, shared actors and the report source are reused, and inserting twice stays sound.
 */
import { describe, expect, it } from 'vitest';
import { instantiateLibraryCrisis, libraryCrises, loadReportLibrary } from '../../../core/library';
import { AppError } from '../../../core/errors';
import type { ScenarioDocument } from '../../../core/model';
import { documentIssues } from '../../../core/model';
import { Op, OpBatch } from '../../../core/ops';
import { applyCreateOps, emptyScenario } from './apply-ops';

const library = loadReportLibrary();
const FIRST = library.crises[0]!;

function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

function opsOf<K extends Op['op']>(ops: Op[], kind: K): Extract<Op, { op: K }>[] {
  return ops.filter((o): o is Extract<Op, { op: K }> => o.op === kind);
}

describe('instantiateLibraryCrisis', () => {
  it.each(libraryCrises().map((c) => [c.id] as const))('inserts %s as valid ops into an empty scenario', (crisisId) => {
    const doc = emptyScenario();
    const ops = instantiateLibraryCrisis(doc, crisisId, counter('n'));
    expect(OpBatch.safeParse(ops).error).toBeUndefined();
    const after = applyCreateOps(doc, ops);
    expect(documentIssues(after)).toEqual([]);

    const entry = library.crises.find((c) => c.crisis.id === crisisId)!;
    expect(after.crises).toHaveLength(1);
    expect(after.crises[0]!.title).toBe(entry.crisis.title);
    expect(after.nodes).toHaveLength(entry.nodes.length);
    expect(after.edges).toHaveLength(entry.edges.length);
    expect(after.stances).toHaveLength(entry.stances.length);
    expect(after.provenance).toHaveLength(entry.provenance.length);
    expect(after.sources.map((s) => s.id)).toEqual([library.source.id]);
  });

  it('gives every crisis, node, edge and quote an id no library record uses', () => {
    const ops = instantiateLibraryCrisis(emptyScenario(), FIRST.crisis.id, counter('fresh'));
    const libraryIds = new Set([FIRST.crisis.id, ...FIRST.nodes.map((n) => n.id), ...FIRST.edges.map((e) => e.id), ...FIRST.provenance.map((p) => p.id)]);
    const inserted = [
      ...opsOf(ops, 'crisis.create').map((o) => o.crisis.id),
      ...opsOf(ops, 'node.create').map((o) => o.node.id),
      ...opsOf(ops, 'edge.create').map((o) => o.edge.id),
      ...opsOf(ops, 'provenance.create').map((o) => o.provenance.id),
    ];
    expect(inserted.length).toBe(libraryIds.size);
    expect(inserted.filter((id) => libraryIds.has(id))).toEqual([]);
    expect(new Set(inserted).size).toBe(inserted.length);
  });

  it('keeps the graph intact under the new ids', () => {
    const after = applyCreateOps(emptyScenario(), instantiateLibraryCrisis(emptyScenario(), FIRST.crisis.id, counter('g')));
    const titleOf = (doc: { nodes: { id: string; title: string }[] }, id: string) => doc.nodes.find((n) => n.id === id)!.title;
    const shape = (edges: { source: string; target: string; kind: string }[], doc: { nodes: { id: string; title: string }[] }) =>
      edges.map((e) => `${titleOf(doc, e.source)} -${e.kind}-> ${titleOf(doc, e.target)}`).sort();
    expect(shape(after.edges, after)).toEqual(shape(FIRST.edges, FIRST));
    const quotesByTitle = (doc: { nodes: { id: string; title: string }[]; provenance: { elementId: string; quote: string }[] }) =>
      doc.provenance.map((p) => `${titleOf(doc, p.elementId)}: ${p.quote}`).sort();
    expect(quotesByTitle(after)).toEqual(quotesByTitle(FIRST));
  });

  it('places the inserted nodes without overlaps', () => {
    const nodes = opsOf(instantiateLibraryCrisis(emptyScenario(), FIRST.crisis.id, counter('p')), 'node.create').map((o) => o.node);
    expect(nodes.some((n) => n.x !== 0 || n.y !== 0)).toBe(true);
    for (const [i, a] of nodes.entries()) {
      for (const b of nodes.slice(i + 1)) {
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${a.title} overlaps ${b.title}`).toBe(false);
      }
    }
  });

  it('can insert the same crisis twice without duplicates', () => {
    const ids = counter('twice');
    const once = applyCreateOps(emptyScenario(), instantiateLibraryCrisis(emptyScenario(), FIRST.crisis.id, ids));
    const secondOps = instantiateLibraryCrisis(once, FIRST.crisis.id, ids);
    expect(opsOf(secondOps, 'actor.create')).toEqual([]);
    expect(opsOf(secondOps, 'source.create')).toEqual([]);
    const twice = applyCreateOps(once, secondOps);
    expect(documentIssues(twice)).toEqual([]);
    expect(twice.crises).toHaveLength(2);
    expect(twice.crises.map((c) => c.order)).toEqual([0, 1]);
    expect(twice.nodes).toHaveLength(FIRST.nodes.length * 2);
    expect(twice.actors).toHaveLength(once.actors.length);
  });

  it('adds only the actors the crisis needs, after the existing ones', () => {
    const doc = emptyScenario();
    const created = opsOf(instantiateLibraryCrisis(doc, FIRST.crisis.id, counter('a')), 'actor.create').map((o) => o.actor);
    const needed = new Set(FIRST.nodes.flatMap((n) => [...(n.leadActorId ? [n.leadActorId] : []), ...n.supportingActorIds]));
    for (const actor of created) expect(needed.has(actor.id)).toBe(true);
    expect(created.map((a) => a.id)).not.toContain('us');
    expect(created.length).toBeGreaterThan(0);
    expect(Math.min(...created.map((a) => a.order))).toBe(doc.actors.length);
  });

  it('reuses an existing actor with the same name or code, and a source with the same title', () => {
    const doc: ScenarioDocument = emptyScenario();
    doc.actors = [
      { id: 'usa', name: 'United States', code: 'USA', color: '#000000', order: 0 },
      { id: 'japan', name: 'Nippon', code: 'JP', color: '#111111', order: 1 },
      { id: 'rok', name: 'South Korea', code: 'ROK', color: '#222222', order: 2 },
      { id: 'prc', name: 'china', code: 'CN', color: '#333333', order: 3 },
      { id: 'un-1', name: 'UN agencies', code: 'UNA', color: '#444444', order: 4 },
    ];
    doc.scenario.coreActorIds = ['usa', 'japan', 'rok', 'prc'];
    doc.sources = [{ ...library.source, id: 'report', citation: 'kept as the user wrote it' }];
    const ops = instantiateLibraryCrisis(doc, 'nk-refugees', counter('r'));
    const created = opsOf(ops, 'actor.create').map((o) => o.actor.id);
    for (const id of ['us', 'jp', 'kr', 'cn', 'un']) expect(created).not.toContain(id);
    expect(opsOf(ops, 'source.create')).toEqual([]);
    expect(opsOf(ops, 'provenance.create').every((o) => o.provenance.sourceId === 'report')).toBe(true);
    const after = applyCreateOps(doc, ops);
    expect(documentIssues(after)).toEqual([]);
    const actorsUsed = new Set(after.nodes.flatMap((n) => [...(n.leadActorId ? [n.leadActorId] : []), ...n.supportingActorIds]));
    for (const id of ['usa', 'japan', 'rok', 'prc', 'un-1']) expect(actorsUsed.has(id), id).toBe(true);
    expect(after.stances.every((s) => ['usa', 'japan', 'rok', 'prc'].includes(s.actorId))).toBe(true);
  });

  it('refuses a crisis the library does not have', () => {
    expect(() => instantiateLibraryCrisis(emptyScenario(), 'no-such-crisis', counter('x'))).toThrow(AppError);
    try {
      instantiateLibraryCrisis(emptyScenario(), 'no-such-crisis', counter('x'));
    } catch (error) {
      expect((error as AppError).code).toBe('NOT_FOUND');
    }
  });

  it('refuses an id maker that returns invalid or repeated ids', () => {
    const codeOf = (newId: () => string) => {
      try {
        instantiateLibraryCrisis(emptyScenario(), FIRST.crisis.id, newId);
        return null;
      } catch (error) {
        return error instanceof AppError ? error.code : 'other';
      }
    };
    expect(codeOf(() => 'not valid!')).toBe('INVALID_DATA');
    expect(codeOf(() => 'same')).toBe('INVALID_DATA');
  });
});
