/**
 * Applying a batch of ops: validate each with the core schema, run its handler, and collect
 * the ops actually applied (cascades spelled out) and the inverse. The caller wraps this in one
 * transaction; the inverse of the batch is the reversed list of per-op inverses.
 */
import { AppError } from '../../core/errors';
import { formatPath } from '../../core/model';
import { Op } from '../../core/ops';
import { TABLES, type Table } from '../constants';
import type { Statements } from '../statements';
import type { ApplyContext } from './context';
import { edgeCreate, edgeDelete, edgeUpdate, nodeCreate, nodeDelete, nodeUpdate } from './graph-ops';
import { actorCreate, actorDelete, actorUpdate, crisisCreate, crisisDelete, crisisUpdate, scenarioUpdate } from './meta-ops';
import { provenanceCreate, provenanceDelete, provenanceUpdate, sourceCreate, sourceDelete, sourceUpdate, stanceSet } from './evidence-ops';
import { pushAll } from '../../core/arrays';

type OpOf = { [K in Op['op']]: Extract<Op, { op: K }> };
const HANDLERS: { [K in keyof OpOf]: (ctx: ApplyContext, op: OpOf[K]) => Op[] } = {
  'scenario.update': scenarioUpdate,
  'actor.create': actorCreate,
  'actor.update': actorUpdate,
  'actor.delete': actorDelete,
  'crisis.create': crisisCreate,
  'crisis.update': crisisUpdate,
  'crisis.delete': crisisDelete,
  'node.create': nodeCreate,
  'node.update': nodeUpdate,
  'node.delete': nodeDelete,
  'edge.create': edgeCreate,
  'edge.update': edgeUpdate,
  'edge.delete': edgeDelete,
  'stance.set': stanceSet,
  'source.create': sourceCreate,
  'source.update': sourceUpdate,
  'source.delete': sourceDelete,
  'provenance.create': provenanceCreate,
  'provenance.update': provenanceUpdate,
  'provenance.delete': provenanceDelete,
};

function parseOp(raw: unknown, index: number): Op {
  const result = Op.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? formatPath(issue.path as (string | number)[]) : '';
  throw new AppError('INVALID_DATA', `Invalid operation ops[${index}]${path ? `.${path}` : ''}: ${issue?.message ?? 'invalid value'}`);
}

/** Runs the op's own handler: the kind picks the handler and types the op it is given, with no cast. */
function runHandler<K extends keyof OpOf>(ctx: ApplyContext, kind: K, op: OpOf[K]): Op[] {
  return HANDLERS[kind](ctx, op);
}

const isViewportOnly = (op: Op): boolean => op.op === 'crisis.update' && Object.keys(op.patch).every((key) => key === 'viewport');

/** What one applied batch did, as the store sees it; only `applied` crosses IPC (core/ops Change). */
export interface AppliedChange {
  /** Every op applied, in order, cascades spelled out: patching a copy with these mirrors the file. */
  applied: Op[];
  /** The ops that undo the batch, in the order to apply them. */
  inverse: Op[];
  /** The tables the batch wrote. */
  touched: Table[];
  /** The scenario's modifiedAt after the batch (unchanged by a viewport-only batch). */
  modifiedAt: string;
}

/** Run inside a transaction. Touches only the rows the ops name: no work proportional to file size. */
export function applyOps(s: Statements, ops: readonly unknown[], modifiedAt: string): AppliedChange {
  if (ops.length === 0) throw new AppError('INVALID_DATA', 'An edit must contain at least one operation.');
  const ctx: ApplyContext = { s, applied: [], touched: new Set<Table>() };
  const inverses: Op[][] = [];
  let viewportOnly = true;
  for (let i = 0; i < ops.length; i++) {
    const op = parseOp(ops[i], i);
    inverses.push(runHandler(ctx, op.op, op));
    ctx.applied.push(op);
    viewportOnly &&= isViewportOnly(op);
  }
  // Where a canvas was looking is not a change to the scenario: it leaves modifiedAt alone.
  let stamped = modifiedAt;
  if (viewportOnly) stamped = (s.scenarioGet.get() as { modifiedAt: string } | undefined)?.modifiedAt ?? modifiedAt;
  else {
    s.scenarioTouch.run(modifiedAt);
    ctx.touched.add('scenario');
  }
  const inverse: Op[] = [];
  for (let i = inverses.length - 1; i >= 0; i--) pushAll(inverse, inverses[i]!);
  return { applied: ctx.applied, inverse, touched: TABLES.filter((t) => ctx.touched.has(t)), modifiedAt: stamped };
}
