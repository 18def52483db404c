/**
 * What diff and merge know about a scenario's records: one table of record types (how to find
 * them in a document, how each is keyed, which fields are canvas layout), one table of
 * references between them, and the field-level helpers both share.
 *
 * Fields are never listed here except the few that need special treatment (layout, bookkeeping):
 * diff and merge walk whatever fields a record has, flattening nested objects (a node's `basis`,
 * a crisis's `viewport`) into dotted paths, so a field added to the model is compared, reported
 * and merged without touching this code.
 */
import { JUDGED_NODE_FIELDS, type ScenarioDocument } from '../model';

export const RECORD_TYPES = ['scenario', 'actor', 'crisis', 'node', 'edge', 'stance', 'source', 'provenance'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** A record as diff and merge see it: a plain JSON object. */
export type DocRecord = Readonly<Record<string, unknown>>;

type Collection = 'actors' | 'crises' | 'nodes' | 'edges' | 'stances' | 'sources' | 'provenance';

interface RecordTypeInfo {
  /** Where the records live in a document; null for the scenario's own details (one record). */
  collection: Collection | null;
  key: (record: DocRecord) => string;
  /** Canvas-only fields: a change to these alone is a move, reported apart from real changes. */
  layout: readonly string[];
  /** Bookkeeping that changes on every edit and means nothing to a reader or a merge. */
  ignored: readonly string[];
  /**
   * A record whose fields only make sense together. A stance is one holder's claim at one date on
   * one basis: merging its position from one copy with its basis from another would make a claim
   * nobody made, so when both sides changed it, every field on which they differ is a conflict.
   */
  atomic: boolean;
  /**
   * Paths that only make sense together: a judged value and its basis (a basis may name only a
   * value that is set). When both sides changed one group, every path of it on which they differ
   * is a conflict, so a merge never pairs one side's value with the other's basis.
   */
  coupled: readonly (readonly string[])[];
  /** Words for briefs and lists. */
  noun: string;
}

const byId = (record: DocRecord): string => String(record.id);
const withBasis = (fields: readonly string[]): string[][] => fields.map((f) => [f, `basis.${f}`]);

export const RECORD_TYPE_INFO: Record<RecordType, RecordTypeInfo> = {
  scenario: { collection: null, key: () => 'scenario', layout: [], ignored: ['createdAt', 'modifiedAt'], atomic: false, coupled: [], noun: 'scenario details' },
  actor: { collection: 'actors', key: byId, layout: [], ignored: [], atomic: false, coupled: [], noun: 'actor' },
  crisis: { collection: 'crises', key: byId, layout: ['viewport'], ignored: [], atomic: false, coupled: [], noun: 'crisis' },
  node: { collection: 'nodes', key: byId, layout: ['x', 'y', 'width', 'height'], ignored: [], atomic: false, coupled: withBasis(JUDGED_NODE_FIELDS), noun: 'element' },
  edge: { collection: 'edges', key: byId, layout: [], ignored: [], atomic: false, coupled: withBasis(['confidence']), noun: 'link' },
  // Actor and element ids never contain '/', so the key is unambiguous.
  stance: { collection: 'stances', key: (s) => `${String(s.actorId)}/${String(s.elementId)}`, layout: [], ignored: [], atomic: true, coupled: [], noun: 'stance' },
  source: { collection: 'sources', key: byId, layout: [], ignored: [], atomic: false, coupled: [], noun: 'source' },
  provenance: { collection: 'provenance', key: byId, layout: [], ignored: [], atomic: false, coupled: [], noun: 'provenance' },
};

/** The records of one type, in document order. */
export function recordsOf(doc: ScenarioDocument, type: RecordType): readonly DocRecord[] {
  const collection = RECORD_TYPE_INFO[type].collection;
  return collection === null ? [doc.scenario] : doc[collection];
}

/** A document with the records of one type replaced (the caller guarantees they are of that type). */
export function withRecords(doc: ScenarioDocument, type: RecordType, records: DocRecord[]): ScenarioDocument {
  const collection = RECORD_TYPE_INFO[type].collection;
  if (collection === null) return { ...doc, scenario: records[0] as ScenarioDocument['scenario'] };
  return { ...doc, [collection]: records };
}

export function keyed(doc: ScenarioDocument, type: RecordType): Map<string, DocRecord> {
  const key = RECORD_TYPE_INFO[type].key;
  const map = new Map<string, DocRecord>();
  for (const record of recordsOf(doc, type)) map.set(key(record), record);
  return map;
}

/**
 * References between records, mirroring the store's cascades: when the target goes, a `drop`
 * reference takes its record with it, a `clear` reference is set to null or left out of the list.
 * The store's cascades are code (db/apply), so this list is checked against them rather than
 * derived: tests/unit/db/references-match-store.test.ts fails when a foreign key of the schema is
 * missing here, or when deleting a target through the store does not drop or clear as listed.
 */
export interface Reference {
  from: RecordType;
  field: string;
  to: RecordType;
  onMissing: 'drop' | 'clear';
}

export const REFERENCES: readonly Reference[] = [
  { from: 'scenario', field: 'coreActorIds', to: 'actor', onMissing: 'clear' },
  { from: 'node', field: 'crisisId', to: 'crisis', onMissing: 'drop' },
  { from: 'node', field: 'leadActorId', to: 'actor', onMissing: 'clear' },
  { from: 'node', field: 'supportingActorIds', to: 'actor', onMissing: 'clear' },
  { from: 'edge', field: 'crisisId', to: 'crisis', onMissing: 'drop' },
  { from: 'edge', field: 'source', to: 'node', onMissing: 'drop' },
  { from: 'edge', field: 'target', to: 'node', onMissing: 'drop' },
  { from: 'stance', field: 'actorId', to: 'actor', onMissing: 'drop' },
  { from: 'stance', field: 'elementId', to: 'node', onMissing: 'drop' },
  { from: 'stance', field: 'provenanceId', to: 'provenance', onMissing: 'clear' },
  { from: 'provenance', field: 'elementId', to: 'node', onMissing: 'drop' },
  { from: 'provenance', field: 'sourceId', to: 'source', onMissing: 'drop' },
];

/** Structural equality of JSON values; `undefined` stands for an absent key. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let count = 0;
  for (const k in ra) {
    if (!Object.hasOwn(ra, k)) continue;
    count++;
    if (!Object.hasOwn(rb, k) || !sameValue(ra[k], rb[k])) return false;
  }
  for (const k in rb) if (Object.hasOwn(rb, k)) count--;
  return count === 0;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A record's fields as dotted paths: nested objects are walked (an empty one is a value of its
 * own), arrays are values. `ignored` top-level fields are left out.
 */
export function flatten(record: DocRecord | null | undefined, ignored: readonly string[] = []): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!record) return out;
  const walk = (value: Record<string, unknown>, prefix: string): void => {
    for (const k of Object.keys(value)) {
      if (prefix === '' && ignored.includes(k)) continue;
      const v = value[k];
      const path = prefix ? `${prefix}.${k}` : k;
      if (isPlainObject(v) && Object.keys(v).length > 0) walk(v, path);
      else out.set(path, v);
    }
  };
  walk(record, '');
  return out;
}

/** A copy of `record` with the field at `path` set; `undefined` removes it. Parents are copied, never mutated. */
export function setPath(record: DocRecord, path: string, value: unknown): DocRecord {
  const dot = path.indexOf('.');
  const copy: Record<string, unknown> = { ...record };
  if (dot < 0) {
    if (value === undefined) delete copy[path];
    else copy[path] = value;
    return copy;
  }
  const head = path.slice(0, dot);
  const inner = isPlainObject(copy[head]) ? (copy[head] as DocRecord) : {};
  copy[head] = setPath(inner, path.slice(dot + 1), value);
  return copy;
}

/** Whether `path` is (or lies under) one of the type's layout fields. */
export function isLayoutPath(type: RecordType, path: string): boolean {
  for (const field of RECORD_TYPE_INFO[type].layout) if (path === field || path.startsWith(`${field}.`)) return true;
  return false;
}

/** The value of a dotted path in a record. */
export function getPath(record: DocRecord | null | undefined, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (!isPlainObject(value)) return undefined;
    value = value[part];
  }
  return value;
}
