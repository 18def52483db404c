/**
 * Turns one library crisis into the ops that add it to an open scenario ("Insert contingency
 * from library"). Every crisis, node, edge and quote gets a fresh id, so the same crisis can be
 * inserted twice. Actors and the report source are shared records: an existing one is reused
 * when it has the same id, name or code (actors) or the same id or title (source).
 */
import { AppError } from '../errors';
import type { Actor, GraphNode, ScenarioDocument, Source } from '../model';
import { Id } from '../model';
import type { Op } from '../ops';
import { loadReportLibrary } from './load';
import { placeCrisisNodes } from './place';
import type { LibraryCrisis, ReportLibrary } from './schema';

export function instantiateLibraryCrisis(doc: ScenarioDocument, crisisId: string, newId: () => string): Op[] {
  const library = loadReportLibrary();
  const entry = library.crises.find((c) => c.crisis.id === crisisId);
  if (!entry) throw new AppError('NOT_FOUND', `The report library has no crisis "${crisisId}".`);
  const freshId = checkedIdMaker(newId);

  const ops: Op[] = [];
  const actorIds = resolveActors(doc, library, referencedActors(entry), ops);
  const sourceId = resolveSource(doc, library.source, ops);

  const crisisRecordId = freshId();
  const nextCrisisOrder = doc.crises.reduce((max, c) => Math.max(max, c.order + 1), 0);
  ops.push({ op: 'crisis.create', crisis: { ...entry.crisis, id: crisisRecordId, order: nextCrisisOrder } });

  const nodeIds = new Map(entry.nodes.map((n) => [n.id, freshId()]));
  const mapNode = (id: string): string => nodeIds.get(id) ?? fail(`node "${id}"`);
  const mapActor = (id: string): string => actorIds.get(id) ?? fail(`actor "${id}"`);

  for (const node of placeCrisisNodes(entry.nodes, entry.edges)) {
    const inserted: GraphNode = {
      ...node,
      id: mapNode(node.id),
      crisisId: crisisRecordId,
      leadActorId: node.leadActorId === null ? null : mapActor(node.leadActorId),
      supportingActorIds: [...new Set(node.supportingActorIds.map(mapActor))],
    };
    ops.push({ op: 'node.create', node: inserted });
  }
  for (const edge of entry.edges) {
    ops.push({
      op: 'edge.create',
      edge: { ...edge, id: freshId(), crisisId: crisisRecordId, source: mapNode(edge.source), target: mapNode(edge.target) },
    });
  }
  // Quotes before stances: a stance may cite one.
  const quoteIds = new Map(entry.provenance.map((q) => [q.id, freshId()]));
  for (const quote of entry.provenance) {
    ops.push({ op: 'provenance.create', provenance: { ...quote, id: quoteIds.get(quote.id)!, elementId: mapNode(quote.elementId), sourceId } });
  }
  for (const stance of entry.stances) {
    const provenanceId = stance.provenanceId === null ? null : (quoteIds.get(stance.provenanceId) ?? fail(`quote "${stance.provenanceId}"`));
    ops.push({ op: 'stance.set', ...stance, actorId: mapActor(stance.actorId), elementId: mapNode(stance.elementId), provenanceId });
  }
  return ops;
}

/** Library actor ids this crisis refers to: lead and supporting actors, and stance holders. */
function referencedActors(entry: LibraryCrisis): Set<string> {
  const ids = new Set<string>();
  for (const node of entry.nodes) {
    if (node.leadActorId !== null) ids.add(node.leadActorId);
    for (const id of node.supportingActorIds) ids.add(id);
  }
  for (const stance of entry.stances) ids.add(stance.actorId);
  return ids;
}

/** Maps each needed library actor to an actor of `doc`, adding `actor.create` ops (in library order) for missing ones. */
function resolveActors(doc: ScenarioDocument, library: ReportLibrary, needed: Set<string>, ops: Op[]): Map<string, string> {
  const mapping = new Map<string, string>();
  let nextOrder = doc.actors.reduce((max, a) => Math.max(max, a.order + 1), 0);
  for (const actor of library.actors) {
    if (!needed.has(actor.id)) continue;
    const existing = findMatchingActor(doc.actors, actor);
    if (existing) {
      mapping.set(actor.id, existing.id);
      continue;
    }
    // No actor has this id (or it would have matched), so the readable library id is free here.
    ops.push({ op: 'actor.create', actor: { ...actor, order: nextOrder++ } });
    mapping.set(actor.id, actor.id);
  }
  for (const id of needed) if (!mapping.has(id)) fail(`actor "${id}"`);
  return mapping;
}

function findMatchingActor(actors: readonly Actor[], wanted: Actor): Actor | undefined {
  const byId = actors.find((a) => a.id === wanted.id);
  if (byId) return byId;
  const name = normalise(wanted.name);
  const code = normalise(wanted.code);
  return actors.find((a) => normalise(a.name) === name || normalise(a.code) === code);
}

function resolveSource(doc: ScenarioDocument, source: Source, ops: Op[]): string {
  const title = normalise(source.title);
  const existing = doc.sources.find((s) => s.id === source.id) ?? doc.sources.find((s) => normalise(s.title) === title);
  if (existing) return existing.id;
  ops.push({ op: 'source.create', source });
  return source.id;
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Wraps the caller's id maker so a bad or repeated id fails here, not deep in the store. */
function checkedIdMaker(newId: () => string): () => string {
  const issued = new Set<string>();
  return () => {
    const id = newId();
    if (!Id.safeParse(id).success) throw new AppError('INVALID_DATA', `The id maker returned an invalid id "${id}".`);
    if (issued.has(id)) throw new AppError('INVALID_DATA', `The id maker returned "${id}" twice.`);
    issued.add(id);
    return id;
  };
}

function fail(what: string): never {
  throw new AppError('INTERNAL', `The report library refers to an unknown ${what}.`);
}
