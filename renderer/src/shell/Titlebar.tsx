/** The file's name, its saved state, and the toolbar. Toolbar buttons run registry commands. */
import { useSyncExternalStore } from 'react';
import type { CommandId } from '../../../core/commands';
import { markingBanner, markingLines } from '../../../core/export/audience';
import { ViewModeSwitcher } from '../analysis/ViewControls';
import { PastViewBanner } from '../exchange/PastViewBanner';
import { useDocument } from '../state/document-store';
import { useObservable } from '../state/store';
import { useWorkbench } from '../workspace-context';

const SAVE_TEXT = { saved: 'All changes saved', saving: 'Saving…', failed: 'Last change not saved' } as const;

export function Titlebar() {
  const workbench = useWorkbench();
  const { view, saveState, answered, past } = useDocument(workbench.doc);
  const viewState = useObservable(workbench.view);
  useSyncExternalStore(workbench.commands.subscribe, workbench.commands.getVersion);
  if (!view) return null;
  const marking = markingBanner(markingLines(view.document));
  const button = (id: CommandId, label: string, icon: string, word: string, pressed?: boolean) => (
    <button
      className="tool-button"
      data-testid={`tool-${id}`}
      title={label}
      aria-pressed={pressed}
      disabled={!workbench.commands.has(id) || !workbench.commands.isEnabled(id)}
      onClick={() => void workbench.commands.run(id)}
    >
      <span aria-hidden="true">{icon}</span>
      <span className="tool-text"> {word}</span>
    </button>
  );
  return (
    <header className="titlebar" data-region="toolbar">
      <div className="title-group">
        {marking && (
          <span className="title-marking" data-testid="title-marking" title="Handling marking: printed on every export">
            {marking}
          </span>
        )}
        <span className="file-name" data-testid="file-name" title={view.displayPath || 'Not saved to a file yet: use Save As'}>
          {view.fileName}
        </span>
        <span className={`save-state save-${saveState}`} data-testid="save-state" data-save-state={saveState} data-answered={answered}>
          {SAVE_TEXT[saveState]}
        </span>
        {view.untitled && (
          <button className="link-button" data-testid="title-save-as" onClick={() => void workbench.commands.run('file.saveAs')}>
            Save As…
          </button>
        )}
        <PastViewBanner />
        {view.readOnly && !past && (
          <span className="read-only" data-testid="read-only">
            Read-only: {view.readOnly.message}
          </span>
        )}
      </div>
      <div className="toolbar" role="toolbar" aria-label="Editing">
        {button('edit.undo', 'Undo (Ctrl+Z)', '↶', 'Undo')}
        {button('edit.redo', 'Redo (Shift+Ctrl+Z)', '↷', 'Redo')}
        {button('view.arrange', 'Arrange the crisis, or the selection (Shift+Ctrl+L)', '⇶', 'Arrange')}
        {button('view.fit', 'Zoom to fit (Ctrl+0)', '⤢', 'Fit')}
        {button('edit.find', 'Find (Ctrl+F)', '⌕', 'Find')}
        {button('file.export', 'Export…', '⇪', 'Export')}
        {button(
          'view.reportOnly',
          'Only what the report states: values resting on assumption or entered by planners are hidden, and elements no quote supports are greyed',
          '❝', 'Report only',
          viewState.reportOnly,
        )}
        {button('view.toggleAnalysis', 'Analysis panel', '▤', 'Analysis', viewState.showAnalysis)}
        {button('view.toggleInspector', 'Inspector', '◧', 'Inspector', viewState.showInspector)}
      </div>
      <label className="filter-box" title="Show only elements whose title, description or tags match, on the canvas and in the tables">
        <span aria-hidden="true">⚲</span>
        <input
          type="search"
          data-testid="filter-input"
          aria-label="Filter elements"
          placeholder="Filter…"
          value={viewState.filter}
          onChange={(e) => workbench.view.patch({ filter: e.target.value })}
          onKeyDown={(e) => e.key === 'Escape' && workbench.view.patch({ filter: '' })}
        />
      </label>
      <ViewModeSwitcher />
    </header>
  );
}
