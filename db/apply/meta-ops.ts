/** Ops on the scenario record, actors and crises. Deletes gather everything they remove so the inverse restores it exactly. */
import { Actor, Crisis, ScenarioMeta, releaseActor, settleNodePatch } from '../../core/model';
import type { Stance } from '../../core/model';
import { setStanceOp, type Op } from '../../core/ops';
import { encodeNodeField, nodeFromRow } from '../node-columns';
import { actorParams, crisisParams, scenarioFromRow, scenarioParams, type ScenarioRow } from '../rows';
import { AppError } from '../../core/errors';
import { cleanPatch, clearedStance, getActor, getCrisis, inversePatch, requireActors, requireFree, validated, type ApplyContext, type Handler } from './context';
import { removeNode } from './graph-ops';

function readScenario(ctx: ApplyContext): ScenarioMeta {
  const row = ctx.s.scenarioGet.get() as ScenarioRow | undefined;
  if (!row) throw new AppError('DAMAGED_FILE', 'The scenario file is damaged: it has no scenario record.');
  return scenarioFromRow(row);
}

export const scenarioUpdate: Handler<'scenario.update'> = (ctx, op) => {
  const before = readScenario(ctx);
  const patch = cleanPatch(op.patch);
  if (patch.coreActorIds) requireActors(ctx, patch.coreActorIds);
  const after = validated(ScenarioMeta, { ...before, ...patch }, 'scenario');
  ctx.s.scenarioUpdate.run(scenarioParams(after));
  ctx.touched.add('scenario');
  return [{ op: 'scenario.update', patch: inversePatch(before, patch) }];
};

export const actorCreate: Handler<'actor.create'> = (ctx, op) => {
  requireFree(ctx.s.actorGet.get(op.actor.id), 'actor', op.actor.id);
  ctx.s.actorInsert.run(actorParams(op.actor));
  ctx.touched.add('actors');
  return [{ op: 'actor.delete', id: op.actor.id }];
};

export const actorUpdate: Handler<'actor.update'> = (ctx, op) => {
  const before = getActor(ctx, op.id);
  const patch = cleanPatch(op.patch);
  const after = validated(Actor, { ...before, ...patch }, 'actor');
  ctx.s.actorUpdate.run([...actorParams(after).slice(1), op.id]);
  ctx.touched.add('actors');
  return [{ op: 'actor.update', id: op.id, patch: inversePatch(before, patch) }];
};

/** Removing an actor clears it from the core set, from responses that name it, and drops its stances. */
export const actorDelete: Handler<'actor.delete'> = (ctx, op) => {
  const actor = getActor(ctx, op.id);
  const inverse: Op[] = [{ op: 'actor.create', actor }];
  const scenario = readScenario(ctx);
  if (scenario.coreActorIds.includes(op.id)) {
    const coreActorIds = scenario.coreActorIds.filter((a) => a !== op.id);
    ctx.s.scenarioUpdate.run(scenarioParams({ ...scenario, coreActorIds }));
    ctx.applied.push({ op: 'scenario.update', patch: { coreActorIds } });
    inverse.push({ op: 'scenario.update', patch: { coreActorIds: scenario.coreActorIds } });
    ctx.touched.add('scenario');
  }
  for (const row of ctx.s.nodesOfActor.all({ id: op.id }) as Record<string, unknown>[]) {
    const node = nodeFromRow(row);
    const released = releaseActor(node, op.id);
    // A lead that goes loses its basis; the patch names the basis so the mirror and undo are exact.
    const cleared = { ...released, basis: settleNodePatch(node, released).basis ?? node.basis };
    ctx.s.nodeSetField.leadActorId.run(encodeNodeField('leadActorId', cleared.leadActorId ?? null), node.id);
    ctx.s.nodeSetField.supportingActorIds.run(encodeNodeField('supportingActorIds', cleared.supportingActorIds), node.id);
    ctx.s.nodeSetField.basis.run(encodeNodeField('basis', cleared.basis), node.id);
    ctx.applied.push({ op: 'node.update', id: node.id, patch: cleared });
    inverse.push({ op: 'node.update', id: node.id, patch: { leadActorId: node.leadActorId, supportingActorIds: node.supportingActorIds, basis: node.basis } });
    ctx.touched.add('nodes');
  }
  for (const stance of ctx.s.stancesOfActor.all(op.id) as Stance[]) {
    ctx.s.stanceDelete.run(stance.actorId, stance.elementId);
    ctx.applied.push(clearedStance(stance));
    inverse.push(setStanceOp(stance.actorId, stance.elementId, stance));
    ctx.touched.add('stances');
  }
  ctx.s.actorDelete.run(op.id);
  ctx.touched.add('actors');
  return inverse;
};

export const crisisCreate: Handler<'crisis.create'> = (ctx, op) => {
  requireFree(ctx.s.crisisGet.get(op.crisis.id), 'crisis', op.crisis.id);
  ctx.s.crisisInsert.run(crisisParams(op.crisis));
  ctx.touched.add('crises');
  return [{ op: 'crisis.delete', id: op.crisis.id }];
};

export const crisisUpdate: Handler<'crisis.update'> = (ctx, op) => {
  const before = getCrisis(ctx, op.id);
  const patch = cleanPatch(op.patch);
  const after = validated(Crisis, { ...before, ...patch }, 'crisis');
  ctx.s.crisisUpdate.run([...crisisParams(after).slice(1), op.id]);
  ctx.touched.add('crises');
  return [{ op: 'crisis.update', id: op.id, patch: inversePatch(before, patch) }];
};

/** Removing a crisis removes its nodes (and with them their edges, stances and provenance), each recorded as applied. */
export const crisisDelete: Handler<'crisis.delete'> = (ctx, op) => {
  const crisis = getCrisis(ctx, op.id);
  const nodes = (ctx.s.crisisNodes.all(op.id) as Record<string, unknown>[]).map(nodeFromRow);
  const restoreNodes: Op[] = nodes.map((node) => ({ op: 'node.create', node }));
  const restoreEdges: Op[] = [];
  const restoreEvidence: Op[] = [];
  const seenEdges = new Set<string>();
  for (const node of nodes) {
    const undos = removeNode(ctx, node.id);
    ctx.applied.push({ op: 'node.delete', id: node.id });
    for (const undo of undos) {
      if (undo.op === 'node.create') continue;
      if (undo.op === 'edge.create') {
        if (seenEdges.has(undo.edge.id)) continue;
        seenEdges.add(undo.edge.id);
        restoreEdges.push(undo);
      } else restoreEvidence.push(undo);
    }
  }
  restoreEdges.sort((a, b) => (a.op === 'edge.create' && b.op === 'edge.create' ? (a.edge.id < b.edge.id ? -1 : 1) : 0));
  ctx.s.crisisDelete.run(op.id);
  ctx.touched.add('crises');
  return [{ op: 'crisis.create', crisis }, ...restoreNodes, ...restoreEdges, ...restoreEvidence];
};
