/** The left sidebar: the file's crises, its actors, and the scenario's details. */
import { useState } from 'react';
import { CRISIS_STATUSES, DEFAULT_VIEWPORT, newId, type Crisis } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { useDocument } from '../state/document-store';
import { useObservable } from '../state/store';
import { reportError, useWorkbench } from '../workspace-context';
import { ActorList } from './ActorList';
import { HandlingFields } from './HandlingFields';
import { LanguageField } from './LanguageField';
import { InlineText } from './InlineText';

export function Sidebar() {
  const workbench = useWorkbench();
  const { view } = useDocument(workbench.doc);
  const viewState = useObservable(workbench.view);
  const [renaming, setRenaming] = useState<string | null>(null);
  if (!view) return null;
  const doc = view.document;
  const readOnly = view.readOnly !== null;
  const crises = [...doc.crises].sort((a, b) => a.order - b.order);
  const counts = new Map<string, number>();
  for (const n of doc.nodes) counts.set(n.crisisId, (counts.get(n.crisisId) ?? 0) + 1);
  const edit = (ops: Op[], mark: string | null = null) => workbench.doc.edit(ops, mark).catch((e: unknown) => reportError(workbench, e));

  const addCrisis = async () => {
    const id = newId();
    const order = crises.reduce((max, c) => Math.max(max, c.order + 1), 0);
    const crisis: Crisis = { id, title: 'New crisis', region: '', summary: '', status: 'draft', viewport: DEFAULT_VIEWPORT, order };
    await edit([{ op: 'crisis.create', crisis }]);
    workbench.selection.clear();
    workbench.view.patch({ crisisId: id });
    setRenaming(id);
  };

  /** Swap a crisis with its neighbour; orders are rewritten densely so they stay unique. */
  const move = (index: number, step: number) => {
    const target = index + step;
    if (target < 0 || target >= crises.length) return;
    const order = crises.map((c) => c.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    const ops: Op[] = order.flatMap((id, i) => (crises.find((c) => c.id === id)!.order === i ? [] : [{ op: 'crisis.update' as const, id, patch: { order: i } }]));
    void edit(ops);
  };

  const remove = (crisis: Crisis) => {
    void edit([{ op: 'crisis.delete', id: crisis.id }]).then(() => {
      workbench.notify(`Deleted “${crisis.title}”. Undo (Ctrl+Z) brings it back.`, 'info');
      if (viewState.crisisId === crisis.id) workbench.view.patch({ crisisId: null });
    });
  };

  return (
    <aside className="sidebar" data-testid="sidebar">
      <section>
        <div className="sidebar-head">
          <h2>Crises</h2>
          {!readOnly && (
            <button className="icon-button" data-testid="new-crisis" onClick={() => void addCrisis()} title="Add crisis" aria-label="Add crisis">
              +
            </button>
          )}
        </div>
        <ul className="crisis-list" data-testid="crisis-list">
          {crises.map((c, i) => (
            <li key={c.id} className={c.id === viewState.crisisId ? 'selected' : ''} data-crisis-id={c.id}>
              {renaming === c.id ? (
                <InlineText
                  value={c.title}
                  required
                  maxLength={300}
                  mark={`crisis:title:${c.id}`}
                  testId="crisis-title-input"
                  label="Crisis title"
                  autoFocus
                  onCommit={(title, mark) => {
                    void edit([{ op: 'crisis.update', id: c.id, patch: { title } }], mark);
                    setRenaming(null);
                  }}
                />
              ) : (
                <button
                  className="crisis-button"
                  data-testid="crisis-item"
                  onClick={() => {
                    workbench.selection.clear();
                    workbench.view.patch({ crisisId: c.id, centre: viewState.centre });
                  }}
                  onDoubleClick={() => !readOnly && setRenaming(c.id)}
                  title={c.region ? `${c.title} — ${c.region}` : c.title}
                >
                  <span className="crisis-title">{c.title}</span>
                  <span className="crisis-count">{counts.get(c.id) ?? 0}</span>
                </button>
              )}
              {!readOnly && c.id === viewState.crisisId && renaming !== c.id && (
                <span className="crisis-tools">
                  <button className="icon-button" title="Rename" aria-label={`Rename ${c.title}`} data-testid="crisis-rename" onClick={() => setRenaming(c.id)}>
                    ✎
                  </button>
                  <button className="icon-button" title="Move up" aria-label={`Move ${c.title} up`} data-testid="crisis-up" disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button className="icon-button" title="Move down" aria-label={`Move ${c.title} down`} data-testid="crisis-down" disabled={i === crises.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button className="icon-button danger" title="Delete crisis" aria-label={`Delete ${c.title}`} data-testid="crisis-delete" onClick={() => remove(c)}>
                    ✕
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
        {crises.length === 0 && <p className="muted">No crises yet.</p>}
      </section>
      <ActorList />
      <section className="scenario-details">
        <h2>Scenario</h2>
        <label className="field">
          <span>Title</span>
          <InlineText
            value={doc.scenario.title}
            required
            maxLength={300}
            disabled={readOnly}
            mark="scenario:title"
            testId="scenario-title"
            onCommit={(title, mark) => void edit([{ op: 'scenario.update', patch: { title } }], mark)}
          />
        </label>
        <label className="field">
          <span>Description</span>
          <InlineText
            value={doc.scenario.description}
            multiline
            maxLength={20000}
            disabled={readOnly}
            mark="scenario:description"
            testId="scenario-description"
            onCommit={(description, mark) => void edit([{ op: 'scenario.update', patch: { description } }], mark)}
          />
        </label>
        <HandlingFields scenario={doc.scenario} readOnly={readOnly} edit={(ops, mark) => void edit(ops, mark)} />
        <LanguageField doc={doc} readOnly={readOnly} edit={(ops, mark) => void edit(ops, mark)} />
        {viewState.crisisId && <CrisisStatus crisis={crises.find((c) => c.id === viewState.crisisId)} readOnly={readOnly} />}
      </section>
    </aside>
  );
}

function CrisisStatus({ crisis, readOnly }: { crisis: Crisis | undefined; readOnly: boolean }) {
  const workbench = useWorkbench();
  if (!crisis) return null;
  return (
    <label className="field">
      <span>Crisis status</span>
      <select
        value={crisis.status}
        disabled={readOnly}
        data-testid="crisis-status"
        onChange={(e) =>
          void workbench.doc
            .edit([{ op: 'crisis.update', id: crisis.id, patch: { status: e.target.value as Crisis['status'] } }])
            .catch((err: Error) => workbench.notify(err.message, 'error'))
        }
      >
        {CRISIS_STATUSES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
    </label>
  );
}
