/**
 * File ▸ Merge a Copy… and File ▸ Snapshots…: the merge preview with its conflicts (ours,
 * theirs, one by one or all at once) and the snapshot list (create, restore, delete). Main does
 * the work through the contract; a merge or restore comes back as one undoable step.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ConflictView, MergePreview, MergeResolution, SnapshotView } from '../../../core/contract';
import { AppError } from '../../../core/errors';
import { call } from '../api';
import { useWorkbench } from '../workspace-context';
import { HistoryDialog } from './HistoryDialog';
import { Modal } from './Modal';
import { openCompare, useCompareCommands } from './useCompareCommands';

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

function SnapshotsDialog({ onClose }: { onClose(): void }) {
  const workbench = useWorkbench();
  const readOnly = workbench.doc.getSnapshot().view?.readOnly ?? null;
  const [list, setList] = useState<SnapshotView[] | null>(null);
  const [name, setName] = useState('');
  // A snapshot's deletion cannot be undone, so Delete asks once more, on its own row.
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [userName, setUserName] = useState<string | null>(null);

  const refresh = async () => setList(await call('snapshots', {}));
  useEffect(() => {
    refresh().catch((e: unknown) => setError(message(e)));
    call('settings', {}).then((s) => setUserName(s.userName), (e: unknown) => setError(message(e)));
  }, []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Snapshots" testId="snapshots-dialog" busy={busy} onClose={onClose}>
      <p className="muted exchange-note">Named states of the whole scenario, kept inside the file.</p>
      {!readOnly && (
        <form
          className="snapshot-create"
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              await call('createSnapshot', { name });
              setName('');
              await refresh();
            });
          }}
        >
          <label>
            Name <input data-testid="snapshot-name" value={name} maxLength={300} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" data-testid="snapshot-create" disabled={busy || name.trim() === ''}>Take snapshot</button>
        </form>
      )}
      {userName !== null && (
        <form
          className="snapshot-create"
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              const saved = await call('updateSettings', { userName });
              setUserName(saved.userName);
              workbench.notify(saved.userName ? `Snapshots and merges are now recorded as ${saved.userName}.` : 'Your name is cleared.');
            });
          }}
        >
          <label>
            Your name <input data-testid="settings-user-name" value={userName} maxLength={120} placeholder="recorded as the author" onChange={(e) => setUserName(e.target.value)} />
          </label>
          <button type="submit" data-testid="settings-user-name-save" disabled={busy}>Save name</button>
        </form>
      )}
      {list && list.length === 0 && <p className="muted">No snapshots yet.</p>}
      {list && list.length > 0 && (
        <ul className="merge-list" data-testid="snapshot-list">
          {list.map((s) => (
            <li key={s.id} data-testid="snapshot-item">
              <span>{s.name}</span> <span className="muted">{new Date(s.createdAt).toLocaleString()} · {s.kind}{s.author ? ` · ${s.author}` : ''}</span>
              <span className="snapshot-actions">
                <button
                  disabled={busy}
                  data-testid="snapshot-view"
                  onClick={() =>
                    void run(async () => {
                      const document = await call('snapshotDocument', { id: s.id });
                      workbench.selection.clear();
                      await workbench.doc.viewPast(`the snapshot “${s.name}” (${new Date(s.createdAt).toLocaleString()})`, document);
                      onClose();
                    })
                  }
                >
                  View
                </button>
                <button
                  disabled={busy}
                  data-testid="snapshot-compare"
                  aria-label={`Compare the scenario with “${s.name}”`}
                  onClick={() =>
                    void run(async () => {
                      const document = await call('snapshotDocument', { id: s.id });
                      await openCompare(workbench, `the snapshot “${s.name}”`, { kind: 'snapshot', id: s.id }, document);
                      onClose();
                    })
                  }
                >
                  Compare
                </button>
              </span>
              {!readOnly && (
                <span className="snapshot-actions">
                  <button
                    disabled={busy}
                    onClick={() =>
                      void run(async () => {
                        await call('restoreSnapshot', { id: s.id });
                        await workbench.doc.reload();
                        workbench.selection.clear();
                        workbench.notify(`Restored “${s.name}”. Undo takes the restore back in one step.`);
                        onClose();
                      })
                    }
                  >
                    Restore
                  </button>
                  {deleting === s.id ? (
                    <>
                      <span role="status">Delete “{s.name}” for good?</span>
                      <button
                        disabled={busy}
                        data-testid="snapshot-delete-confirm"
                        onClick={() =>
                          void run(async () => {
                            setDeleting(null);
                            await call('deleteSnapshot', { id: s.id });
                            await refresh();
                          })
                        }
                      >
                        Delete it
                      </button>
                      <button disabled={busy} data-testid="snapshot-delete-cancel" onClick={() => setDeleting(null)}>
                        Keep it
                      </button>
                    </>
                  ) : (
                    <button disabled={busy} data-testid="snapshot-delete" aria-label={`Delete the snapshot “${s.name}”`} onClick={() => setDeleting(s.id)}>
                      Delete
                    </button>
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && <p role="alert" className="error-line">{error}</p>}
      <div className="exchange-actions">
        <button onClick={onClose} disabled={busy}>Close</button>
      </div>
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
