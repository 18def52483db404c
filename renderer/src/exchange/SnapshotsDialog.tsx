/**
 * File ▸ Snapshots…: named states of the whole scenario kept inside the file. Take one, and for
 * each: view it in place, open it beside the live scenario, compare the scenario with it (all
 * read-only), restore it (one undoable step) or delete it (asked once more).
 */
import { useEffect, useState } from 'react';
import type { SnapshotView } from '../../../core/contract';
import { call } from '../api';
import { openBeside } from '../workbench';
import { useWorkbench } from '../workspace-context';
import { Modal } from './Modal';
import { openCompare } from './useCompareCommands';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const snapshotLabel = (s: SnapshotView): string => `the snapshot “${s.name}” (${new Date(s.createdAt).toLocaleString()})`;

export function SnapshotsDialog({ onClose }: { onClose(): void }) {
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
                      await workbench.doc.viewPast(snapshotLabel(s), document);
                      onClose();
                    })
                  }
                >
                  View
                </button>
                <button
                  disabled={busy}
                  data-testid="snapshot-beside"
                  aria-label={`Open “${s.name}” beside the live scenario`}
                  onClick={() =>
                    void run(async () => {
                      const document = await call('snapshotDocument', { id: s.id });
                      openBeside(workbench, snapshotLabel(s), document);
                      onClose();
                    })
                  }
                >
                  Beside
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
