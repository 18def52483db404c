/**
 * Insert contingency from library: the report's crises with their region and summary; the
 * chosen one is added to the open scenario by main as one undoable step, and shown.
 */
import { useEffect, useState } from 'react';
import type { EditResult, LibraryEntry } from '../../../core/contract';
import { call } from '../api';
import { useWorkbench } from '../workspace-context';
import { Modal } from './Modal';

export function LibraryPicker({ onClose }: { onClose(): void }) {
  const workbench = useWorkbench();
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('libraryCrises', {}).then(
      (list) => {
        if (!live) return;
        setEntries(list);
        setChosen((current) => current ?? list[0]?.id ?? null);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const insert = async (crisisId: string | null) => {
    if (!crisisId) return;
    setError(null);
    setBusy(true);
    try {
      const result = await call('insertLibraryCrisis', { crisisId });
      // Main computed the ops from the file, so take the file's state rather than replaying them.
      await workbench.doc.reload();
      const inserted = insertedCrisis(result);
      workbench.selection.clear();
      if (inserted) workbench.view.patch({ crisisId: inserted, centre: 'canvas' });
      const title = entries?.find((e) => e.id === crisisId)?.title ?? 'The crisis';
      workbench.notify(`Inserted “${title}” from the report library. Undo removes it in one step.`);
      onClose();
    } catch (e) {
      setBusy(false);
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal title="Insert contingency from library" testId="library-dialog" busy={busy} onClose={onClose}>
      <p className="muted exchange-note">Crises from the 2016 Pacific Forum CSIS report, with their triggers, impacts, responses and quotes from the report.</p>
      {entries === null && !error && <p className="muted" role="status">Loading the library…</p>}
      {entries && (
        <ul className="library-list" aria-label="Library crises">
          {entries.map((entry) => (
            <li key={entry.id}>
              <button
                className={entry.id === chosen ? 'library-item chosen' : 'library-item'}
                aria-pressed={entry.id === chosen}
                data-testid={`library-item-${entry.id}`}
                disabled={busy}
                onClick={() => setChosen(entry.id)}
                onDoubleClick={() => void insert(entry.id)}
              >
                <span className="library-title">{entry.title}</span>
                {entry.region && <span className="library-region">{entry.region}</span>}
                <span className="library-summary">{entry.summary}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p role="alert" className="error-line" data-testid="library-error">{error}</p>}
      <div className="exchange-actions">
        <button data-testid="library-cancel" disabled={busy} onClick={onClose}>Cancel</button>
        <button className="primary" data-testid="library-insert" disabled={busy || !chosen} onClick={() => void insert(chosen)}>
          {busy ? 'Inserting…' : 'Insert'}
        </button>
      </div>
    </Modal>
  );
}

/** The id of the crisis an insertion created: the one `crisis.create` among the applied ops. */
export function insertedCrisis(result: EditResult): string | null {
  for (const op of result.change.applied) if (op.op === 'crisis.create') return op.crisis.id;
  return null;
}
