/**
 * The semantic diff of two scenario states: records added, removed and changed, field by field,
 * keyed by stable ids (a stance by `actorId/elementId`), never by text lines. Canvas moves
 * (a node's position and size, a crisis's viewport) are reported apart, so they never drown the
 * real changes, or hidden, or folded in (what merge and applyDiff use).
 */
import type { ScenarioDocument } from '../model';
import {
  RECORD_TYPES, RECORD_TYPE_INFO, flatten, isLayoutPath, recordsOf, sameValue, setPath, withRecords, type DocRecord, type RecordType,
} from './records';

export interface FieldChange {
  /** Absent (undefined) when the field was not set before. */
  from?: unknown;
  /** Absent (undefined) when the field is no longer set. */
  to?: unknown;
}

export interface RecordAdded {
  type: RecordType;
  id: string;
  value: DocRecord;
}
export type RecordRemoved = RecordAdded;

export interface RecordChanged {
  type: RecordType;
  id: string;
  fields: Record<string, FieldChange>;
}

export interface DocumentDiff {
  added: RecordAdded[];
  removed: RecordRemoved[];
  /** Records with at least one real (non-layout) field changed. */
  changed: RecordChanged[];
  /** Canvas-only changes (empty when layout is 'include' or 'hide'). */
  moved: RecordChanged[];
}

export interface DiffOptions {
  /** 'apart' (default): moves in `moved`; 'include': moves in `changed`; 'hide': moves left out. */
  layout?: 'apart' | 'include' | 'hide';
}

/** Field-level changes between two versions of one record, or null when they are the same. */
export function recordFieldChanges(type: RecordType, before: DocRecord, after: DocRecord): Record<string, FieldChange> | null {
  if (before === after) return null;
  const ignored = RECORD_TYPE_INFO[type].ignored;
  const a = flatten(before, ignored);
  const b = flatten(after, ignored);
  let fields: Record<string, FieldChange> | null = null;
  const note = (path: string, from: unknown, to: unknown): void => {
    fields ??= {};
    const change: FieldChange = {};
    if (from !== undefined) change.from = from;
    if (to !== undefined) change.to = to;
    fields[path] = change;
  };
  for (const [path, from] of a) {
    const to = b.get(path);
    if (!sameValue(from, to)) note(path, from, to);
  }
  for (const [path, to] of b) if (!a.has(path)) note(path, undefined, to);
  return fields;
}

/** Same record, ignoring the type's bookkeeping fields; cheap when nothing changed. */
export function sameRecord(type: RecordType, a: DocRecord, b: DocRecord): boolean {
  if (a === b) return true;
  const ignored = RECORD_TYPE_INFO[type].ignored;
  if (ignored.length === 0) return sameValue(a, b);
  return recordFieldChanges(type, a, b) === null;
}

export function diffDocuments(before: ScenarioDocument, after: ScenarioDocument, options: DiffOptions = {}): DocumentDiff {
  const layout = options.layout ?? 'apart';
  const diff: DocumentDiff = { added: [], removed: [], changed: [], moved: [] };
  for (const type of RECORD_TYPES) {
    const visit = (id: string, previous: DocRecord | undefined, record: DocRecord | undefined): void => {
      if (previous === undefined) diff.added.push({ type, id, value: record! });
      else if (record === undefined) diff.removed.push({ type, id, value: previous });
      else if (!sameRecord(type, previous, record)) {
        const fields = recordFieldChanges(type, previous, record);
        if (fields) splitLayout(diff, type, id, fields, layout);
      }
    };
    pairRecords(recordsOf(before, type), recordsOf(after, type), RECORD_TYPE_INFO[type].key, visit);
  }
  return diff;
}

/** The keys of `list`, or null when they are not in strictly ascending order. */
function sortedKeys(list: readonly DocRecord[], key: (r: DocRecord) => string): string[] | null {
  const keys = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) {
    keys[i] = key(list[i]!);
    if (i > 0 && !(keys[i - 1]! < keys[i]!)) return null;
  }
  return keys;
}

