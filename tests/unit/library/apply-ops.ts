/**
 * A minimal in-memory applier for the ops the library emits, so the tests can check the
 * resulting document with `documentIssues` without a SQLite store.
 */
import type { ScenarioDocument } from '../../../core/model';
import { DEFAULT_ACTORS, DOCUMENT_FORMAT, DOCUMENT_FORMAT_VERSION } from '../../../core/model';
import type { Op } from '../../../core/ops';

export function emptyScenario(): ScenarioDocument {
  const stamp = '2026-01-01T00:00:00.000Z';
  return {
    format: DOCUMENT_FORMAT,
    formatVersion: DOCUMENT_FORMAT_VERSION,
    scenario: { title: 'Test scenario', description: '', createdAt: stamp, modifiedAt: stamp, coreActorIds: DEFAULT_ACTORS.map((a) => a.id) },
    actors: DEFAULT_ACTORS.map((a) => ({ ...a })),
    crises: [],
    nodes: [],
    edges: [],
    stances: [],
    sources: [],
    provenance: [],
  };
}

export function applyCreateOps(doc: ScenarioDocument, ops: readonly Op[]): ScenarioDocument {
  const next = structuredClone(doc);
  for (const op of ops) {
    switch (op.op) {
      case 'actor.create': next.actors.push(op.actor); break;
      case 'source.create': next.sources.push(op.source); break;
      case 'crisis.create': next.crises.push(op.crisis); break;
      case 'node.create': next.nodes.push(op.node); break;
      case 'edge.create': next.edges.push(op.edge); break;
      case 'provenance.create': next.provenance.push(op.provenance); break;
      case 'stance.set': {
        next.stances = next.stances.filter((s) => !(s.actorId === op.actorId && s.elementId === op.elementId));
        next.stances.push({ actorId: op.actorId, elementId: op.elementId, position: op.position, note: op.note });
        break;
      }
      default: throw new Error(`the library should not emit "${op.op}"`);
    }
  }
  return next;
}
