/**
 * Edit ▸ History…: every undo step kept with the scenario (in the file, so it survives closing),
 * newest first, with when and by whom; the state just before any of them can be shown read-only,
 * in place (left again with "Back to the live scenario", PastViewBanner) or beside the live
 * scenario (BesidePane).
 */
import { useEffect, useState } from 'react';
import type { HistoryStepView } from '../../../core/contract';
import { call } from '../api';
import { openBeside } from '../workbench';
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

  const showBefore = async (step: HistoryStepView, where: 'inPlace' | 'beside') => {
    setBusy(true);
    setError(null);
    try {
      const document = await call('historyState', { index: step.index });
      const label = `the scenario before “${step.summary}” (${when(step.at)})`;
      if (where === 'beside') openBeside(workbench, label, document);
      else {
        workbench.selection.clear();
        await workbench.doc.viewPast(label, document);
      }
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
              <span className="history-actions">
                <button disabled={busy} data-testid="history-view-before" onClick={() => void showBefore(step, 'inPlace')}>
                  View the state before
                </button>
                <button
                  disabled={busy}
                  data-testid="history-beside"
                  aria-label={`Open the state before “${step.summary}” beside the live scenario`}
                  onClick={() => void showBefore(step, 'beside')}
                >
                  Beside
                </button>
              </span>
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
