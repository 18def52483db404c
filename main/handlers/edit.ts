/** Edits, undo and redo: every change goes through the store and is recorded once in history. */
import type { EditResult } from '../../core/contract';
import { AppError } from '../../core/errors';
import type { ExportAudience, Viewport } from '../../core/model';
import type { Op } from '../../core/ops';
import { applyRecorded, type AppliedChange } from '../../db';
import type { Session } from '../app/sessions';

/** An edit and its undo step are one transaction (applyRecorded): both are in the file, or neither is. */
export function applyEdit(session: Session, ops: Op[], mark: string | null): EditResult {
  refuseReadOnly(session);
  const change = applyRecorded(session.store, session.history, ops, mark, session.author());
  return result(session, change);
}

export function undoEdit(session: Session): EditResult | null {
  const ops = session.history.peekUndo();
  if (!ops) return null;
  refuseReadOnly(session);
  const change = session.store.atomically(() => {
    const applied = session.store.apply(ops);
    session.history.undone();
    return applied;
  });
  return result(session, change);
}

export function redoEdit(session: Session): EditResult | null {
  const ops = session.history.peekRedo();
  if (!ops) return null;
  refuseReadOnly(session);
  const change = session.store.atomically(() => {
    const applied = session.store.apply(ops);
    session.history.redone();
    return applied;
  });
  return result(session, change);
}

/**
 * Where a crisis's canvas was looking is kept in the file so it reopens there, but it is view
 * state: it never enters undo history, and a read-only file simply does not remember it.
 */
export function saveViewport(session: Session, crisisId: string, viewport: Viewport): void {
  if (session.store.readOnly) return;
  session.store.apply([{ op: 'crisis.update', id: crisisId, patch: { viewport } }]);
}

/**
 * The audience an export was cut for, remembered in the file for the next export of this
 * scenario. Like the viewport it never enters undo history (undo should not undo an export's
 * settings), and a read-only file does not remember it.
 */
export function rememberExportAudience(session: Session, audience: ExportAudience): void {
  if (session.store.readOnly) return;
  if (JSON.stringify(session.store.load().scenario.exportAudience) === JSON.stringify(audience)) return;
  session.store.apply([{ op: 'scenario.update', patch: { exportAudience: audience } }]);
}

function refuseReadOnly(session: Session): void {
  const reason = session.store.readOnly;
  if (reason) throw new AppError('READ_ONLY', `${reason.message} Use Save As to keep editing a copy.`);
}

/** Only the applied ops cross IPC: the inverse stays in main's history, the touched tables in the store. */
function result(session: Session, change: AppliedChange): EditResult {
  return {
    change: { applied: change.applied },
    modifiedAt: change.modifiedAt,
    history: { canUndo: session.history.canUndo(), canRedo: session.history.canRedo() },
  };
}
