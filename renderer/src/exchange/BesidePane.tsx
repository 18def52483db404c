/**
 * A past state (a snapshot, or the scenario before a history step) read-only beside the live
 * scenario, so a planner can read what it was while editing what it is. The pane is a second
 * canvas on its own workbench (see workbench.ts): it shows the crisis the live canvas shows, in
 * the same view mode and filter, fitted to the pane or, on request, looking where the live canvas
 * looks. Nothing in it can be
 * changed; what is copied from it can be pasted into the live scenario.
 */
import { useEffect } from 'react';
import { Canvas } from '../canvas/Canvas';
import { useDocument } from '../state/document-store';
import { useObservableSelector } from '../state/store';
import { BESIDE_ATTRIBUTE, closeBeside } from '../workbench';
import { WorkbenchContext, useWorkbench, type Beside } from '../workspace-context';

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function BesidePane({ beside }: { beside: Beside }) {
  const main = useWorkbench();
  // Only what the pane follows: a live edit, or a view change it does not follow, leaves the pane's canvas alone.
  const crisisId = useObservableSelector(main.view, (v) => v.crisisId);
  const mode = useObservableSelector(main.view, (v) => v.mode);
  const reportOnly = useObservableSelector(main.view, (v) => v.reportOnly);
  const filter = useObservableSelector(main.view, (v) => v.filter);
  const whatIf = useObservableSelector(main.view, (v) => v.whatIf);
  const past = useDocument(beside.workbench.doc).view?.document;
  const present = !!crisisId && !!past?.crises.some((c) => c.id === crisisId);

  // The pane follows the live canvas: its crisis, view mode, filter and report-only switch.
  useEffect(() => {
    const held = new Set(past?.nodes.map((n) => n.id));
    beside.workbench.view.patch({ crisisId, mode, reportOnly, filter, whatIf: whatIf.filter((id) => held.has(id)) });
  }, [beside, past, crisisId, mode, reportOnly, filter, whatIf]);

  const matchLive = () => {
    const looking = main.canvas.current?.viewport();
    if (looking) beside.workbench.canvas.current?.show(looking);
  };
  const close = () => closeBeside(main);
  const marker = { [BESIDE_ATTRIBUTE]: '' };

  return (
    <section className="beside-pane" {...marker} data-region="beside" data-testid="beside-pane" aria-label={`${capitalised(beside.label)}, read-only`}>
      <header className="beside-header">
        <p className="beside-label" data-testid="beside-label" title={`${capitalised(beside.label)} · read-only`}>
          {capitalised(beside.label)} · read-only
        </p>
        <button data-testid="beside-match" disabled={!present} onClick={matchLive} title="Look at the same place as the live canvas">
          Match the live view
        </button>
        <button data-testid="beside-close" aria-label="Close the pane beside the live scenario" title="Close the pane beside the live scenario" onClick={close}>
          Close
        </button>
      </header>
      <div className="beside-body">
        {present && crisisId ? (
          <WorkbenchContext.Provider value={beside.workbench}>
            <Canvas key={crisisId} crisisId={crisisId} />
          </WorkbenchContext.Provider>
        ) : (
          <AbsentCrisis crisisId={crisisId} label={beside.label} />
        )}
      </div>
    </section>
  );
}

/** Said in the pane when the live crisis did not exist in the past state (named as the live scenario names it now). */
function AbsentCrisis({ crisisId, label }: { crisisId: string | null; label: string }) {
  const { view } = useDocument(useWorkbench().doc);
  const title = view?.document.crises.find((c) => c.id === crisisId)?.title ?? 'This crisis';
  return (
    <p className="muted empty-centre" data-testid="beside-absent">
      “{title}” is not in {label}.
    </p>
  );
}
