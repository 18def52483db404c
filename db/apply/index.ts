/**
 * Applying a batch of ops: validate each with the core schema, run its handler, and collect
 * the inverse. The caller wraps this in one transaction; the inverse of the batch is the
 * reversed list of per-op inverses.
 */
import { AppError } from '../../core/errors';
import { formatPath } from '../../core/model';
import { Op, TABLES, type Change, type Table } from '../../core/ops';
import type { Statements } from '../statements';
import type { ApplyContext, Handler } from './context';
import { edgeCreate, edgeDelete, edgeUpdate, nodeCreate, nodeDelete, nodeUpdate } from './graph-ops';
import { actorCreate, actorDelete, actorUpdate, crisisCreate, crisisDelete, crisisUpdate, scenarioUpdate } from './meta-ops';
import { provenanceCreate, provenanceDelete, provenanceUpdate, sourceCreate, sourceDelete, sourceUpdate, stanceSet } from './evidence-ops';

const HANDLERS: { [K in Op['op']]: Handler<K> } = {
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

const isViewportOnly = (op: Op): boolean => op.op === 'crisis.update' && Object.keys(op.patch).every((key) => key === 'viewport');

/** Run inside a transaction. Touches only the rows the ops name: no work proportional to file size. */
export function applyOps(s: Statements, ops: readonly unknown[], modifiedAt: string): Change {
  if (ops.length === 0) throw new AppError('INVALID_DATA', 'An edit must contain at least one operation.');
  const ctx: ApplyContext = { s, touched: new Set<Table>() };
  const applied: Op[] = [];
  const inverses: Op[][] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = parseOp(ops[i], i);
    const handler = HANDLERS[op.op] as Handler<typeof op.op>;
    inverses.push(handler(ctx, op as never));
    applied.push(op);
  }
  // Where a canvas was looking is not a change to the scenario: it leaves modifiedAt alone.
  if (!applied.every(isViewportOnly)) {
    s.scenarioTouch.run(modifiedAt);
    ctx.touched.add('scenario');
  }
  const inverse: Op[] = [];
  for (let i = inverses.length - 1; i >= 0; i--) inverse.push(...inverses[i]!);
  return { applied, inverse, touched: TABLES.filter((t) => ctx.touched.has(t)) };
}
