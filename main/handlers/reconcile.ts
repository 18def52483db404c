/**
 * Snapshots, restoring one, and merging a copy into the open scenario. Restores and merges are
 * ONE undoable step each (one batch through applyEdit, no mark) and are preceded by a snapshot
 * of the state they replace, so nothing is lost even past the undo history.
 */
import { basename } from 'node:path';
import type { CompareBase, ConflictView, MergePreview } from '../../core/contract';
import {
  changeLineText, changesBriefHtml, changesBriefMarkdown, commonBaseLabel, describeDiff, describeRecord, describeValue, diffDocuments, diffToOps, mergeDocuments,
  type Conflict, type DocRecord, type Resolution, type ResolvedConflict,
} from '../../core/diff';
import { AppError } from '../../core/errors';
import { exportFormat } from '../../core/formats';
import type { ScenarioDocument } from '../../core/model';
import { commonBase, validateDocument, writeFileAtomically, type ScenarioStore, type SnapshotInfo } from '../../db';
import type { Handlers } from '../ipc/adapter';
import { safeFileName, type DocumentDeps } from './document';
import { applyEdit } from './edit';

type ReconcileChannels = 'snapshots' | 'createSnapshot' | 'deleteSnapshot' | 'restoreSnapshot' | 'previewMerge' | 'applyMerge' | 'settings' | 'updateSettings' | 'compareDocument' | 'saveChangesBrief';

interface PendingMerge {
  base: ScenarioDocument | null;
  theirs: ScenarioDocument;
  fileName: string;
}

/** At most this many incoming changes are listed in the preview; the rest are counted. */
const PREVIEW_LINES = 300;

