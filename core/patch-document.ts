/**
 * Applies already-validated ops to an in-memory document, with the same cascade rules as the
 * store, so a window can mirror its file without reloading it after every edit. Unchanged
 * records keep their object identity, which keeps React re-renders to what changed.
 */
import type { ScenarioDocument } from './model/document';
import type { Op } from './ops';

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

function deleteNodes(doc: Doc, ids: Set<string>): Doc {
  if (ids.size === 0) return doc;
  return {
    ...doc,
    nodes: without(doc.nodes, (n) => ids.has(n.id)),
    edges: without(doc.edges, (e) => ids.has(e.source) || ids.has(e.target)),
    stances: without(doc.stances, (s) => ids.has(s.elementId)),
    provenance: without(doc.provenance, (p) => ids.has(p.elementId)),
  };
}

export function reduceOp(doc: Doc, op: Op): Doc {
  switch (op.op) {
    case 'scenario.update':
      return { ...doc, scenario: { ...doc.scenario, ...op.patch } };
    case 'actor.create':
      return { ...doc, actors: [...doc.actors, op.actor] };
    case 'actor.update':
      return { ...doc, actors: replace(doc.actors, op.id, (a) => ({ ...a, ...op.patch })) };
    case 'actor.delete':
      return {
        ...doc,
        scenario: { ...doc.scenario, coreActorIds: doc.scenario.coreActorIds.filter((id) => id !== op.id) },
        actors: without(doc.actors, (a) => a.id === op.id),
        nodes: doc.nodes.map((n) =>
          n.leadActorId === op.id || n.supportingActorIds.includes(op.id)
            ? {
                ...n,
                leadActorId: n.leadActorId === op.id ? null : n.leadActorId,
                supportingActorIds: n.supportingActorIds.filter((id) => id !== op.id),
              }
            : n,
        ),
        stances: without(doc.stances, (s) => s.actorId === op.id),
      };
    case 'crisis.create':
      return { ...doc, crises: [...doc.crises, op.crisis] };
    case 'crisis.update':
      return { ...doc, crises: replace(doc.crises, op.id, (c) => ({ ...c, ...op.patch })) };
    case 'crisis.delete': {
      const gone = new Set(doc.nodes.filter((n) => n.crisisId === op.id).map((n) => n.id));
      const cleared = deleteNodes(doc, gone);
      return {
        ...cleared,
        crises: without(cleared.crises, (c) => c.id === op.id),
        edges: without(cleared.edges, (e) => e.crisisId === op.id),
      };
    }
    case 'node.create':
      return { ...doc, nodes: [...doc.nodes, op.node] };
    case 'node.update':
      return { ...doc, nodes: replace(doc.nodes, op.id, (n) => ({ ...n, ...op.patch })) };
    case 'node.delete':
      return deleteNodes(doc, new Set([op.id]));
    case 'edge.create':
      return { ...doc, edges: [...doc.edges, op.edge] };
    case 'edge.update':
      return { ...doc, edges: replace(doc.edges, op.id, (e) => ({ ...e, ...op.patch })) };
    case 'edge.delete':
      return { ...doc, edges: without(doc.edges, (e) => e.id === op.id) };
    case 'stance.set': {
      const rest = without(doc.stances, (s) => s.actorId === op.actorId && s.elementId === op.elementId);
      if (op.position === 'unknown' && op.note === '') return { ...doc, stances: rest };
      const stance = { actorId: op.actorId, elementId: op.elementId, position: op.position, note: op.note };
      return { ...doc, stances: [...rest, stance] };
    }
    case 'source.create':
      return { ...doc, sources: [...doc.sources, op.source] };
    case 'source.update':
      return { ...doc, sources: replace(doc.sources, op.id, (s) => ({ ...s, ...op.patch })) };
    case 'source.delete':
      return {
        ...doc,
        sources: without(doc.sources, (s) => s.id === op.id),
        provenance: without(doc.provenance, (p) => p.sourceId === op.id),
      };
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
