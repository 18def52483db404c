/**
 * The list beside the canvas in the compare view: every change since the base, in the words of
 * core/diff's describer, with moves hidden unless asked for. A change on the canvas is a button:
 * it switches to its crisis, selects it and centres it. Leaving returns to the live scenario.
 */
import type { ChangeLine } from '../../../core/diff';
import { useDocument } from '../state/document-store';
import { useObservableSelector } from '../state/store';
import { useWorkbench, type Workbench } from '../workspace-context';

/** More lines than this are counted, not drawn: the canvas shows them all. */
const SHOWN_LINES = 1000;
const MARK = { added: '+', removed: '−', changed: '~', moved: '↔' } as const;

function goTo(workbench: Workbench, line: ChangeLine): void {
  const document = workbench.current();
  if (!document) return;
  const edge = line.type === 'edge' && line.focusId ? document.edges.find((e) => e.id === line.focusId) : undefined;
  if (edge) {
    workbench.view.patch({ crisisId: edge.crisisId, centre: 'canvas' });
    workbench.selection.replace([], [edge.id]);
    requestAnimationFrame(() => requestAnimationFrame(() => workbench.canvas.current?.focusNodes([edge.source, edge.target])));
    return;
  }
  if (line.focusId && document.nodes.some((n) => n.id === line.focusId)) {
    workbench.focusNodes([line.focusId]);
    return;
  }
  // A removed record has no live element to select: show its crisis, and centre a removed node's ghost.
  if (line.crisisId && document.crises.some((c) => c.id === line.crisisId)) {
    workbench.view.patch({ crisisId: line.crisisId, centre: 'canvas' });
    if (line.change === 'removed' && line.type === 'node') {
      workbench.selection.clear();
      requestAnimationFrame(() => requestAnimationFrame(() => workbench.canvas.current?.focusNodes([line.id])));
    }
  }
}

export function CompareList() {
  const workbench = useWorkbench();
  const comparison = useDocument(workbench.doc).past?.compare;
  const showMoves = useObservableSelector(workbench.view, (v) => v.compareMoves);
  if (!comparison) return null;
  const lines = showMoves ? comparison.lines : comparison.lines.filter((l) => l.change !== 'moved');
  const moves = comparison.diff.moved.length;
  const count = (change: ChangeLine['change']) => lines.filter((l) => l.change === change).length;
  return (
    <aside className="compare-list" aria-label="Changes in the compare view" data-testid="compare-list">
      <header className="compare-head">
        <h2>Changes since {comparison.baseLabel}</h2>
        <p className="muted" data-testid="compare-counts">
          {count('added')} added · {count('removed')} removed · {count('changed')} changed{showMoves ? ` · ${moves} moved` : ''}
        </p>
        <label className="compare-moves">
          <input type="checkbox" checked={showMoves} data-testid="compare-moves" onChange={() => void workbench.commands.run('view.compareMoves')} />
          Show moves ({moves})
        </label>
        <div className="compare-actions" role="group" aria-label="Save these changes as a brief">
          <button data-testid="compare-brief-md" onClick={() => void workbench.commands.run('view.changesBriefMarkdown')}>
            Brief (Markdown)…
          </button>
          <button data-testid="compare-brief-html" onClick={() => void workbench.commands.run('view.changesBriefHtml')}>
            Brief (HTML)…
          </button>
        </div>
        <button data-testid="compare-leave" onClick={() => void workbench.commands.run('view.leaveCompare')}>
          Leave the compare view
        </button>
      </header>
      {lines.length === 0 && <p className="muted">No changes{moves && !showMoves ? ' other than moves' : ''}.</p>}
      <ul className="compare-lines">
        {lines.slice(0, SHOWN_LINES).map((line) => (
          <li key={`${line.change}:${line.type}:${line.id}`} className={`compare-line compare-line-${line.change}`}>
            <button data-testid="compare-entry" data-record-id={line.id} aria-label={`${line.change}: ${line.label}`} onClick={() => goTo(workbench, line)}>
              <span className="compare-mark" aria-hidden="true">{MARK[line.change]}</span>
              <span>{line.label}</span>
            </button>
            {line.fields.length > 0 && (
              <ul className="compare-fields">
                {line.fields.map((f) => (
                  <li key={f.field}>
                    {f.field}: {f.from} → {f.to}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {lines.length > SHOWN_LINES && <p className="muted">… and {lines.length - SHOWN_LINES} more, marked on the canvas.</p>}
    </aside>
  );
}
