/**
 * Document operations: the only way a scenario changes. The store applies them in one
 * transaction each, and returns their exact inverse so the editor can undo and redo.
 */
import { z } from 'zod';
import { EdgePatch, GraphEdge, GraphNode, NodePatch } from './model/graph';
import { Position, Provenance, Source } from './model/evidence';
import { Actor, Crisis, ScenarioMeta } from './model/scenario';
import { Id } from './model/primitives';

export const ScenarioPatch = ScenarioMeta.pick({ title: true, description: true, coreActorIds: true }).partial();
export const ActorPatch = Actor.omit({ id: true }).partial();
export const CrisisPatch = Crisis.omit({ id: true }).partial();
export const SourcePatch = Source.omit({ id: true }).partial();
export const ProvenancePatch = Provenance.pick({ locator: true, quote: true, sourceId: true }).partial();

export const Op = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('scenario.update'), patch: ScenarioPatch }),
  z.strictObject({ op: z.literal('actor.create'), actor: Actor }),
  z.strictObject({ op: z.literal('actor.update'), id: Id, patch: ActorPatch }),
  z.strictObject({ op: z.literal('actor.delete'), id: Id }),
  z.strictObject({ op: z.literal('crisis.create'), crisis: Crisis }),
  z.strictObject({ op: z.literal('crisis.update'), id: Id, patch: CrisisPatch }),
  z.strictObject({ op: z.literal('crisis.delete'), id: Id }),
  z.strictObject({ op: z.literal('node.create'), node: GraphNode }),
  z.strictObject({ op: z.literal('node.update'), id: Id, patch: NodePatch }),
  z.strictObject({ op: z.literal('node.delete'), id: Id }),
  z.strictObject({ op: z.literal('edge.create'), edge: GraphEdge }),
  z.strictObject({ op: z.literal('edge.update'), id: Id, patch: EdgePatch }),
  z.strictObject({ op: z.literal('edge.delete'), id: Id }),
  z.strictObject({
    op: z.literal('stance.set'),
    actorId: Id,
    elementId: Id,
    position: Position,
    note: z.string().max(20_000),
  }),
  z.strictObject({ op: z.literal('source.create'), source: Source }),
  z.strictObject({ op: z.literal('source.update'), id: Id, patch: SourcePatch }),
  z.strictObject({ op: z.literal('source.delete'), id: Id }),
  z.strictObject({ op: z.literal('provenance.create'), provenance: Provenance }),
  z.strictObject({ op: z.literal('provenance.update'), id: Id, patch: ProvenancePatch }),
  z.strictObject({ op: z.literal('provenance.delete'), id: Id }),
]);
export type Op = z.infer<typeof Op>;
export type OpName = Op['op'];

/** A batch applied atomically: all of it or none. */
export const OpBatch = z.array(Op).min(1).max(200_000);

/** The tables a change touched, so the UI refreshes only what it must. */
export const TABLES = ['scenario', 'actors', 'crises', 'nodes', 'edges', 'stances', 'sources', 'provenance'] as const;
export const Table = z.enum(TABLES);
export type Table = z.infer<typeof Table>;

/** What one applied batch did: the ops as applied, their inverse (to undo), and the tables touched. */
export const Change = z.strictObject({
  applied: z.array(Op),
  inverse: z.array(Op),
  touched: z.array(Table),
});
export type Change = z.infer<typeof Change>;
