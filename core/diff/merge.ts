/**
 * Three-way merge of two copies of a scenario against their common base, and the two-way
 * fallback when no base is known. Pure: the same inputs and resolutions give the same result.
 *
 * - A change made on only one side is applied.
 * - A conflict is the same field changed differently on both sides, a record deleted on one side
 *   and changed on the other, or (two-way) any difference at all. Stances are atomic
 *   (see records.ts): two actors' stances never collapse, one actor's stance changed on both
 *   sides is a conflict carrying both versions with their holder and basis.
 * - Nothing is dropped silently: a record whose parent the other side deleted raises a conflict
 *   on the parent listing it; if the parent's deletion is chosen, the record is listed in `dropped`.
 */
import type { ScenarioDocument } from '../model';
import { pairRecords, sameRecord } from './diff';
import { RECORD_TYPES, RECORD_TYPE_INFO, flatten, recordsOf, sameValue, setPath, withRecords, type DocRecord, type RecordType } from './records';
import { repairReferences } from './references';
import { conflictKey, type Conflict, type MergeOptions, type MergeResult, type Resolution, type ResolvedConflict } from './conflicts';
import { pushAll } from '../arrays';

export * from './conflicts';


/** Merge `theirs` into `ours`. `base` null means no shared history: a two-way merge. */
export function mergeDocuments(base: ScenarioDocument | null, ours: ScenarioDocument, theirs: ScenarioDocument, options: MergeOptions = {}): MergeResult {
  const conflicts: ResolvedConflict[] = [];
  const choose = (c: Conflict): { value: unknown; resolution: Resolution | null } => {
    const preferred: Resolution | null = options.prefer === 'ours' ? { pick: 'ours' } : options.prefer === 'theirs' ? { pick: 'theirs' } : null;
    const resolution: Resolution | null = options.resolutions?.get(c.key) ?? preferred;
    conflicts.push({ ...c, resolution });
    if (resolution === null || resolution.pick === 'ours') return { value: c.ours, resolution };
    if (resolution.pick === 'theirs') return { value: c.theirs, resolution };
    return { value: resolution.value, resolution };
  };
  let document: ScenarioDocument = ours;
  // Every merged record that is not one of ours's objects, so the reference check reads only these in full.
  const fresh = new Set<DocRecord>();
  for (const type of RECORD_TYPES) {
    const records = mergeType(type, base, ours, theirs, choose, fresh);
    if (records) document = withRecords(document, type, records);
  }
  const repaired = repairReferences(document, ours, theirs, choose, conflicts, fresh);
  const sorted = conflicts.sort((a, b) => RECORD_TYPES.indexOf(a.type) - RECORD_TYPES.indexOf(b.type) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    document: repaired.document,
    conflicts: sorted,
    unresolved: sorted.filter((c) => c.resolution === null).length,
    dropped: repaired.dropped,
    mode: base ? 'three-way' : 'two-way',
  };
}

type Choose = (c: Conflict) => { value: unknown };

/**
 * The merged records of one type, or null when they are ours unchanged. Only the records theirs
 * changed (against the base; two-way: against ours) are looked at one by one: the rest are ours.
 */
function mergeType(type: RecordType, base: ScenarioDocument | null, ours: ScenarioDocument, theirs: ScenarioDocument, choose: Choose, fresh: Set<DocRecord>): DocRecord[] | null {
  const { key } = RECORD_TYPE_INFO[type];
  const oursList = recordsOf(ours, type);
  const theirChanges = new Map<string, { b: DocRecord | null; t: DocRecord | null }>();
  if (base) {
    pairRecords(recordsOf(base, type), recordsOf(theirs, type), key, (id, b, t) => {
      if (!b || !t || !sameRecord(type, b, t)) theirChanges.set(id, { b: b ?? null, t: t ?? null });
    });
  } else {
    pairRecords(oursList, recordsOf(theirs, type), key, (id, o, t) => {
      if (!o || !t || !sameRecord(type, o, t)) theirChanges.set(id, { b: null, t: t ?? null });
    });
  }
  if (theirChanges.size === 0) return null;
  const out: DocRecord[] = [];
  const inOurs = new Set<string>();
  let changed = false;
  for (const o of oursList) {
    const id = key(o);
    const change = theirChanges.get(id);
    if (!change) {
      out.push(o);
      continue;
    }
    inOurs.add(id);
    const merged = mergeRecord(type, id, change.b, o, change.t, base === null, choose);
    if (merged !== o) changed = true;
    if (merged && merged !== o) fresh.add(merged);
    if (merged) out.push(merged);
  }
  for (const [id, change] of theirChanges) {
    if (inOurs.has(id)) continue;
    const merged = mergeRecord(type, id, change.b, null, change.t, base === null, choose);
    if (merged) {
      fresh.add(merged);
      out.push(merged);
      changed = true;
    }
  }
  return changed ? out : null;
}