export function reconcileHandlers(deps: DocumentDeps): Pick<Handlers, ReconcileChannels> {
  // The copy chosen for merging, per window, between the preview and the apply.
  const pending = new Map<number, PendingMerge>();
  // The file last chosen for Compare, per window: the changes brief reads it again, fresh.
  const compared = new Map<number, string>();

  return {
    snapshots: (ctx) => deps.sessions.require(ctx.windowId).store.listSnapshots(),
    createSnapshot: (ctx, req) => deps.sessions.require(ctx.windowId).store.createSnapshot(req.name, 'manual', deps.settings.author()),
    deleteSnapshot: (ctx, req) => {
      deps.sessions.require(ctx.windowId).store.deleteSnapshot(req.id);
      return { done: true };
    },
    restoreSnapshot: (ctx, req) => {
      const session = deps.sessions.require(ctx.windowId);
      const snapshot = snapshotById(session.store, req.id);
      const ops = diffToOps(session.store.load(), session.store.readSnapshot(snapshot.id));
      if (ops.length === 0) throw new AppError('INVALID_DATA', `The scenario is already as it was at "${snapshot.name}".`);
      session.store.createSnapshot(`Before restoring "${snapshot.name}"`, 'before-restore', deps.settings.author());
      return applyEdit(session, ops, null);
    },
    previewMerge: async (ctx, req) => {
      const session = deps.sessions.require(ctx.windowId);
      const path = await deps.services.dialogs.chooseScenarioToOpen();
      if (!path) throw new AppError('CANCELLED', 'Merge a Copy was cancelled.');
      const theirsStore = await deps.sessions.readOther(path);
      let theirs: ScenarioDocument;
      let shared;
      try {
        if (theirsStore.path === session.store.path) throw new AppError('BAD_PATH', 'That is the scenario open in this window; choose the copy to merge in.');
        theirs = theirsStore.load();
        shared = commonBase(session.store.listSnapshots(), theirsStore.listSnapshots());
      } finally {
        theirsStore.close();
      }
      if (!shared && !req.twoWay) {
        throw new AppError('NOT_FOUND', `${basename(path)} shares no snapshot with this scenario, so their common base is unknown. Merge two-way to decide every difference yourself.`);
      }
      const base = shared ? session.store.readSnapshot(shared.id) : null;
      const ours = session.store.load();
      pending.set(ctx.windowId, { base, theirs, fileName: basename(path) });
      return preview(ours, base, theirs, basename(path), shared ? commonBaseLabel(shared.name) : 'none: a two-way merge, every difference is a decision');
    },
    applyMerge: (ctx, req) => {
      const session = deps.sessions.require(ctx.windowId);
      const merge = pending.get(ctx.windowId);
      if (!merge) throw new AppError('NOT_FOUND', 'No copy is waiting to be merged; choose File ▸ Merge a Copy… again.');
      const ours = session.store.load();
      const resolutions = new Map(req.resolutions.map((r): [string, Resolution] => [r.key, r.pick === 'edited' ? { pick: 'edited', value: r.value } : { pick: r.pick }]));
      const result = mergeDocuments(merge.base, ours, merge.theirs, { resolutions });
      if (result.unresolved > 0) throw new AppError('INVALID_DATA', `${result.unresolved} conflict(s) still need a decision.`);
      const edited = result.conflicts.filter((c) => c.resolution?.pick === 'edited');
      const refused = edited.find((c) => editableOf(c) === null);
      if (refused) throw new AppError('INVALID_DATA', `${refused.field === '*' ? 'A whole record' : `"${refused.field}"`} cannot take an edited value: choose ours or theirs.`);
      if (edited.length > 0) {
        try {
          validateDocument(result.document);
        } catch (err) {
          throw new AppError('INVALID_DATA', `An edited value is not allowed here (${err instanceof Error ? err.message : String(err)}). Change it, or choose ours or theirs.`);
        }
      }
      const ops = diffToOps(ours, result.document);
      if (ops.length === 0) throw new AppError('INVALID_DATA', `${merge.fileName} brings no changes: this scenario already has everything in it.`);
      session.store.createSnapshot(`Before merging ${merge.fileName}`, 'before-merge', deps.settings.author());
      const edit = applyEdit(session, ops, null);
      pending.delete(ctx.windowId);
      return edit;
    },
    compareDocument: async (ctx) => {
      const session = deps.sessions.require(ctx.windowId);
      const path = await deps.services.dialogs.chooseScenarioToOpen();
      if (!path) throw new AppError('CANCELLED', 'Compare was cancelled.');
      const other = await deps.sessions.readOther(path);
      try {
        if (other.path === session.store.path) throw new AppError('BAD_PATH', 'That is the scenario open in this window; choose another file to compare with.');
        const document = other.load();
        compared.set(ctx.windowId, other.path);
        return { fileName: basename(path), document };
      } finally {
        other.close();
      }
    },
    saveChangesBrief: async (ctx, req) => {
      const session = deps.sessions.require(ctx.windowId);
      const { document: before, label, input } = await compareBase(session.store, req.against, compared.get(ctx.windowId), (path) => deps.sessions.readOther(path));
      // The base is read first, so a snapshot deleted since (or a compared file gone) is said before
      // the dialog; the brief is written only once a target is chosen.
      const after = session.store.load();
      const suggested = `${safeFileName(`${after.scenario.title} - changes`)}.${exportFormat(req.format).extension}`;
      const target = await deps.services.dialogs.chooseExportTarget(suggested, req.format);
      if (!target) throw new AppError('CANCELLED', 'Saving the changes brief was cancelled.');
      deps.sessions.refuseOutputOnto(target, input ? [{ path: input, role: 'the file compared with' }] : []);
      const options = { fromLabel: label, toLabel: `${basename(session.store.path)} now`, listMoves: req.moves };
      const text = req.format === 'html' ? changesBriefHtml(before, after, options) : changesBriefMarkdown(before, after, options);
      const bytes = new TextEncoder().encode(text);
      writeFileAtomically(target, bytes);
      return { fileName: basename(target), bytes: bytes.byteLength };
    },
    settings: () => ({ userName: deps.settings.get().userName }),
    updateSettings: (_ctx, req) => ({ userName: deps.settings.update({ userName: req.userName }).userName }),
  };
}

