/** The shapes a merge reports: conflicts, their resolutions, and what the merge dropped. */
import type { ScenarioDocument } from '../model';
import type { DocRecord, RecordType } from './records';

export interface DroppedRecord {
  type: RecordType;
  id: string;
  /** null: the record was dropped; a field name: only that reference was cleared. */
  field: string | null;
  /** The record it pointed at, which the merge does not keep. */
  missing: { type: RecordType; id: string };
}

export type Side = 'ours' | 'theirs';

export interface ConflictRecords {
  base: DocRecord | null;
  ours: DocRecord | null;
  theirs: DocRecord | null;
}

export interface Conflict {
  /** `type:id:field`, stable across runs: the handle for a resolution. */
  key: string;
  type: RecordType;
  id: string;
  /** A dotted field path, or '*' for the record as a whole (present or deleted). */
  field: string;
  kind: 'field' | 'delete' | 'presence';
  /** The values on each side; for '*', the whole record or null (absent). */
  base: unknown;
  ours: unknown;
  theirs: unknown;
  /** The whole record on each side, for context (a stance's holder, basis and date). */
  records: ConflictRecords;
  /** Records that live or go with this one (a parent deleted on one side, its children kept on the other). */
  dependents: { type: RecordType; id: string }[];
}

export type Resolution = { pick: 'ours' } | { pick: 'theirs' } | { pick: 'edited'; value: unknown };

export interface MergeOptions {
  /** Resolve every conflict without a resolution of its own to this side. */
  prefer?: Side;
  /** Resolutions by conflict key. */
  resolutions?: ReadonlyMap<string, Resolution>;
}

export interface ResolvedConflict extends Conflict {
  /** The resolution used; null when unresolved (the document then holds ours, for preview only). */
  resolution: Resolution | null;
}

export interface MergeResult {
  document: ScenarioDocument;
  conflicts: ResolvedConflict[];
  unresolved: number;
  dropped: DroppedRecord[];
  mode: 'three-way' | 'two-way';
}

export const conflictKey = (type: RecordType, id: string, field: string): string => `${type}:${id}:${field}`;
