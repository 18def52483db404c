/**
 * Compaction of an undo step: adjacent updates of one record fold into one op, so a title typed
 * letter by letter, or a run of arrow-key nudges, is kept (in memory and in the file's log) as
 * one patch instead of one per keystroke. Only folds that give exactly the same result are made:
 * a node or edge patch that touches a judged value or its basis is never folded, because the
 * basis rule (core/model/settle.ts) reads the record as it stands before each patch.
 */
import { JUDGED_EDGE_FIELDS, JUDGED_NODE_FIELDS } from './model/basis';
import type { Op } from './ops';

const SETTLED_NODE_KEYS = new Set<string>([...JUDGED_NODE_FIELDS, 'basis']);
const SETTLED_EDGE_KEYS = new Set<string>([...JUDGED_EDGE_FIELDS, 'basis']);

type Update = Extract<Op, { op: 'scenario.update' | `${string}.update` }>;

function isUpdate(op: Op): op is Update {
  return op.op.endsWith('.update');
}

/** The record an op names, or null for ops that are not folded. */
function recordOf(op: Op): string | null {
  if (op.op === 'scenario.update') return 'scenario';
  if (op.op === 'stance.set') return `stance:${op.actorId}/${op.elementId}`;
  if (isUpdate(op) && 'id' in op) return `${op.op}:${op.id}`;
  return null;
}

function foldable(op: Op): boolean {
  if (op.op === 'node.update') return Object.keys(op.patch).every((k) => !SETTLED_NODE_KEYS.has(k));
  if (op.op === 'edge.update') return Object.keys(op.patch).every((k) => !SETTLED_EDGE_KEYS.has(k));
  return true;
}

/** `later` applied after `earlier`, as one op (both name the same record and are foldable). */
function fold(earlier: Op, later: Op): Op {
  if (later.op === 'stance.set') return later; // a stance.set replaces the whole stance
  // Both are updates of the same kind on the same record: a shallow merge, later keys winning.
  return { ...later, patch: { ...(earlier as Update).patch, ...(later as Update).patch } } as Op;
}

/** `ops` with every run of adjacent, exactly foldable changes to one record folded into one op. */
export function compactOps(ops: readonly Op[]): Op[] {
  const out: Op[] = [];
  let lastRecord: string | null = null;
  for (const op of ops) {
    const record = recordOf(op);
    const prev = out.at(-1);
    if (prev && record !== null && record === lastRecord && foldable(prev) && foldable(op)) {
      out[out.length - 1] = fold(prev, op);
      continue;
    }
    out.push(op);
    lastRecord = record;
  }
  return out;
}