/** A snapshot of the open scenario picked in the app, which may have been deleted since. */
function snapshotById(store: ScenarioStore, id: string): SnapshotInfo {
  const snapshot = store.listSnapshots().find((s) => s.id === id);
  if (!snapshot) throw new AppError('NOT_FOUND', 'That snapshot is no longer in this scenario.');
  return snapshot;
}

/** The state the compare view compares with, read again from its source, with its name for the brief. */
async function compareBase(store: ScenarioStore, against: CompareBase, comparedPath: string | undefined, readOther: (path: string) => Promise<ScenarioStore>): Promise<{ document: ScenarioDocument; label: string; input: string | null }> {
  if (against.kind === 'snapshot') {
    const snapshot = snapshotById(store, against.id);
    return { document: store.readSnapshot(snapshot.id), label: `the snapshot “${snapshot.name}”`, input: null };
  }
  if (!comparedPath) throw new AppError('NOT_FOUND', 'No file is being compared in this window; choose View ▸ Compare with Another Scenario… again.');
  const other = await readOther(comparedPath);
  try {
    return { document: other.load(), label: basename(comparedPath), input: comparedPath };
  } finally {
    other.close();
  }
}

function preview(ours: ScenarioDocument, base: ScenarioDocument | null, theirs: ScenarioDocument, fileName: string, baseLabel: string): MergePreview {
  const result = mergeDocuments(base, ours, theirs);
  const incomingDiff = diffDocuments(ours, result.document, { layout: 'hide' });
  const incoming = describeDiff(ours, result.document, incomingDiff).map(changeLineText);
  const more = incoming.length - PREVIEW_LINES;
  return {
    fileName,
    mode: result.mode,
    base: baseLabel,
    incoming: more > 0 ? [...incoming.slice(0, PREVIEW_LINES), `… and ${more} more`] : incoming,
    conflicts: result.conflicts.map((c) => conflictView(c, [ours, theirs])),
  };
}

function conflictView(c: ResolvedConflict, docs: readonly ScenarioDocument[]): ConflictView {
  const record = (c.records.ours ?? c.records.theirs ?? c.records.base) as DocRecord;
  const side = (value: unknown): string => (c.field === '*' ? (value ? 'keep it' : 'delete it') : describeValue(value));
  const stance = c.type === 'stance' ? stanceContext : () => '';
  return {
    key: c.key, type: c.type, id: c.id, field: c.field, kind: c.kind,
    label: describeRecord(c.type, record, docs),
    ours: `${side(c.ours)}${stance(c.records.ours)}`,
    theirs: `${side(c.theirs)}${stance(c.records.theirs)}`,
    dependents: c.dependents.map((d) => `${d.type} ${d.id}`),
    editable: editableOf(c),
  };
}

/** A field conflict whose two values are text, or numbers (either may be blank), can take a value of the planner's own. */
function editableOf(c: ResolvedConflict | Conflict): ConflictView['editable'] {
  if (c.kind !== 'field' || c.field === '*') return null;
  const values = [c.ours, c.theirs];
  if (values.every((v) => typeof v === 'string')) return { kind: 'text', ours: String(c.ours) };
  if (values.every((v) => typeof v === 'number' || v === null) && values.some((v) => v !== null)) return { kind: 'number', ours: c.ours === null ? '' : String(c.ours) };
  return null;
}

/** A stance's holder, date and basis, where the model has them, so two claims can be weighed. */
function stanceContext(record: DocRecord | null): string {
  if (!record) return '';
  const parts = ['holder', 'asOf', 'basis'].filter((k) => record[k] !== undefined && record[k] !== null).map((k) => `${k} ${describeValue(record[k])}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
