/** The open scenario: crises on the left, the selected crisis's canvas in the centre. */
import { useState } from 'react';
import { newId, DEFAULT_VIEWPORT } from '../../../core/model';
import { Canvas } from '../canvas/Canvas';
import { useDocument, type DocumentStore } from '../state/document-store';

export function Workspace({ store }: { store: DocumentStore }) {
  const { view, saveState, lastError } = useDocument(store);
  const crises = view ? [...view.document.crises].sort((a, b) => a.order - b.order) : [];
  const [chosen, setChosen] = useState<string | null>(null);
  if (!view) return null;
  const crisisId = crises.find((c) => c.id === chosen)?.id ?? crises[0]?.id ?? null;

  const addCrisis = async () => {
    const id = newId();
    const order = crises.reduce((max, c) => Math.max(max, c.order + 1), 0);
    await store.edit([
      { op: 'crisis.create', crisis: { id, title: 'New crisis', region: '', summary: '', status: 'draft', viewport: DEFAULT_VIEWPORT, order } },
    ]);
    setChosen(id);
  };

  return (
    <div className="workspace">
      <header className="titlebar">
        <span className="file-name" data-testid="file-name">{view.fileName}</span>
        <span className={`save-state save-${saveState}`} data-testid="save-state">
          {saveState === 'saved' ? 'All changes saved' : saveState === 'saving' ? 'Saving…' : 'Not saved'}
        </span>
        {view.readOnly && <span className="read-only">Read-only: {view.readOnly.message}</span>}
      </header>
      {lastError && (
        <p role="alert" className="error-banner">
          {lastError.message}
        </p>
      )}
      <aside className="sidebar">
        <h2>Crises</h2>
        <ul className="crisis-list" data-testid="crisis-list">
          {crises.map((c) => (
            <li key={c.id}>
              <button className={c.id === crisisId ? 'selected' : ''} onClick={() => setChosen(c.id)}>
                {c.title}
              </button>
            </li>
          ))}
        </ul>
        <button data-testid="add-crisis" onClick={() => void addCrisis()}>
          + Add crisis
        </button>
      </aside>
      <section className="canvas-pane">{crisisId ? <Canvas store={store} crisisId={crisisId} /> : <p className="muted">Add a crisis to start.</p>}</section>
    </div>
  );
}
