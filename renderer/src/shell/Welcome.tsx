/** Shown when no scenario is open: start one, start from the report library, open one, or reopen a recent file. */
import { useEffect, useState } from 'react';
import type { CommandId } from '../../../core/commands';
import type { RecentFile, RecoverableScenario } from '../../../core/contract';
import { call } from '../api';
import { reportError, useWorkbench } from '../workspace-context';

export function Welcome() {
  const workbench = useWorkbench();
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [recoverable, setRecoverable] = useState<RecoverableScenario[]>([]);

  useEffect(() => {
    call('recentFiles', {}).then(setRecent, () => setRecent([]));
    call('recoverableScenarios', {}).then(setRecoverable, () => setRecoverable([]));
  }, []);

  const run = (id: CommandId) => () => void workbench.commands.run(id);
  const open = (channel: 'openRecent' | 'openRecoverable', id: string) => async () => {
    try {
      const view = await call(channel, { id });
      if (view) workbench.doc.setView(view);
    } catch (e) {
      reportError(workbench, e);
    }
  };

  return (
    <main className="welcome">
      <section className="welcome-card">
        <h1>Scenario Workbench</h1>
        <p className="welcome-lede">
          Map how crises in Asia could unfold (triggers, the crisis, its impacts and the responses that avert or contain them), record
          where each government stands, and find what no response covers.
        </p>
        <div className="welcome-actions">
          <button className="primary" data-testid="welcome-new" onClick={run('file.new')}>
            New scenario
          </button>
          <button data-testid="welcome-library" onClick={run('file.newFromLibrary')}>
            New from report library
          </button>
          <button data-testid="welcome-open" onClick={run('file.open')}>
            Open…
          </button>
        </div>
        <p className="welcome-note muted">
          The report library starts you with the contingencies discussed at the 2016 Pacific Forum CSIS meeting in Tokyo, each claim
          traced to a quote.
        </p>
        {recoverable.length > 0 && (
          <>
            <h2>Recovered untitled scenarios</h2>
            <p className="muted welcome-note">These were never saved under a name. Open one and use Save As to keep it.</p>
            <ul className="recent-list" data-testid="recoverable-list">
              {recoverable.map((r) => (
                <li key={r.id}>
                  <button onClick={open('openRecoverable', r.id)}>
                    <span className="recent-name">{r.title}</span>
                    <span className="recent-path">
                      {r.damaged ? 'damaged: opening it recovers what can still be read' : `${r.nodes} nodes`} · last changed{' '}
                      {new Date(r.modifiedAt).toLocaleString()}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2>Recent files</h2>
        {recent.length === 0 ? (
          <p className="muted">No recent files yet.</p>
        ) : (
          <ul className="recent-list" data-testid="recent-list">
            {recent.map((r) => (
              <li key={r.id}>
                <button disabled={!r.exists} onClick={open('openRecent', r.id)} title={r.exists ? r.displayPath : `${r.displayPath} (missing)`}>
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
