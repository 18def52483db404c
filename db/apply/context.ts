/**
 * What every op handler shares: the statements, the ops applied so far (cascades spelled out),
 * the touched-table set, and lookup helpers that throw typed errors.
 */
import type { z } from 'zod';
import { AppError } from '../../core/errors';
import { formatPath, type Actor, type Crisis, type GraphEdge, type GraphNode, type Provenance, type Source, type Stance } from '../../core/model';
import type { Op } from '../../core/ops';
import type { Table } from '../constants';
import { nodeFromRow } from '../node-columns';
import { crisisFromRow, edgeFromRow, type CrisisRow, type EdgeRow } from '../rows';
import type { Statements } from '../statements';

export interface ApplyContext {
  s: Statements;
  /**
   * Every op the batch has applied, in order. A handler appends the ops its cascade applies
   * (before its own op, which the caller appends once the handler returns), so the list says
   * exactly what changed, record by record.
   */
  applied: Op[];
  touched: Set<Table>;
}

/** An op handler applies one op and returns the ops that undo it, in the order to apply them. */
export type Handler<K extends Op['op']> = (ctx: ApplyContext, op: Extract<Op, { op: K }>) => Op[];

export function getActor(ctx: ApplyContext, id: string): Actor {
  const row = ctx.s.actorGet.get(id) as Actor | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No actor "${id}".`);
  return row;
}

export function getCrisis(ctx: ApplyContext, id: string): Crisis {
  const row = ctx.s.crisisGet.get(id) as CrisisRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No crisis "${id}".`);
  return crisisFromRow(row);
}

export function getNode(ctx: ApplyContext, id: string): GraphNode {
  const row = ctx.s.nodeGet.get(id) as Record<string, unknown> | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No node "${id}".`);
  return nodeFromRow(row);
}

export function getEdge(ctx: ApplyContext, id: string): GraphEdge {
  const row = ctx.s.edgeGet.get(id) as EdgeRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No edge "${id}".`);
  return edgeFromRow(row);
}

export function getSource(ctx: ApplyContext, id: string): Source {
  const row = ctx.s.sourceGet.get(id) as Source | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No source "${id}".`);
  return row;
}

export function getProvenance(ctx: ApplyContext, id: string): Provenance {
  const row = ctx.s.provenanceGet.get(id) as Provenance | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No provenance record "${id}".`);
  return row;
}

export function requireActors(ctx: ApplyContext, ids: readonly string[]): void {
  for (const id of ids) if (!ctx.s.actorGet.get(id)) throw new AppError('NOT_FOUND', `No actor "${id}".`);
}

export function requireFree(taken: unknown, what: string, id: string): void {
  if (taken) throw new AppError('INVALID_DATA', `A ${what} with id "${id}" already exists.`);
}

/** The op that removes a stance: `unknown` with no note is no row at all. */
export const clearedStance = (stance: Pick<Stance, 'actorId' | 'elementId'>): Op => ({
  op: 'stance.set', actorId: stance.actorId, elementId: stance.elementId, position: 'unknown', note: '',
});

/** Drop keys whose value is undefined so a patch never blanks a field by accident. */
export function cleanPatch<T extends object>(patch: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(patch) as (keyof T)[]) if (patch[key] !== undefined) out[key] = patch[key];
  return out;
}

/** The patch that puts back what `patch` is about to overwrite in `before`. */
export function inversePatch<T extends object>(before: T, patch: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(patch) as (keyof T)[]) out[key] = before[key];
  return out;
}

/** Validate a merged record with its full schema; INVALID_DATA names the first bad field. */
export function validated<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? formatPath(issue.path as (string | number)[]) : '';
  throw new AppError('INVALID_DATA', `Invalid ${what}${path ? ` ${path}` : ''}: ${issue?.message ?? 'invalid value'}`);
}
