/**
 * Seeded random edit sequences over a scenario: every op is one a planner could make (valid
 * against the document at that moment). A delete comes with its cascade spelled out as ops, as the
 * store reports it (db/apply), since core/patch-document only patches. Used by the diff and merge
 * property tests.
 */
import { seededRandom } from '../../../bench/fixtures';
import { blankNode, HORIZONS, NODE_KINDS, POSITIONS, type ScenarioDocument } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { reduceOp } from '../../../core/patch-document';
import { edgeKindFor } from '../../../core/rules';

export type Random = () => number;

export const pick = <T>(random: Random, list: readonly T[]): T | undefined => (list.length === 0 ? undefined : list[Math.floor(random() * list.length)]);

let counter = 0;
/** Ids unique across every call in a process, as UUIDs are across copies. */
const freshId = (random: Random, prefix: string): string => `${prefix}-${(counter++).toString(36)}-${Math.floor(random() * 1e9).toString(36)}`;

const WORDS = ['port', 'grain', 'convoy', 'outage', 'typhoon', 'cyber', 'strait', 'ferry', 'ration', 'shelter'];
const word = (random: Random): string => pick(random, WORDS)!;

/** One random op valid against `doc`, or null when the chosen kind has nothing to act on. */
export function randomOp(doc: ScenarioDocument, random: Random): Op | null {
  const node = pick(random, doc.nodes);
  const roll = Math.floor(random() * 20);
  switch (roll) {
    case 0: case 1: case 2:
      return node ? { op: 'node.update', id: node.id, patch: { title: `${word(random)} ${word(random)}` } } : null;
    case 3:
      return node ? { op: 'node.update', id: node.id, patch: { x: Math.round(random() * 2000), y: Math.round(random() * 2000) } } : null;
    case 4:
      return node ? { op: 'node.update', id: node.id, patch: { description: `${word(random)}.`, tags: random() < 0.5 ? [] : [word(random)] } } : null;
    case 5:
      if (!node) return null;
      if (node.kind === 'trigger' || node.kind === 'crisis') return { op: 'node.update', id: node.id, patch: { likelihood: 1 + Math.floor(random() * 5) } };
      if (node.kind === 'impact') return { op: 'node.update', id: node.id, patch: { severity: 1 + Math.floor(random() * 5), horizon: pick(random, HORIZONS)! } };
      return { op: 'node.update', id: node.id, patch: { leadActorId: pick(random, doc.actors)?.id ?? null, leadTime: pick(random, HORIZONS)! } };
    case 6: {
      const crisis = pick(random, doc.crises);
      if (!crisis) return null;
      return { op: 'node.create', node: blankNode(pick(random, NODE_KINDS)!, crisis.id, freshId(random, 'n'), { x: 10, y: 20 }) };
    }
    case 7:
      return node ? { op: 'node.delete', id: node.id } : null;
    case 8: {
      if (!node) return null;
      const other = pick(random, doc.nodes.filter((n) => n.crisisId === node.crisisId && n.id !== node.id));
      const kind = other && edgeKindFor(node.kind, other.kind);
      if (!other || !kind) return null;
      return { op: 'edge.create', edge: { id: freshId(random, 'e'), crisisId: node.crisisId, source: node.id, target: other.id, kind, label: '', confidence: null, basis: { kind: 'planner' } } };
    }
    case 9: {
      const edge = pick(random, doc.edges);
      return edge ? { op: 'edge.update', id: edge.id, patch: { label: word(random), confidence: pick(random, ['low', 'medium', 'high'] as const)! } } : null;
    }
    case 10: {
      const edge = pick(random, doc.edges);
      return edge ? { op: 'edge.delete', id: edge.id } : null;
    }
    case 11: case 12: {
      const actor = pick(random, doc.actors);
      if (!node || !actor) return null;
      return { op: 'stance.set', actorId: actor.id, elementId: node.id, position: pick(random, POSITIONS)!, note: random() < 0.5 ? '' : word(random) };
    }
    case 13: {
      const actor = pick(random, doc.actors);
      return actor ? { op: 'actor.update', id: actor.id, patch: { name: `${word(random)} office` } } : null;
    }
    case 14:
      if (random() < 0.5) return { op: 'actor.create', actor: { id: freshId(random, 'a'), name: word(random), code: 'X', color: '#123456', order: doc.actors.length } };
      return doc.actors.length > 2 ? { op: 'actor.delete', id: pick(random, doc.actors)!.id } : null;
    case 15: {
      const crisis = pick(random, doc.crises);
      if (!crisis) return null;
      return random() < 0.5
        ? { op: 'crisis.update', id: crisis.id, patch: { title: `${word(random)} crisis` } }
        : { op: 'crisis.update', id: crisis.id, patch: { viewport: { x: Math.round(random() * 100), y: 0, zoom: 1 } } };
    }
    case 16: {
      const source = pick(random, doc.sources);
      const r = random();
      if (r < 0.4 || !source) return { op: 'source.create', source: { id: freshId(random, 's'), title: `${word(random)} report`, author: '', date: '', citation: '' } };
      if (r < 0.8) return { op: 'source.update', id: source.id, patch: { author: word(random) } };
      return { op: 'source.delete', id: source.id };
    }
    case 17: {
      const source = pick(random, doc.sources);
      if (!node || !source) return null;
      return { op: 'provenance.create', provenance: { id: freshId(random, 'p'), elementId: node.id, sourceId: source.id, locator: 'p. 1', quote: word(random), relation: 'supports' } };
    }
    case 18: {
      const p = pick(random, doc.provenance);
      if (!p) return null;
      return random() < 0.6 ? { op: 'provenance.update', id: p.id, patch: { quote: word(random) } } : { op: 'provenance.delete', id: p.id };
    }
    default:
      return { op: 'scenario.update', patch: { title: `${word(random)} scenario` } };
  }
}