/**
 * Calls `visit` once per key in either list, with the record on each side (undefined where
 * absent); identical objects are skipped. Lists in canonical order (what the store loads and the
 * JSON form holds: sorted by key) are paired by a merge walk with no map; any other order falls
 * back to a map of `before`.
 */
export function pairRecords(
  before: readonly DocRecord[], after: readonly DocRecord[], key: (r: DocRecord) => string,
  visit: (id: string, previous: DocRecord | undefined, record: DocRecord | undefined) => void,
): void {
  const ka = sortedKeys(before, key);
  const kb = ka && sortedKeys(after, key);
  if (ka && kb) {
    let i = 0;
    let j = 0;
    while (i < before.length || j < after.length) {
      if (i < before.length && j < after.length && ka[i] === kb[j]) {
        if (before[i] !== after[j]) visit(ka[i]!, before[i], after[j]);
        i++;
        j++;
      } else if (j >= after.length || (i < before.length && ka[i]! < kb[j]!)) {
        visit(ka[i]!, before[i], undefined);
        i++;
      } else {
        visit(kb[j]!, undefined, after[j]);
        j++;
      }
    }
    return;
  }
  const old = new Map<string, DocRecord>();
  for (const record of before) old.set(key(record), record);
  for (const record of after) {
    const id = key(record);
    const previous = old.get(id);
    if (previous !== undefined) old.delete(id);
    visit(id, previous, record);
  }
  for (const [id, record] of old) visit(id, record, undefined);
}

function splitLayout(diff: DocumentDiff, type: RecordType, id: string, fields: Record<string, FieldChange>, layout: 'apart' | 'include' | 'hide'): void {
  if (layout === 'include') {
    diff.changed.push({ type, id, fields });
    return;
  }
  const real: Record<string, FieldChange> = {};
  const moves: Record<string, FieldChange> = {};
  let realCount = 0;
  let moveCount = 0;
  for (const [path, change] of Object.entries(fields)) {
    if (isLayoutPath(type, path)) {
      moves[path] = change;
      moveCount++;
    } else {
      real[path] = change;
      realCount++;
    }
  }
  if (realCount > 0) diff.changed.push({ type, id, fields: real });
  if (moveCount > 0 && layout === 'apart') diff.moved.push({ type, id, fields: moves });
}

export function isEmptyDiff(diff: DocumentDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0 && diff.moved.length === 0;
}

/**
 * `before` with a diff applied: removed records go, changed fields (and moves) are set, added
 * records are appended in the order the diff lists them. applyDiff(A, diffDocuments(A, B)) has
 * the records and fields of B (ignoring bookkeeping fields such as modifiedAt).
 */
export function applyDiff(before: ScenarioDocument, diff: DocumentDiff): ScenarioDocument {
  let doc = before;
  for (const type of RECORD_TYPES) {
    const { key } = RECORD_TYPE_INFO[type];
    const removed = new Set(diff.removed.filter((r) => r.type === type).map((r) => r.id));
    const changes = new Map<string, Record<string, FieldChange>>();
    for (const c of [...diff.changed, ...diff.moved]) {
      if (c.type !== type) continue;
      changes.set(c.id, { ...changes.get(c.id), ...c.fields });
    }
    const added = diff.added.filter((a) => a.type === type);
    if (removed.size === 0 && changes.size === 0 && added.length === 0) continue;
    const next: DocRecord[] = [];
    for (const record of recordsOf(doc, type)) {
      const id = key(record);
      if (removed.has(id)) continue;
      const fields = changes.get(id);
      next.push(fields ? applyFields(record, fields) : record);
    }
    for (const a of added) next.push(a.value);
    doc = withRecords(doc, type, next);
  }
  return doc;
}

function applyFields(record: DocRecord, fields: Record<string, FieldChange>): DocRecord {
  let out = record;
  // Shorter paths first, so setting `basis` to {} never undoes a `basis.x` set after it.
  for (const path of Object.keys(fields).sort((a, b) => a.length - b.length)) out = setPath(out, path, fields[path]!.to);
  return out;
}
