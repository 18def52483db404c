/**
 * The IPC contract, defined once. Each channel has a zod schema for its request and its
 * response; main validates with them, the preload derives its method list from the keys,
 * and the renderer's types come from z.infer. Nothing here is written twice.
 */
import { z } from 'zod';
import { CommandId } from '../commands';
import { ExportFormat } from '../formats';
import { ScenarioDocument } from '../model/document';
import { NodeKind } from '../model/graph';
import { Id } from '../model/primitives';
import { Viewport } from '../model/scenario';
import { OpBatch } from '../ops';
import {
  AppInfo,
  CompareBase,
  DocumentView,
  EditResult,
  ExportOptions,
  ImportFormat,
  LibraryEntry,
  MergePreview,
  MergeResolution,
  HistoryStepView,
  SnapshotView,
  RecentFile,
  RecoverableScenario,
} from './views';

const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response });
const Empty = z.strictObject({});
const Done = z.strictObject({ done: z.literal(true) });

export const CHANNELS = {
  appInfo: channel(Empty, AppInfo),
  /** A new untitled scenario, kept in the app's data folder until Save As. */
  // Null when the new scenario went to a window of its own (this window already shows one).
  newScenario: channel(z.strictObject({ title: z.string().trim().min(1).max(300).optional() }), DocumentView.nullable()),
  newFromLibrary: channel(Empty, DocumentView.nullable()),
  /**
   * Shows main's open dialog; CANCELLED when dismissed. Null when the file went to another
   * window (a new one, or the one that already had it open, which is focused).
   */
  openScenario: channel(Empty, DocumentView.nullable()),
  openRecent: channel(z.strictObject({ id: Id }), DocumentView.nullable()),
  recentFiles: channel(Empty, z.array(RecentFile)),
  /** Untitled scenarios left in the data folder by a crash or a closed window, newest first. */
  recoverableScenarios: channel(Empty, z.array(RecoverableScenario)),
  openRecoverable: channel(z.strictObject({ id: Id }), DocumentView.nullable()),
  /** The scenario already bound to this window (after a reload, or one opened by main). */
  currentScenario: channel(Empty, DocumentView.nullable()),
  /** Shows main's save dialog and writes a copy there; the window then edits the copy. */
  saveScenarioAs: channel(Empty, DocumentView),
  /**
   * Shows main's save dialog and writes a copy there (a snapshot, say, of what went to a
   * meeting); the window goes on editing the file it had. The copy joins the recent files.
   */
  saveScenarioCopy: channel(Empty, z.strictObject({ fileName: z.string() })),
  /**
   * Recovers what can be read from a damaged file (the one this window last failed to open, or
   * else one chosen in main's open dialog) into a new file chosen in main's save dialog, which
   * the window then shows. The damaged file is
   * only read. A notice says what was kept and what was left out.
   */
  recoverDamaged: channel(Empty, DocumentView),
  closeScenario: channel(Empty, Done),
  applyOps: channel(z.strictObject({ ops: OpBatch, mark: z.string().max(200).nullable() }), EditResult),
  /** Remember where a crisis's canvas was looking. Saved in the file, never in undo history. */
  saveViewport: channel(z.strictObject({ crisisId: Id, viewport: Viewport }), Done),
  /** Ends the current undo group, so the next edit starts a new step. */
  sealHistory: channel(Empty, Done),
  undo: channel(Empty, EditResult.nullable()),
  redo: channel(Empty, EditResult.nullable()),
  libraryCrises: channel(Empty, z.array(LibraryEntry)),
  insertLibraryCrisis: channel(z.strictObject({ crisisId: Id }), EditResult),
  /** Shows main's save dialog, writes the export, and returns an id to reveal it by. */
  exportScenario: channel(ExportOptions, z.strictObject({ exportId: Id, fileName: z.string(), bytes: z.number() })),
  revealExport: channel(z.strictObject({ exportId: Id, how: z.enum(['open', 'folder']) }), Done),
  /** Shows main's open dialog and imports into a new untitled scenario. */
  importScenario: channel(z.strictObject({ format: ImportFormat, kind: NodeKind.optional() }), DocumentView.nullable()),
  /** The snapshots kept in the open scenario, newest first. */
  snapshots: channel(Empty, z.array(SnapshotView)),
  createSnapshot: channel(z.strictObject({ name: z.string().trim().min(1).max(300) }), SnapshotView),
  deleteSnapshot: channel(z.strictObject({ id: Id }), Done),
  /** Restores a snapshot as ONE undoable step, after a `before-restore` snapshot of the current state. */
  restoreSnapshot: channel(z.strictObject({ id: Id }), EditResult),
  /**
   * File ▸ Merge a Copy…: main's open dialog picks the copy; the merge is computed against the
   * snapshot both files share (or two-way) and kept for this window until applied. Nothing is written.
   */
  previewMerge: channel(z.strictObject({ twoWay: z.boolean() }), MergePreview),
  /**
   * Applies the previewed merge with a resolution for every conflict, as ONE undoable step,
   * after a `before-merge` snapshot.
   */
  applyMerge: channel(z.strictObject({ resolutions: z.array(MergeResolution).max(100_000) }), EditResult),
  /** A snapshot's whole scenario, to look at read-only beside the live one. Nothing is written. */
  snapshotDocument: channel(z.strictObject({ id: Id }), ScenarioDocument),
  /** View ▸ Compare with Another Scenario…: main's open dialog picks the file, read read-only. Nothing is written. */
  /**
   * "What changed since the last meeting" as a Markdown or HTML brief, from what the compare view
   * compares with (a snapshot of this file, or the file last chosen for Compare) to the scenario now.
   */
  saveChangesBrief: channel(
    z.strictObject({ against: CompareBase, format: ExportFormat.extract(['md', 'html']), moves: z.boolean() }),
    z.strictObject({ fileName: z.string(), bytes: z.number() }),
  ),
  compareDocument: channel(Empty, z.strictObject({ fileName: z.string(), document: ScenarioDocument })),
  /** The undo steps kept with the open scenario, oldest first: those done, then those undone (next redo first). */
  history: channel(Empty, z.array(HistoryStepView)),
  /** The scenario as it was just before step `index` of that list, to look at read-only. Nothing is written. */
  historyState: channel(z.strictObject({ index: z.number().int().min(0).max(1_000_000) }), ScenarioDocument),
  /** The app's settings: the planner's name, recorded on snapshots. */
  settings: channel(Empty, z.strictObject({ userName: z.string() })),
  updateSettings: channel(z.strictObject({ userName: z.string().trim().max(120) }), z.strictObject({ userName: z.string() })),
} as const;

export type Channels = typeof CHANNELS;
export type ChannelName = keyof Channels;
export type RequestOf<K extends ChannelName> = z.input<Channels[K]['request']>;
export type ResponseOf<K extends ChannelName> = z.output<Channels[K]['response']>;

export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];

/** The IPC channel string for a contract method. */
export const ipcChannel = (name: ChannelName): string => `sw:${name}`;

/** Events main pushes to a window. */
export const EVENTS = {
  /** A command chosen in the native menu (core/commands lists every id). */
  command: z.strictObject({ command: CommandId }),
  /** How far a running export has got, from 0 to 1. */
  exportProgress: z.strictObject({ fraction: z.number().min(0).max(1) }),
  /**
   * A message for the window's notice area, e.g. what an import left out. Info fades after a
   * few seconds; a warning (e.g. what a recovery could not keep) stays until dismissed.
   */
  notice: z.strictObject({ tone: z.enum(['info', 'warning', 'error']), text: z.string().max(4000) }),
} as const;
export type EventName = keyof typeof EVENTS;
export const ipcEvent = (name: EventName): string => `sw-event:${name}`;
