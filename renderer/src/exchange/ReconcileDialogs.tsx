/**
 * File ▸ Merge a Copy…, File ▸ Snapshots… and Edit ▸ History…: which dialog is open, and the merge
 * preview with its conflicts (ours, theirs, one by one or all at once). Main does the work
 * through the contract; a merge comes back as one undoable step.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ConflictView, MergePreview, MergeResolution } from '../../../core/contract';
import { AppError } from '../../../core/errors';
import { call } from '../api';
import { useWorkbench } from '../workspace-context';
import { HistoryDialog } from './HistoryDialog';
import { Modal } from './Modal';
import { SnapshotsDialog } from './SnapshotsDialog';
import { useCompareCommands } from './useCompareCommands';

type Pick = 'ours' | 'theirs' | 'edited';

/** The resolution the dialog sends for one conflict; an edited number must read as one. */
function resolutionOf(c: ConflictView, pick: Pick, edited: string | undefined): MergeResolution {
  if (pick !== 'edited') return { key: c.key, pick };
  const text = edited ?? c.editable?.ours ?? '';
  if (c.editable?.kind !== 'number') return { key: c.key, pick, value: text };
  if (text.trim() === '') return { key: c.key, pick, value: null };
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`${c.label} — ${c.field}: "${text}" is not a number.`);
  return { key: c.key, pick, value };
}
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function MergeDialog({ onClose }: { onClose(): void }) {
  const workbench = useWorkbench();
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [picks, setPicks] = useState<Record<string, Pick>>({});
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [noBase, setNoBase] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (twoWay: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await call('previewMerge', { twoWay }));
      setNoBase(null);
    } catch (e) {
      if (e instanceof AppError && e.code === 'CANCELLED') onClose();
      else if (e instanceof AppError && e.code === 'NOT_FOUND') setNoBase(e.message);
      else setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void choose(false);
    // Once, when the dialog opens: main's open dialog picks the copy.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const unresolved = preview ? preview.conflicts.filter((c) => !picks[c.key]).length : 0;
  const all = (pick: Pick) => setPicks(Object.fromEntries((preview?.conflicts ?? []).map((c) => [c.key, pick])));

  const apply = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      await call('applyMerge', { resolutions: preview.conflicts.map((c) => resolutionOf(c, picks[c.key]!, edits[c.key])) });
      await workbench.doc.reload();
      workbench.selection.clear();
      workbench.notify(`Merged ${preview.fileName}. A snapshot was taken first; Undo takes the whole merge back.`);
      onClose();
    } catch (e) {
      setBusy(false);
      setError(message(e));
    }
  };

  return (
    <Modal title="Merge a copy" testId="merge-dialog" busy={busy} onClose={onClose}>
      {!preview && !noBase && !error && <p className="muted" role="status">Choose the copy to merge in…</p>}
      {noBase && (
        <>
          <p className="exchange-note" data-testid="merge-no-base">{noBase}</p>
          <div className="exchange-actions">
            <button disabled={busy} onClick={onClose}>Cancel</button>
            <button className="primary" data-testid="merge-two-way" disabled={busy} onClick={() => void choose(true)}>Choose the file again and merge two-way</button>
          </div>
        </>
      )}
      {preview && (
        <>
          <p className="exchange-note">
            Merging <strong>{preview.fileName}</strong> into this scenario ({preview.mode}). Common base: {preview.base}.
          </p>
          <h3 className="merge-heading">Brought in without conflict ({preview.incoming.length})</h3>
          {preview.incoming.length === 0 ? (
            <p className="muted">Nothing.</p>
          ) : (
            <ul className="merge-list" data-testid="merge-incoming">
              {preview.incoming.map((line, i) => <li key={i}>{line}</li>)}
            </ul>
          )}
          <h3 className="merge-heading">Conflicts ({preview.conflicts.length}{unresolved ? `, ${unresolved} to decide` : ''})</h3>
          {preview.conflicts.length > 0 && (
            <div className="exchange-actions merge-all">
              <button data-testid="merge-all-ours" disabled={busy} onClick={() => all('ours')}>Keep ours for all</button>
              <button data-testid="merge-all-theirs" disabled={busy} onClick={() => all('theirs')}>Take theirs for all</button>
            </div>
          )}
          <ul className="merge-list" data-testid="merge-conflicts">
            {preview.conflicts.map((c) => (
              <li key={c.key} data-testid="merge-conflict">
                <div>{c.label}{c.field !== '*' ? ` — ${c.field}` : ''}</div>
                {c.dependents.length > 0 && <div className="muted">Goes with it: {c.dependents.join(', ')}</div>}
                <fieldset className="merge-choice">
                  <legend className="insp-sr-only">{`${c.label} ${c.field}`}</legend>
                  {(['ours', 'theirs'] as const).map((side) => (
                    <label key={side}>
                      <input type="radio" name={c.key} checked={picks[c.key] === side} disabled={busy} onChange={() => setPicks((p) => ({ ...p, [c.key]: side }))} />
                      {side === 'ours' ? 'Ours: ' : 'Theirs: '}
                      {side === 'ours' ? c.ours : c.theirs}
                    </label>
                  ))}
                  {c.editable && (
                    <span className="merge-edited">
                      <label>
                        <input type="radio" name={c.key} checked={picks[c.key] === 'edited'} disabled={busy} onChange={() => setPicks((p) => ({ ...p, [c.key]: 'edited' }))} />
                        Edited:
                      </label>
                      <input
                        data-testid="merge-edited-value"
                        aria-label={`Edited value of ${c.label} ${c.field}`}
                        type={c.editable.kind === 'number' ? 'number' : 'text'}
                        disabled={busy}
                        value={edits[c.key] ?? c.editable.ours}
                        onChange={(e) => {
                          const text = e.target.value;
                          setEdits((m) => ({ ...m, [c.key]: text }));
                          setPicks((p) => ({ ...p, [c.key]: 'edited' }));
                        }}
                      />
                    </span>
                  )}
                </fieldset>
              </li>
            ))}
          </ul>
          <div className="exchange-actions">
            <button disabled={busy} onClick={onClose}>Cancel</button>
            <button className="primary" data-testid="merge-apply" disabled={busy || unresolved > 0} onClick={() => void apply()}>
              Merge
            </button>
          </div>
        </>
      )}
      {error && <p role="alert" className="error-line" data-testid="merge-error">{error}</p>}
    </Modal>
  );
}

type OpenDialog = 'merge' | 'snapshots' | 'history' | null;

export function ReconcileDialogs() {
  const workbench = useWorkbench();
  const [open, setOpen] = useState<OpenDialog>(null);
  const openSnapshots = useCallback(() => setOpen('snapshots'), []);
  useCompareCommands(openSnapshots);
  useEffect(() => {
    const { commands, doc } = workbench;
    const hasDocument = () => doc.getSnapshot().view !== null;
    const writable = () => hasDocument() && !doc.getSnapshot().view?.readOnly;
    const off = [
      commands.register({ id: 'file.mergeCopy', enabled: writable, run: () => setOpen('merge') }),
      commands.register({ id: 'file.snapshots', enabled: hasDocument, run: () => setOpen('snapshots') }),
      commands.register({ id: 'edit.history', enabled: hasDocument, run: () => setOpen('history') }),
    ];
    return () => off.forEach((unregister) => unregister());
  }, [workbench]);
  const close = () => setOpen(null);
  if (open === 'merge') return <MergeDialog onClose={close} />;
  if (open === 'snapshots') return <SnapshotsDialog onClose={close} />;
  if (open === 'history') return <HistoryDialog onClose={close} />;
  return null;
}
