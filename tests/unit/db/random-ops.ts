/**
 * Random document ops for the property tests, generated against the document as it stands, so
 * most are valid and some are not (ghost ids, a severity on a non-impact, an edge the rules
 * refuse). Every op kind appears, deletes with cascades included.
 */
import { CONFIDENCES, HORIZONS, POSITIONS, type GraphNode, type ScenarioDocument } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { inferEdgeKind } from '../../../core/rules';
import { node } from './helpers';

export type Pick = <T>(list: readonly T[]) => T;

/** One random op against `doc`: mostly valid, some refused (ghost ids, wrong kinds, bad edges). */
export function randomOp(doc: ScenarioDocument, r: () => number, pick: Pick, serial: number): Op {
  const crisis = doc.crises.length ? pick(doc.crises) : null;
  const nodes = doc.nodes;
  const anyNode = nodes.length ? pick(nodes) : null;
  const actor = doc.actors.length ? pick(doc.actors) : null;
  const id = `r${serial}`;
  const roll = Math.floor(r() * 20);
  switch (roll) {
    case 0: return { op: 'scenario.update', patch: { title: `T${serial}`, coreActorIds: doc.actors.filter(() => r() < 0.5).map((a) => a.id) } };
    case 1: return { op: 'actor.create', actor: { id, name: `Actor ${serial}`, code: `A${serial % 1000}`, color: '#abcdef', order: serial } };
    case 2: return actor ? { op: 'actor.update', id: actor.id, patch: { name: `Renamed ${serial}` } } : { op: 'actor.delete', id: 'ghost' };
    case 3: return { op: 'actor.delete', id: actor && r() < 0.9 ? actor.id : 'ghost' };
    case 4: return { op: 'crisis.create', crisis: { id, title: `Crisis ${serial}`, region: '', summary: '', status: 'draft', viewport: { x: 0, y: 0, zoom: 1 }, order: serial % 5 } };
    // `|| 0`: serial 0 would give -0, which SQLite stores as 0 (the app compares numbers with ===, so
    // the two are the same value to it; only a deep-equal test tells them apart).
    case 5: return crisis ? { op: 'crisis.update', id: crisis.id, patch: { title: `C${serial}`, viewport: { x: serial, y: 0 - serial || 0, zoom: 0.5 } } } : { op: 'crisis.delete', id: 'ghost' };
    case 6: return r() < 0.3 && crisis ? { op: 'crisis.delete', id: crisis.id } : { op: 'node.delete', id: anyNode?.id ?? 'ghost' };
    case 7: case 8: {
      if (!crisis) return { op: 'node.delete', id: 'ghost' };
      const kind = pick(['trigger', 'crisis', 'impact', 'response'] as const);
      const extra: Partial<GraphNode> = kind === 'response' && actor ? { leadActorId: actor.id, supportingActorIds: doc.actors.filter(() => r() < 0.3).map((a) => a.id) } : {};
      return { op: 'node.create', node: node(kind, crisis.id, id, { ...extra, tags: r() < 0.5 ? ['t', `x${serial}`] : [] }) };
    }
    case 9: case 10: {
      if (!anyNode) return { op: 'node.update', id: 'ghost', patch: { title: 'x' } };
      const patch: Op & { op: 'node.update' } = { op: 'node.update', id: anyNode.id, patch: { title: `N${serial}`, x: serial, horizon: pick(HORIZONS) } };
      if (r() < 0.2) patch.patch.severity = 3; // valid only for impacts
      return patch;
    }
    case 11: return { op: 'node.delete', id: anyNode?.id ?? 'ghost' };
    case 12: case 13: {
      if (nodes.length < 2) return { op: 'edge.delete', id: 'ghost' };
      const from = pick(nodes);
      const to = pick(nodes);
      const inferred = inferEdgeKind(from.kind, to.kind);
      const kind = inferred.ok && r() < 0.9 ? inferred.kind : 'leads-to';
      return { op: 'edge.create', edge: { id, crisisId: from.crisisId, source: from.id, target: to.id, kind, label: `e${serial}`, confidence: r() < 0.5 ? null : pick(CONFIDENCES), basis: {} } };
    }
    case 14: return doc.edges.length ? { op: 'edge.update', id: pick(doc.edges).id, patch: { label: `L${serial}`, confidence: pick(CONFIDENCES) } } : { op: 'edge.delete', id: 'ghost' };
    case 15: return { op: 'edge.delete', id: doc.edges.length ? pick(doc.edges).id : 'ghost' };
    case 16: return { op: 'stance.set', actorId: actor?.id ?? 'ghost', elementId: anyNode?.id ?? 'ghost', position: pick(POSITIONS), note: r() < 0.5 ? '' : `note ${serial}` };
    case 17: return r() < 0.5 ? { op: 'source.create', source: { id, title: `Source ${serial}`, author: '', date: '', citation: '' } } : { op: 'source.delete', id: doc.sources.length ? pick(doc.sources).id : 'ghost' };
    case 18: return doc.sources.length && anyNode ? { op: 'provenance.create', provenance: { id, elementId: anyNode.id, sourceId: pick(doc.sources).id, locator: `p${serial}`, quote: '', relation: 'supports' } } : { op: 'provenance.delete', id: 'ghost' };
    default: return doc.provenance.length ? (r() < 0.5 ? { op: 'provenance.update', id: pick(doc.provenance).id, patch: { quote: `q${serial}` } } : { op: 'provenance.delete', id: pick(doc.provenance).id }) : { op: 'provenance.delete', id: 'ghost' };
  }
}
