/**
 * The open scenario: title bar and toolbar on top, crises and actors on the left, the canvas
 * (or the table or the consensus matrix) in the centre, the inspector on the right and the
 * analysis panel below.
 */
import { useEffect } from 'react';
import { AnalysisPanel } from '../analysis/AnalysisPanel';
import { ConsensusMatrix } from '../analysis/ConsensusMatrix';
import { ElementTable } from '../analysis/ElementTable';
import { Canvas } from '../canvas/Canvas';
import { Inspector } from '../inspector/Inspector';
import { useDocument } from '../state/document-store';
import { useObservable } from '../state/store';
import { useWorkbench } from '../workspace-context';
import { Sidebar } from './Sidebar';
import { Titlebar } from './Titlebar';

export function Workspace() {
  const workbench = useWorkbench();
  const { view } = useDocument(workbench.doc);
  const viewState = useObservable(workbench.view);
  const crises = view?.document.crises;

  // Keep the shown crisis valid: the first one when none is chosen or the chosen one is gone.
  useEffect(() => {
    if (!crises) return;
    if (viewState.crisisId && crises.some((c) => c.id === viewState.crisisId)) return;
    const first = [...crises].sort((a, b) => a.order - b.order)[0];
    workbench.selection.clear();
    workbench.view.patch({ crisisId: first?.id ?? null });
  }, [crises, viewState.crisisId, workbench]);

  if (!view) return null;
  const crisisId = viewState.crisisId;
  return (
    <div className={`workspace${viewState.showInspector ? ' with-inspector' : ''}${viewState.showAnalysis ? ' with-analysis' : ''}`} data-testid="workspace">
      <Titlebar />
      <Sidebar />
      <section className="centre-pane">
        {!crisisId ? (
          <p className="muted empty-centre">Add a crisis to start.</p>
        ) : viewState.centre === 'table' ? (
          <ElementTable />
        ) : viewState.centre === 'matrix' ? (
          <ConsensusMatrix />
        ) : (
          <Canvas key={crisisId} crisisId={crisisId} />
        )}
      </section>
      {viewState.showInspector && (
        <div className="inspector-pane">
          <Inspector />
        </div>
      )}
      {viewState.showAnalysis && (
        <div className="analysis-pane">
          <AnalysisPanel />
        </div>
      )}
    </div>
  );
}
