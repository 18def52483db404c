/** Values that cross IPC besides the domain model itself. */
import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { ScenarioDocument } from '../model/document';
import { Id } from '../model/primitives';
import { EXPORT_OPTIONS, ExportFormat } from '../formats';
import { Change } from '../ops';

export const ReadOnlyReason = z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() });
export type ReadOnlyReason = z.infer<typeof ReadOnlyReason>;

/** What a window knows about the scenario it shows. */
export const DocumentView = z.strictObject({
  fileName: z.string(),
  /** The path, for display only: the renderer never hands a path back to main. */
  displayPath: z.string(),
  untitled: z.boolean(),
  readOnly: ReadOnlyReason.nullable(),
  document: ScenarioDocument,
  history: z.strictObject({ canUndo: z.boolean(), canRedo: z.boolean() }),
});
export type DocumentView = z.infer<typeof DocumentView>;

/** The answer to an edit, undo or redo: what changed and where history stands. */
export const EditResult = z.strictObject({
  change: Change,
  modifiedAt: z.string(),
  history: z.strictObject({ canUndo: z.boolean(), canRedo: z.boolean() }),
});
export type EditResult = z.infer<typeof EditResult>;

export const RecentFile = z.strictObject({
  id: Id,
  fileName: z.string(),
  displayPath: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentFile = z.infer<typeof RecentFile>;

export const RecoverableScenario = z.strictObject({
  id: Id,
  title: z.string(),
  modifiedAt: z.string(),
  nodes: z.number().int().min(0),
  /** It cannot be opened as it is: opening it recovers what can be read into a fresh untitled scenario. */
  damaged: z.boolean(),
});
export type RecoverableScenario = z.infer<typeof RecoverableScenario>;

export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const LibraryEntry = z.strictObject({
  id: Id,
  title: z.string(),
  region: z.string(),
  summary: z.string(),
});
export type LibraryEntry = z.infer<typeof LibraryEntry>;

export { EXPORT_FORMATS, ExportFormat, IMPORT_FORMATS, ImportFormat } from '../formats';

export const ExportScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('crisis'), crisisId: Id }),
  z.strictObject({ kind: z.literal('crises'), crisisIds: z.array(Id).min(1).max(100_000) }),
  z.strictObject({ kind: z.literal('selection'), nodeIds: z.array(Id).min(1).max(100_000) }),
  z.strictObject({ kind: z.literal('all') }),
]);
export type ExportScope = z.infer<typeof ExportScope>;

/** One export: the format, what to include, and the options (core/formats declares which apply to which format). */
export const ExportOptions = z.strictObject({
  format: ExportFormat,
  scope: ExportScope,
  ...EXPORT_OPTIONS,
});
export type ExportOptions = z.infer<typeof ExportOptions>;

/** A snapshot kept inside the scenario file (db/snapshots). */
export const SnapshotView = z.strictObject({
  id: Id,
  name: z.string(),
  createdAt: z.string(),
  kind: z.enum(['manual', 'copy', 'before-merge', 'before-restore']),
  author: z.string(),
});
export type SnapshotView = z.infer<typeof SnapshotView>;

/** One undo step as the history panel lists it (core/history.ts, core/history-describe.ts). */
export const HistoryStepView = z.strictObject({
  /** Its place in the list, oldest first: the handle for viewing the state before it. */
  index: z.number().int().min(0),
  /** `done` can be undone; `undone` can be redone. */
  state: z.enum(['done', 'undone']),
  at: z.string(),
  author: z.string(),
  summary: z.string(),
});
export type HistoryStepView = z.infer<typeof HistoryStepView>;

/** One merge conflict as the dialog shows it: the record in words and each side's value in words. */
export const ConflictView = z.strictObject({
  key: z.string(),
  type: z.string(),
  id: z.string(),
  field: z.string(),
  kind: z.enum(['field', 'delete', 'presence']),
  label: z.string(),
  ours: z.string(),
  theirs: z.string(),
  /** Records that live or go with this one, in words. */
  dependents: z.array(z.string()),
  /**
   * When the planner may write a value of their own instead of either side's: a field whose
   * values are text or numbers on both sides, with ours to start from. Null: ours or theirs only.
   */
  editable: z.strictObject({ kind: z.enum(['text', 'number']), ours: z.string() }).nullable(),
});
export type ConflictView = z.infer<typeof ConflictView>;

/** What merging a copy would do, shown before anything is written. */
export const MergePreview = z.strictObject({
  fileName: z.string(),
  mode: z.enum(['three-way', 'two-way']),
  /** How the base was found ("the snapshot … both files share"), or why there is none. */
  base: z.string(),
  /** Changes the copy brings in without conflict, in words. */
  incoming: z.array(z.string()),
  conflicts: z.array(ConflictView),
});
export type MergePreview = z.infer<typeof MergePreview>;

export const MergeResolution = z.discriminatedUnion('pick', [
  z.strictObject({ key: z.string().max(400), pick: z.literal('ours') }),
  z.strictObject({ key: z.string().max(400), pick: z.literal('theirs') }),
  /** A value the planner wrote (only for an editable conflict); null clears a number. */
  z.strictObject({ key: z.string().max(400), pick: z.literal('edited'), value: z.union([z.string().max(20_000), z.number().finite(), z.null()]) }),
]);
export type MergeResolution = z.infer<typeof MergeResolution>;

/** What the compare view compares the live scenario with: a snapshot of its file, or the other file chosen for it. */
export const CompareBase = z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('snapshot'), id: Id }), z.strictObject({ kind: z.literal('file') })]);
export type CompareBase = z.infer<typeof CompareBase>;
