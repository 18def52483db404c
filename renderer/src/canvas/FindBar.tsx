/**
 * Find (Ctrl/Cmd+F): searches titles, descriptions and tags across every crisis, and focuses
 * each match in turn with Enter (Shift+Enter goes back).
 */
import { useMemo, useState } from 'react';
import { matchesFilter } from './flow-model';
import { useDocument } from '../state/document-store';
import { useWorkbench } from '../workspace-context';

export function FindBar() {
  const workbench = useWorkbench();
  const { view } = useDocument(workbench.doc);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(-1);
  const matches = useMemo(() => {
    if (!view || !query.trim()) return [];
    const order = new Map(view.document.crises.map((c) => [c.id, c.order]));
    return view.document.nodes
      .filter((n) => matchesFilter(n, query))
      .sort((a, b) => (order.get(a.crisisId) ?? 0) - (order.get(b.crisisId) ?? 0) || a.x - b.x || a.y - b.y);
  }, [view, query]);

  const go = (step: number) => {
    if (matches.length === 0) return;
    const next = (index + step + matches.length) % matches.length;
    setIndex(next);
    workbench.focusNodes([matches[next]!.id]);
  };

  return (
    <div className="find-bar" role="search">
      <input
        autoFocus
        data-testid="find-input"
        placeholder="Find in titles, descriptions, tags"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go(e.shiftKey ? -1 : 1);
          if (e.key === 'Escape') workbench.view.patch({ findOpen: false });
        }}
      />
      <span className="find-count" data-testid="find-count">
        {query.trim() ? `${matches.length ? index + 1 : 0} of ${matches.length}` : ''}
      </span>
      <button onClick={() => go(-1)} disabled={!matches.length} aria-label="Previous match">
        ↑
      </button>
      <button onClick={() => go(1)} disabled={!matches.length} aria-label="Next match" data-testid="find-next">
        ↓
      </button>
      <button onClick={() => workbench.view.patch({ findOpen: false })} aria-label="Close find">
        ✕
      </button>
    </div>
  );
}
