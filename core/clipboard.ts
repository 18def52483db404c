/**
 * Copy and paste of graph fragments. A clip carries the selected nodes, the edges between them,
 * their stances and quotes, and the actors and sources those refer to, so it can be pasted into
 * another crisis or another file. Pasting remaps every id, and reuses actors and sources the
 * target already has (same id, or same code/name, or same title).
 */
import { z } from 'zod';
import type { ScenarioDocument } from './model/document';
import { Actor, GraphEdge, GraphNode, Provenance, Source, Stance } from './model';
import type { Op } from './ops';
import { minOf } from './arrays';

export const CLIP_MIME = 'application/x-scenario-workbench+json';
const CLIP_FORMAT = 'scenario-workbench/clip' as const;

export const Clip = z.strictObject({
  format: z.literal(CLIP_FORMAT),
  version: z.literal(1),
  nodes: z.array(GraphNode).min(1).max(20_000),
  edges: z.array(GraphEdge).max(60_000),
  stances: z.array(Stance).max(200_000),
  provenance: z.array(Provenance).max(100_000),
  actors: z.array(Actor).max(1_000),
  sources: z.array(Source).max(10_000),
});
export type Clip = z.infer<typeof Clip>;

/** The clip for a set of nodes, or null when none of them exist. */
export function copyNodes(doc: ScenarioDocument, nodeIds: Iterable<string>): Clip | null {
  const ids = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const stances = doc.stances.filter((s) => ids.has(s.elementId));
  const provenance = doc.provenance.filter((p) => ids.has(p.elementId));
  const actorIds = new Set<string>(stances.map((s) => s.actorId));
  for (const n of nodes) {
    if (n.leadActorId) actorIds.add(n.leadActorId);
    n.supportingActorIds.forEach((a) => actorIds.add(a));
  }
  const sourceIds = new Set(provenance.map((p) => p.sourceId));
  return {
    format: CLIP_FORMAT,
    version: 1,
    nodes,
    edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
    stances,
    provenance,
    actors: doc.actors.filter((a) => actorIds.has(a.id)),
    sources: doc.sources.filter((s) => sourceIds.has(s.id)),
  };
}

export function parseClip(text: string): Clip | null {
  try {
    const parsed = Clip.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface PasteResult {
  ops: Op[];
  nodeIds: string[];
}

/**
 * Ops that paste a clip into `crisisId`, offset so the pasted block's top-left sits at `at`
 * (or is shifted by 40 px from the original when `at` is omitted).
 */
export function pasteClip(doc: ScenarioDocument, clip: Clip, crisisId: string, newId: () => string, at?: { x: number; y: number }): PasteResult {
  const ops: Op[] = [];
  const actorMap = new Map<string, string>();
  let actorOrder = doc.actors.reduce((max, a) => Math.max(max, a.order + 1), 0);
  for (const actor of clip.actors) {
    const existing =
      doc.actors.find((a) => a.id === actor.id) ??
      doc.actors.find((a) => a.code.toLowerCase() === actor.code.toLowerCase() || a.name.toLowerCase() === actor.name.toLowerCase());
    if (existing) {
      actorMap.set(actor.id, existing.id);
    } else {
      const id = newId();
      actorMap.set(actor.id, id);
      ops.push({ op: 'actor.create', actor: { ...actor, id, order: actorOrder++ } });
    }
  }
  const sourceMap = new Map<string, string>();
  for (const source of clip.sources) {
    const existing = doc.sources.find((s) => s.id === source.id) ?? doc.sources.find((s) => s.title === source.title);
    if (existing) {
      sourceMap.set(source.id, existing.id);
    } else {
      const id = newId();
      sourceMap.set(source.id, id);
      ops.push({ op: 'source.create', source: { ...source, id } });
    }
  }
  const minX = minOf(clip.nodes.map((n) => n.x));
  const minY = minOf(clip.nodes.map((n) => n.y));
  const dx = at ? at.x - minX : 40;
  const dy = at ? at.y - minY : 40;
  const nodeMap = new Map<string, string>();
  for (const node of clip.nodes) {
    const id = newId();
    nodeMap.set(node.id, id);
    ops.push({
      op: 'node.create',
      node: {
        ...node,
        id,
        crisisId,
        x: Math.round(node.x + dx),
        y: Math.round(node.y + dy),
        leadActorId: node.leadActorId ? (actorMap.get(node.leadActorId) ?? null) : null,
        supportingActorIds: node.supportingActorIds.flatMap((a) => (actorMap.has(a) ? [actorMap.get(a)!] : [])),
      },
    });
  }
  for (const edge of clip.edges) {
    const source = nodeMap.get(edge.source);
    const target = nodeMap.get(edge.target);
    if (source && target) ops.push({ op: 'edge.create', edge: { ...edge, id: newId(), crisisId, source, target } });
  }
  for (const stance of clip.stances) {
    const actorId = actorMap.get(stance.actorId);
    const elementId = nodeMap.get(stance.elementId);
    if (actorId && elementId) ops.push({ op: 'stance.set', actorId, elementId, position: stance.position, note: stance.note });
  }
  for (const p of clip.provenance) {
    const elementId = nodeMap.get(p.elementId);
    const sourceId = sourceMap.get(p.sourceId);
    if (elementId && sourceId) ops.push({ op: 'provenance.create', provenance: { ...p, id: newId(), elementId, sourceId } });
  }
  return { ops, nodeIds: [...nodeMap.values()] };
}
