/**
 * Patches an in-memory document with the ops the store reports as applied (core/ops Change), so
 * a window mirrors its file without reloading it after every edit. It is mechanical on purpose:
 * each op changes only the record it names, and a delete cascades nowhere, because the store has
 * already spelled out every record its cascade removed or cleared as an op of its own. The
 * cascade rules live once, in db/apply. Unchanged records keep their object identity, which
 * keeps React re-renders to what changed.
 */
import type { ScenarioDocument } from './model/document';
import { settleEdgePatch, settleNodePatch } from './model/settle';
import { stanceOfOp, type Op } from './ops';

type Doc = ScenarioDocument;

const without = <T>(list: T[], drop: (item: T) => boolean): T[] => {
  const kept = list.filter((item) => !drop(item));
  return kept.length === list.length ? list : kept;
};
const replace = <T extends { id: string }>(list: T[], id: string, update: (item: T) => T): T[] => {
  const index = list.findIndex((item) => item.id === id);
  if (index < 0) return list;
  const next = list.slice();
  next[index] = update(list[index]!);
  return next;
};

export function reduceOp(doc: Doc, op: Op): Doc {
  switch (op.op) {
    case 'scenario.update':
      return { ...doc, scenario: { ...doc.scenario, ...op.patch } };
    case 'actor.create':
      return { ...doc, actors: [...doc.actors, op.actor] };
    case 'actor.update':
      return { ...doc, actors: replace(doc.actors, op.id, (a) => ({ ...a, ...op.patch })) };
    case 'actor.delete':
      return { ...doc, actors: without(doc.actors, (a) => a.id === op.id) };
    case 'crisis.create':
      return { ...doc, crises: [...doc.crises, op.crisis] };
    case 'crisis.update':
      return { ...doc, crises: replace(doc.crises, op.id, (c) => ({ ...c, ...op.patch })) };
    case 'crisis.delete':
      return { ...doc, crises: without(doc.crises, (c) => c.id === op.id) };
    case 'node.create':
      return { ...doc, nodes: [...doc.nodes, op.node] };
    case 'node.update':
      // The basis rule is part of what the op means; the store applies the same function.
      return { ...doc, nodes: replace(doc.nodes, op.id, (n) => ({ ...n, ...settleNodePatch(n, op.patch) })) };
    case 'node.delete':
      return { ...doc, nodes: without(doc.nodes, (n) => n.id === op.id) };
    case 'edge.create':
      return { ...doc, edges: [...doc.edges, op.edge] };
    case 'edge.update':
      return { ...doc, edges: replace(doc.edges, op.id, (e) => ({ ...e, ...settleEdgePatch(e, op.patch) })) };
    case 'edge.delete':
      return { ...doc, edges: without(doc.edges, (e) => e.id === op.id) };
    case 'stance.set': {
      const rest = without(doc.stances, (s) => s.actorId === op.actorId && s.elementId === op.elementId);
      const stance = stanceOfOp(op);
      return { ...doc, stances: stance ? [...rest, stance] : rest };
    }
    case 'source.create':
      return { ...doc, sources: [...doc.sources, op.source] };
    case 'source.update':
      return { ...doc, sources: replace(doc.sources, op.id, (s) => ({ ...s, ...op.patch })) };
    case 'source.delete':
      return { ...doc, sources: without(doc.sources, (s) => s.id === op.id) };
    case 'provenance.create':
      return { ...doc, provenance: [...doc.provenance, op.provenance] };
    case 'provenance.update':
      return { ...doc, provenance: replace(doc.provenance, op.id, (p) => ({ ...p, ...op.patch })) };
    case 'provenance.delete':
      return { ...doc, provenance: without(doc.provenance, (p) => p.id === op.id) };
  }
}

export function reduceOps(doc: Doc, ops: readonly Op[]): Doc {
  return ops.reduce(reduceOp, doc);
}
