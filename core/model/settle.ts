/**
 * The basis rule for edits, shared by the store and the in-memory mirror so both apply the same
 * patch. An edit that names `basis` sets the whole basis (keys for blank values dropped). An edit
 * that does not: each judged value it changes becomes `planner`, and each value it blanks loses
 * its basis.
 */
import { EDIT_BASIS, JUDGED_NODE_FIELDS, type Basis, type EdgeBasis, type JudgedNodeField, type NodeBasis } from './basis';
import type { EdgePatch, GraphEdge, GraphNode, NodePatch } from './graph';

function settle<F extends string>(
  fields: readonly F[],
  before: Record<F, unknown> & { basis: Partial<Record<F, Basis>> },
  patch: Partial<Record<F, unknown>> & { basis?: Partial<Record<F, Basis>> | undefined },
): Partial<Record<F, Basis>> | undefined {
  const changed = fields.filter((f) => patch[f] !== undefined && patch[f] !== before[f]);
  if (changed.length === 0 && patch.basis === undefined) return undefined;
  // A patch that names the basis names all of it (undo relies on this to restore it exactly).
  const given = patch.basis ?? before.basis;
  const out: Partial<Record<F, Basis>> = {};
  for (const field of fields) {
    const value = patch[field] !== undefined ? patch[field] : before[field];
    if (value === null) continue;
    const basis = patch.basis === undefined && changed.includes(field) ? EDIT_BASIS : given[field];
    if (basis !== undefined) out[field] = basis;
  }
  return out;
}

/** The node patch as the store applies it, with the basis the rule gives. */
export function settleNodePatch(before: GraphNode, patch: NodePatch): NodePatch {
  const basis: NodeBasis | undefined = settle(JUDGED_NODE_FIELDS, before, patch);
  return basis === undefined ? patch : { ...patch, basis };
}

/** The edge patch as the store applies it. Only confidence can change on an edge; its kind is fixed. */
export function settleEdgePatch(before: GraphEdge, patch: EdgePatch): EdgePatch {
  const basis: EdgeBasis | undefined = settle(['confidence'], before, patch);
  if (basis === undefined) return patch;
  const kind = patch.basis?.kind ?? before.basis.kind;
  return { ...patch, basis: kind === undefined ? basis : { kind, ...basis } };
}

/** A basis naming `basis` for every judged value the node has set (for imports of a user's own data). */
export function uniformNodeBasis(node: Pick<GraphNode, JudgedNodeField>, basis: Basis): NodeBasis {
  const out: NodeBasis = {};
  for (const field of JUDGED_NODE_FIELDS) if (node[field] !== null) out[field] = basis;
  return out;
}

/** The same for an edge: its kind always, its confidence when set. */
export function uniformEdgeBasis(edge: Pick<GraphEdge, 'confidence'>, basis: Basis): EdgeBasis {
  return edge.confidence === null ? { kind: basis } : { kind: basis, confidence: basis };
}

/** The patch that takes actor `actorId` off a node's lead and supporting roles (when an actor is deleted). */
export function releaseActor(node: GraphNode, actorId: string): NodePatch {
  return {
    leadActorId: node.leadActorId === actorId ? null : node.leadActorId,
    supportingActorIds: node.supportingActorIds.filter((id) => id !== actorId),
  };
}
