/**
 * Edit ▸ History…: every undo step kept with the scenario (in the file, so it survives closing),
 * newest first, with when and by whom; any of them can be opened as the state just before it,
 * read-only, and left again with "Back to the live scenario" (PastViewBanner).
 */
import { useEffect, useState } from 'react';
import type { HistoryStepView } from '../../../core/contract';
import { call } from '../api';
import { useWorkbench } from '../workspace-context';
import { Modal } from './Modal';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const when = (at: string): string => new Date(at).toLocaleString();

export function HistoryDialog({ onClose }: { onClose(): void }) {
  const workbench = useWorkbench();
  const [steps, setSteps] = useState<HistoryStepView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('history', {}).then((list) => setSteps([...list].reverse()), (e: unknown) => setError(message(e)));
  }, []);

  const viewBefore = async (step: HistoryStepView) => {
    setBusy(true);
    setError(null);
    try {
      const document = await call('historyState', { index: step.index });
      workbench.selection.clear();
      await workbench.doc.viewPast(`the scenario before “${step.summary}” (${when(step.at)})`, document);
      onClose();
    } catch (e) {
      setBusy(false);
      setError(message(e));
    }
  };

  return (
    <Modal title="History" testId="history-dialog" busy={busy} onClose={onClose}>
      <p className="muted exchange-note">
        What was done to this scenario, newest first. The history is kept in the file, so Undo and Redo still work after closing and reopening it.
      </p>
      {steps && steps.length === 0 && <p className="muted">Nothing has been done yet.</p>}
      {steps && steps.length > 0 && (
        <ol className="history-list" data-testid="history-list" reversed>
          {steps.map((step) => (
            <li key={step.index} data-testid="history-step" data-state={step.state} className={step.state === 'undone' ? 'history-undone' : undefined}>
              <span className="history-summary">{step.summary}</span>
              <span className="muted history-meta">
                {when(step.at)} · {step.author || 'unnamed'}
                {step.state === 'undone' ? ' · undone (Redo brings it back)' : ''}
              </span>
              <button disabled={busy} data-testid="history-view-before" onClick={() => void viewBefore(step)}>
                View the state before
              </button>
            </li>
          ))}
        </ol>
      )}
      {error && <p role="alert" className="error-line">{error}</p>}
      <div className="exchange-actions">
        <button onClick={onClose} disabled={busy}>Close</button>
      </div>
    </Modal>
  );
}
