/** Ops on nodes and edges. Edges obey core/rules.ts; a node's id must not clash with an edge's (they share one element namespace). */
import { AppError } from '../../core/errors';
import { GraphEdge, GraphNode, settleEdgePatch, settleNodePatch, type Provenance, type Stance } from '../../core/model';
import { setStanceOp, type Op } from '../../core/ops';
import { checkConnection } from '../../core/rules';
import { encodeNodeField, nodeParams, type NodeField } from '../node-columns';
import { edgeFromRow, edgeParams, type EdgeRow } from '../rows';
import { cleanPatch, clearedStance, getCrisis, getEdge, getNode, inversePatch, requireActors, requireFree, validated, type ApplyContext, type Handler } from './context';

export const nodeCreate: Handler<'node.create'> = (ctx, op) => {
  const node = op.node;
  getCrisis(ctx, node.crisisId);
  requireFree(ctx.s.elementIdUsed.get({ id: node.id }), 'node or edge', node.id);
  if (node.leadActorId !== null) requireActors(ctx, [node.leadActorId]);
  requireActors(ctx, node.supportingActorIds);
  ctx.s.nodeInsert.run(nodeParams(node));
  ctx.touched.add('nodes');
  return [{ op: 'node.delete', id: node.id }];
};

export const nodeUpdate: Handler<'node.update'> = (ctx, op) => {
  const before = getNode(ctx, op.id);
  // The basis rule (core/model/settle.ts): the mirror applies the same function to the same op.
  const patch = settleNodePatch(before, cleanPatch(op.patch));
  const after = validated(GraphNode, { ...before, ...patch }, 'node');
  if (patch.leadActorId) requireActors(ctx, [patch.leadActorId]);
  if (patch.supportingActorIds) requireActors(ctx, patch.supportingActorIds);
  for (const field of Object.keys(patch) as NodeField[]) ctx.s.nodeSetField[field].run(encodeNodeField(field, after[field]), op.id);
  ctx.touched.add('nodes');
  return [{ op: 'node.update', id: op.id, patch: inversePatch(before, patch) }];
};

/**
 * Delete a node with everything that hangs off it. Returns the inverse: the node first, then
 * its edges, provenance and stances (which may cite that provenance), so every reference
 * resolves as it is restored.
 */
export function removeNode(ctx: ApplyContext, id: string): Op[] {
  const node = getNode(ctx, id);
  const inverse: Op[] = [{ op: 'node.create', node }];
  for (const edge of (ctx.s.edgesOfNode.all({ id }) as EdgeRow[]).map(edgeFromRow)) {
    ctx.s.edgeDelete.run(edge.id);
    ctx.applied.push({ op: 'edge.delete', id: edge.id });
    inverse.push({ op: 'edge.create', edge });
    ctx.touched.add('edges');
  }
  const stances = ctx.s.stancesOfNode.all(id) as Stance[];
  for (const stance of stances) {
    ctx.s.stanceDelete.run(stance.actorId, stance.elementId);
    ctx.applied.push(clearedStance(stance));
    ctx.touched.add('stances');
  }
  for (const record of ctx.s.provenanceOfNode.all(id) as Provenance[]) {
    ctx.s.provenanceDelete.run(record.id);
    ctx.applied.push({ op: 'provenance.delete', id: record.id });
    inverse.push({ op: 'provenance.create', provenance: record });
    ctx.touched.add('provenance');
  }
  for (const stance of stances) inverse.push(setStanceOp(stance.actorId, stance.elementId, stance));
  ctx.s.nodeDelete.run(id);
  ctx.touched.add('nodes');
  return inverse;
}

export const nodeDelete: Handler<'node.delete'> = (ctx, op) => removeNode(ctx, op.id);

export const edgeCreate: Handler<'edge.create'> = (ctx, op) => {
  const edge = op.edge;
  requireFree(ctx.s.elementIdUsed.get({ id: edge.id }), 'node or edge', edge.id);
  const from = getNode(ctx, edge.source);
  const to = getNode(ctx, edge.target);
  const check = checkConnection(from, to, edge.kind);
  if (!check.ok) throw new AppError('INVALID_CONNECTION', check.reason);
  if (edge.crisisId !== from.crisisId) throw new AppError('INVALID_CONNECTION', 'An edge belongs to the crisis of the nodes it joins.');
  ctx.s.edgeInsert.run(edgeParams(edge));
  ctx.touched.add('edges');
  return [{ op: 'edge.delete', id: edge.id }];
};

export const edgeUpdate: Handler<'edge.update'> = (ctx, op) => {
  const before = getEdge(ctx, op.id);
  const patch = settleEdgePatch(before, cleanPatch(op.patch));
  const after = validated(GraphEdge, { ...before, ...patch }, 'edge');
  ctx.s.edgeUpdate.run(after.label, after.confidence, JSON.stringify(after.basis), op.id);
  ctx.touched.add('edges');
  return [{ op: 'edge.update', id: op.id, patch: inversePatch(before, patch) }];
};

export const edgeDelete: Handler<'edge.delete'> = (ctx, op) => {
  const edge = getEdge(ctx, op.id);
  ctx.s.edgeDelete.run(op.id);
  ctx.touched.add('edges');
  return [{ op: 'edge.create', edge }];
};

