/** Shown when no scenario is open: start one, open one, or pick a recent file. */
import { useEffect, useState } from 'react';
import type { RecentFile } from '../../../core/contract';
import { AppError } from '../../../core/errors';
import { call } from '../api';
import type { DocumentStore } from '../state/document-store';

export function Welcome({ store }: { store: DocumentStore }) {
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('recentFiles', {}).then(setRecent, () => setRecent([]));
  }, []);

  const run = (action: () => Promise<unknown>) => async () => {
    setError(null);
    try {
      const view = await action();
      if (view && typeof view === 'object' && 'document' in view) store.setView(view as Parameters<DocumentStore['setView']>[0]);
    } catch (e) {
      if (e instanceof AppError && e.code === 'CANCELLED') return;
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main className="welcome">
      <section className="welcome-card">
        <h1>Scenario Workbench</h1>
        <p className="welcome-lede">Map triggers, crises, impacts and responses, record where each actor stands, and find what no response covers.</p>
        <div className="welcome-actions">
          <button className="primary" data-testid="welcome-new" onClick={run(() => call('newScenario', {}))}>
            New scenario
          </button>
          <button data-testid="welcome-library" onClick={run(() => call('newFromLibrary', {}))}>
            New from report library
          </button>
          <button data-testid="welcome-open" onClick={run(() => call('openScenario', {}))}>
            Open…
          </button>
        </div>
        {error && (
          <p role="alert" className="error-line">
            {error}
          </p>
        )}
        <h2>Recent files</h2>
        {recent.length === 0 ? (
          <p className="muted">No recent files yet.</p>
        ) : (
          <ul className="recent-list" data-testid="recent-list">
            {recent.map((r) => (
              <li key={r.id}>
                <button disabled={!r.exists} onClick={run(() => call('openRecent', { id: r.id }))} title={r.displayPath}>
                  <span className="recent-name">{r.fileName}</span>
                  <span className="recent-path">{r.displayPath}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
