/**
 * Document operations: the only way a scenario changes. The store applies them in one
 * transaction each, reports the ops it actually applied (cascades spelled out), and keeps their
 * exact inverse so the editor can undo and redo.
 */
import { z } from 'zod';
import { EdgePatch, GraphEdge, GraphNode, NodePatch } from './model/graph';
import { Position, Provenance, STANCE_DEFAULTS, Source, Stance } from './model/evidence';
import { EDIT_BASIS } from './model/basis';
import { Actor, Crisis, ScenarioMeta } from './model/scenario';
import { Id } from './model/primitives';

export const ScenarioPatch = ScenarioMeta.pick({ title: true, description: true, coreActorIds: true, author: true, marking: true, markingCaveat: true, exportAudience: true, asOf: true, language: true }).partial();
export const ActorPatch = Actor.omit({ id: true }).partial();
export const CrisisPatch = Crisis.omit({ id: true }).partial();
export const SourcePatch = Source.omit({ id: true }).partial();
export const ProvenancePatch = Provenance.pick({ locator: true, quote: true, sourceId: true, relation: true }).partial();

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
    // Left out: the planner's own estimate (STANCE_DEFAULTS). A stance.set replaces the whole stance.
    holder: Stance.shape.holder.optional(),
    asOf: Stance.shape.asOf.optional(),
    basis: Stance.shape.basis.optional(),
    provenanceId: Stance.shape.provenanceId.optional(),
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

/**
 * What crosses IPC after an edit: the ops the store actually applied, in order, with every
 * cascade spelled out as ops of its own (a node delete is preceded by the deletes of its edges,
 * stances and provenance; an actor delete by the updates that clear it from the core set and
 * from responses, and the deletes of its stances; a crisis delete by the deletes of its nodes;
 * a source delete by the deletes of the provenance citing it). Each op touches only the record
 * it names, so a copy of the document follows the file by patching it op by op
 * (core/patch-document.ts), and the cascade rules live only in the store (db/apply).
 */
export const Change = z.strictObject({
  applied: z.array(Op),
});
export type Change = z.infer<typeof Change>;

type StanceSet = Extract<Op, { op: 'stance.set' }>;

/** The stance a `stance.set` stores (null when it clears the stance): what it leaves out takes STANCE_DEFAULTS. */
export function stanceOfOp(op: StanceSet): Stance | null {
  if (op.position === 'unknown' && op.note === '') return null;
  return {
    actorId: op.actorId, elementId: op.elementId, position: op.position, note: op.note,
    holder: op.holder ?? STANCE_DEFAULTS.holder,
    asOf: op.asOf ?? STANCE_DEFAULTS.asOf,
    basis: op.basis ?? STANCE_DEFAULTS.basis,
    provenanceId: op.provenanceId ?? STANCE_DEFAULTS.provenanceId,
  };
}

/** The `stance.set` that puts `stance` back exactly (or clears it, for no stance). */
export function setStanceOp(actorId: string, elementId: string, stance: Stance | null | undefined): StanceSet {
  if (!stance) return { op: 'stance.set', actorId, elementId, position: 'unknown', note: '' };
  return { op: 'stance.set', ...stance };
}

/** What a user edit of one stance may change; anything it leaves out is kept. */
export type StanceChange = Partial<Pick<Stance, 'position' | 'note' | 'holder' | 'asOf' | 'basis' | 'provenanceId'>>;

/**
 * The `stance.set` for a user's edit of one stance. Everything the edit does not name is kept (a
 * stance.set replaces the whole stance). A changed position is the user's own judgement, so its
 * basis becomes `planner` unless the edit names another; who holds it, its date and its quote
 * stay until the user changes them. A first position starts from STANCE_DEFAULTS.
 */
export function editStanceOp(actorId: string, elementId: string, before: Stance | null | undefined, change: StanceChange): StanceSet {
  const position = change.position ?? before?.position ?? 'unknown';
  const positionChanged = change.position !== undefined && change.position !== (before?.position ?? 'unknown');
  return {
    op: 'stance.set',
    actorId,
    elementId,
    position,
    note: change.note ?? before?.note ?? '',
    holder: change.holder ?? before?.holder ?? STANCE_DEFAULTS.holder,
    asOf: change.asOf !== undefined ? change.asOf : (before?.asOf ?? STANCE_DEFAULTS.asOf),
    basis: change.basis ?? (positionChanged ? EDIT_BASIS : (before?.basis ?? STANCE_DEFAULTS.basis)),
    provenanceId: change.provenanceId !== undefined ? change.provenanceId : (before?.provenanceId ?? STANCE_DEFAULTS.provenanceId),
  };
}
