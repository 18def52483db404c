/**
 * The open scenario: title bar and toolbar on top, crises and actors on the left, the canvas
 * (or the table or the consensus matrix) in the centre, with a past state read-only beside it
 * when one is opened there, the inspector on the right and the analysis panel below. The side panels and the analysis panel resize by their splitters
 * (pointer or arrow keys); the sidebar folds to a rail (Ctrl+B).
 */
import { useEffect, useMemo, type CSSProperties } from 'react';
import { fontStack } from '../../../core/export/style';
import { documentLanguage } from '../../../core/model';
import { AnalysisPanel } from '../analysis/AnalysisPanel';
import { ConsensusMatrix } from '../analysis/ConsensusMatrix';
import { ElementTable } from '../analysis/ElementTable';
import { Canvas } from '../canvas/Canvas';
import { BesidePane } from '../exchange/BesidePane';
import { CompareList } from '../exchange/CompareList';
import { Inspector } from '../inspector/Inspector';
import { useDocument } from '../state/document-store';
import { useObservable } from '../state/store';
import { useWorkbench } from '../workspace-context';
import { PANEL_RANGE, SIDEBAR_RAIL } from './panel-layout';
import { Sidebar } from './Sidebar';
import { Splitter } from './Splitter';
import { Titlebar } from './Titlebar';
import { usePanelLayout } from './usePanelLayout';
import { useRegionCommands } from './regions';

export function Workspace() {
  const workbench = useWorkbench();
  const { view, past } = useDocument(workbench.doc);
  const comparing = !!past?.compare;
  const viewState = useObservable(workbench.view);
  const beside = useObservable(workbench.session.beside);
  const crises = view?.document.crises;
  // The scenario's CJK language puts its font first, so Han text takes that language's glyph forms.
  const openDocument = view?.document;
  const fontFamily = useMemo(() => fontStack(openDocument ? documentLanguage(openDocument) : null), [openDocument]);
  useRegionCommands(workbench);
  const { sizes, set } = usePanelLayout(workbench, { inspector: viewState.showInspector, analysis: viewState.showAnalysis });

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
  const style = {
    '--sidebar-w': `${sizes.sidebarOpen ? sizes.sidebar : SIDEBAR_RAIL}px`,
    '--inspector-w': `${sizes.inspector}px`,
    '--analysis-h': `${sizes.analysis}px`,
    fontFamily,
  } as CSSProperties;
  return (
    <div
      className={`workspace${viewState.showInspector ? ' with-inspector' : ''}${viewState.showAnalysis ? ' with-analysis' : ''}`}
      data-testid="workspace"
      style={style}
    >
      <Titlebar />
      {sizes.sidebarOpen ? (
        <div className="sidebar-pane" data-region="sidebar">
          <Sidebar />
          <Splitter
            label="Resize the sidebar"
            orientation="vertical"
            value={sizes.sidebar}
            min={PANEL_RANGE.sidebar.min}
            max={PANEL_RANGE.sidebar.max}
            direction={1}
            onChange={(sidebar) => set({ sidebar })}
            testId="splitter-sidebar"
            className="splitter-right"
          />
        </div>
      ) : (
        <nav className="sidebar-rail" aria-label="Sidebar (folded)" data-region="sidebar">
          <button className="icon-button" aria-label="Show the sidebar (Ctrl+B)" title="Show the sidebar (Ctrl+B)" data-testid="sidebar-open" onClick={() => void workbench.commands.run('view.toggleSidebar')}>
            ☰
          </button>
        </nav>
      )}
      <section className={`centre-pane${comparing ? ' comparing' : ''}${beside ? ' with-beside' : ''}`} aria-label="Canvas" data-region="centre">
        <div className="centre-live" data-testid="centre-live">
          {!crisisId ? (
            <p className="muted empty-centre">Add a crisis to start.</p>
          ) : viewState.centre === 'table' ? (
            <ElementTable />
          ) : viewState.centre === 'matrix' ? (
            <ConsensusMatrix />
          ) : (
            <Canvas key={crisisId} crisisId={crisisId} />
          )}
          {comparing && <CompareList />}
        </div>
        {beside && <BesidePane beside={beside} />}
      </section>
      {viewState.showInspector && (
        <div className="inspector-pane" data-region="inspector">
          <Splitter
            label="Resize the inspector"
            orientation="vertical"
            value={sizes.inspector}
            min={PANEL_RANGE.inspector.min}
            max={PANEL_RANGE.inspector.max}
            direction={-1}
            onChange={(inspector) => set({ inspector })}
            testId="splitter-inspector"
            className="splitter-left"
          />
          <div className="inspector-scroll">
            <Inspector />
          </div>
        </div>
      )}
      {viewState.showAnalysis && (
        <div className="analysis-pane" data-region="analysis">
          <Splitter
            label="Resize the analysis panel"
            orientation="horizontal"
            value={sizes.analysis}
            min={PANEL_RANGE.analysis.min}
            max={PANEL_RANGE.analysis.max}
            direction={-1}
            onChange={(analysis) => set({ analysis })}
            testId="splitter-analysis"
            className="splitter-top"
          />
          <AnalysisPanel />
        </div>
      )}
    </div>
  );
}