const unset = (s: { actorId: string; elementId: string }): Op => ({ op: 'stance.set', actorId: s.actorId, elementId: s.elementId, position: 'unknown', note: '' });

/** The op with what the store's cascade does before it, as separate ops. */
export function withCascade(doc: ScenarioDocument, op: Op): Op[] {
  switch (op.op) {
    case 'node.delete':
      return [
        ...doc.edges.filter((e) => e.source === op.id || e.target === op.id).map((e): Op => ({ op: 'edge.delete', id: e.id })),
        ...doc.stances.filter((s) => s.elementId === op.id).map(unset),
        ...doc.provenance.filter((p) => p.elementId === op.id).map((p): Op => ({ op: 'provenance.delete', id: p.id })),
        op,
      ];
    case 'actor.delete':
      return [
        ...doc.nodes
          .filter((n) => n.leadActorId === op.id || n.supportingActorIds.includes(op.id))
          .map((n): Op => ({ op: 'node.update', id: n.id, patch: { leadActorId: n.leadActorId === op.id ? null : n.leadActorId, supportingActorIds: n.supportingActorIds.filter((a) => a !== op.id) } })),
        ...doc.stances.filter((s) => s.actorId === op.id).map(unset),
        ...(doc.scenario.coreActorIds.includes(op.id) ? [{ op: 'scenario.update', patch: { coreActorIds: doc.scenario.coreActorIds.filter((a) => a !== op.id) } } satisfies Op] : []),
        op,
      ];
    case 'source.delete':
      return [...doc.provenance.filter((p) => p.sourceId === op.id).map((p): Op => ({ op: 'provenance.delete', id: p.id })), op];
    default:
      return [op];
  }
}

/** `count` random ops applied in turn to `doc`. */
export function randomEdits(doc: ScenarioDocument, count: number, random: Random): ScenarioDocument {
  let out = doc;
  for (let i = 0; i < count; i++) {
    const op = randomOp(out, random);
    if (op) for (const step of withCascade(out, op)) out = reduceOp(out, step);
  }
  return out;
}

export { seededRandom };
