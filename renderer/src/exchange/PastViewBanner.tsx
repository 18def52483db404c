/**
 * Shown in the title bar while the window shows a past state (a snapshot, or the scenario before
 * a history step) instead of the live scenario: what it is, and the way back.
 */
import { useDocument } from '../state/document-store';
import { useWorkbench } from '../workspace-context';

export function PastViewBanner() {
  const workbench = useWorkbench();
  const { past } = useDocument(workbench.doc);
  if (!past) return null;
  return (
    <span className="past-view" data-testid="past-view" role="status">
      Viewing {past.label}, read-only.
      <button
        className="link-button"
        data-testid="past-view-back"
        onClick={() => {
          workbench.selection.clear();
          workbench.doc.backToLive();
        }}
      >
        Back to the live scenario
      </button>
    </span>
  );
}