function mergeRecord(
  type: RecordType, id: string, b: DocRecord | null, o: DocRecord | null, t: DocRecord | null, twoWay: boolean, choose: Choose,
): DocRecord | null {
  if (!o && !t) return null; // deleted on both sides
  if (o && t && (o === t || sameValue(o, t))) return o;
  const records = { base: b, ours: o, theirs: t };
  const whole = (kind: Conflict['kind']): DocRecord | null =>
    choose({ key: conflictKey(type, id, '*'), type, id, field: '*', kind, base: b, ours: o, theirs: t, records, dependents: [] }).value as DocRecord | null;
  if (!o || !t) {
    if (twoWay) return whole('presence');
    const kept = o ?? t!;
    if (!b) return kept; // added on one side only
    if (sameValue(b, kept)) return null; // deleted on one side, untouched on the other
    return whole('delete');
  }
  return mergeFields(type, id, b, o, t, choose);
}

/** Both sides have the record and it differs: merge field by field. */
function mergeFields(type: RecordType, id: string, b: DocRecord | null, o: DocRecord, t: DocRecord, choose: Choose): DocRecord {
  const info = RECORD_TYPE_INFO[type];
  // Bookkeeping fields (modifiedAt) follow ours; they are never a conflict.
  const fb = flatten(b, info.ignored);
  const fo = flatten(o, info.ignored);
  const ft = flatten(t, info.ignored);
  const paths = new Set([...fo.keys(), ...ft.keys(), ...fb.keys()]);
  const records = { base: b, ours: o, theirs: t };
  const conflicting: string[] = [];
  const takeTheirs: string[] = [];
  const keepOurs: string[] = [];
  for (const path of paths) {
    const vo = fo.get(path);
    const vt = ft.get(path);
    if (sameValue(vo, vt)) continue;
    const vb = fb.get(path);
    if (b && sameValue(vb, vo)) takeTheirs.push(path);
    else if (b && sameValue(vb, vt)) keepOurs.push(path); // ours changed it, theirs did not
    else conflicting.push(path);
  }
  if (info.atomic && conflicting.length > 0) pushAll(pushAll(conflicting, takeTheirs.splice(0)), keepOurs);
  for (const group of info.coupled) {
    const moved = (list: string[]): boolean => list.some((p) => group.includes(p));
    const clash = moved(conflicting) || (moved(takeTheirs) && moved(keepOurs));
    if (!clash) continue;
    for (let i = takeTheirs.length - 1; i >= 0; i--) if (group.includes(takeTheirs[i]!)) pushAll(conflicting, takeTheirs.splice(i, 1));
    for (const p of keepOurs) if (group.includes(p)) conflicting.push(p);
  }
  let merged: DocRecord = o;
  // Shorter paths first, so setting `basis` to {} never undoes a `basis.x` set after it.
  const byLength = (x: string, y: string): number => x.length - y.length || (x < y ? -1 : 1);
  for (const path of takeTheirs.sort(byLength)) merged = setPath(merged, path, ft.get(path));
  for (const path of conflicting.sort(byLength)) {
    const conflict: Conflict = {
      key: conflictKey(type, id, path), type, id, field: path, kind: 'field',
      base: fb.get(path), ours: fo.get(path), theirs: ft.get(path), records, dependents: [],
    };
    const { value } = choose(conflict);
    if (!sameValue(value, fo.get(path))) merged = setPath(merged, path, value);
  }
  return merged;
}
