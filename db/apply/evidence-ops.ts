/** Ops on stances, sources and provenance. A stance that is `unknown` with no note is no row at all. */
import { AppError } from '../../core/errors';
import { pushAll } from '../../core/arrays';
import { Provenance, Source, type Stance } from '../../core/model';
import { setStanceOp, stanceOfOp, type Op } from '../../core/ops';
import { provenanceParams, sourceParams, stanceParams } from '../rows';
import type { ApplyContext } from './context';
import { cleanPatch, getActor, getNode, getProvenance, getSource, inversePatch, requireFree, validated, type Handler } from './context';

export const stanceSet: Handler<'stance.set'> = (ctx, op) => {
  getActor(ctx, op.actorId);
  getNode(ctx, op.elementId);
  const before = ctx.s.stanceGet.get(op.actorId, op.elementId) as Stance | undefined;
  const stance = stanceOfOp(op);
  if (stance?.provenanceId != null) {
    const cited = getProvenance(ctx, stance.provenanceId);
    if (cited.elementId !== stance.elementId) throw new AppError('INVALID_DATA', 'A stance can cite only a quote on the same node.');
  }
  if (stance === null) ctx.s.stanceDelete.run(op.actorId, op.elementId);
  else ctx.s.stanceUpsert.run(stanceParams(stance));
  ctx.touched.add('stances');
  return [setStanceOp(op.actorId, op.elementId, before)];
};

/** Stances that cite a quote about to go stop citing it; returns the ops that restore the citations (run after the quote is back). */
function releaseCitations(ctx: ApplyContext, provenanceId: string): Op[] {
  const restore: Op[] = [];
  for (const stance of ctx.s.stancesCiting.all(provenanceId) as Stance[]) {
    const uncited = { ...stance, provenanceId: null };
    ctx.s.stanceUpsert.run(stanceParams(uncited));
    ctx.applied.push(setStanceOp(stance.actorId, stance.elementId, uncited));
    restore.push(setStanceOp(stance.actorId, stance.elementId, stance));
    ctx.touched.add('stances');
  }
  return restore;
}

export const sourceCreate: Handler<'source.create'> = (ctx, op) => {
  requireFree(ctx.s.sourceGet.get(op.source.id), 'source', op.source.id);
  ctx.s.sourceInsert.run(sourceParams(op.source));
  ctx.touched.add('sources');
  return [{ op: 'source.delete', id: op.source.id }];
};

export const sourceUpdate: Handler<'source.update'> = (ctx, op) => {
  const before = getSource(ctx, op.id);
  const patch = cleanPatch(op.patch);
  const after = validated(Source, { ...before, ...patch }, 'source');
  ctx.s.sourceUpdate.run([...sourceParams(after).slice(1), op.id]);
  ctx.touched.add('sources');
  return [{ op: 'source.update', id: op.id, patch: inversePatch(before, patch) }];
};

/** Removing a source removes the provenance records that cite it. */
export const sourceDelete: Handler<'source.delete'> = (ctx, op) => {
  const source = getSource(ctx, op.id);
  const inverse: Op[] = [{ op: 'source.create', source }];
  const citations: Op[] = [];
  for (const record of ctx.s.provenanceOfSource.all(op.id) as Provenance[]) {
    pushAll(citations, releaseCitations(ctx, record.id));
    ctx.s.provenanceDelete.run(record.id);
    ctx.applied.push({ op: 'provenance.delete', id: record.id });
    inverse.push({ op: 'provenance.create', provenance: record });
    ctx.touched.add('provenance');
  }
  ctx.s.sourceDelete.run(op.id);
  ctx.touched.add('sources');
  return [...inverse, ...citations];
};

export const provenanceCreate: Handler<'provenance.create'> = (ctx, op) => {
  const record = op.provenance;
  requireFree(ctx.s.provenanceGet.get(record.id), 'provenance record', record.id);
  getNode(ctx, record.elementId);
  getSource(ctx, record.sourceId);
  ctx.s.provenanceInsert.run(provenanceParams(record));
  ctx.touched.add('provenance');
  return [{ op: 'provenance.delete', id: record.id }];
};

export const provenanceUpdate: Handler<'provenance.update'> = (ctx, op) => {
  const before = getProvenance(ctx, op.id);
  const patch = cleanPatch(op.patch);
  if (patch.sourceId !== undefined) getSource(ctx, patch.sourceId);
  const after = validated(Provenance, { ...before, ...patch }, 'provenance');
  ctx.s.provenanceUpdate.run(after.sourceId, after.locator, after.quote, after.relation, op.id);
  ctx.touched.add('provenance');
  return [{ op: 'provenance.update', id: op.id, patch: inversePatch(before, patch) }];
};

export const provenanceDelete: Handler<'provenance.delete'> = (ctx, op) => {
  const record = getProvenance(ctx, op.id);
  const citations = releaseCitations(ctx, op.id);
  ctx.s.provenanceDelete.run(op.id);
  ctx.touched.add('provenance');
  return [{ op: 'provenance.create', provenance: record }, ...citations];
};
