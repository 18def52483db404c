/** The actors in the file: add, rename, recode, recolour, remove, and choose the core actors. */
import { newId, type Actor } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { useDocument } from '../state/document-store';
import { reportError, useWorkbench } from '../workspace-context';
import { InlineText } from './InlineText';

const PALETTE = ['#7c3aed', '#0891b2', '#be185d', '#4d7c0f', '#9a3412', '#1e40af', '#854d0e', '#0f766e'];

export function ActorList() {
  const workbench = useWorkbench();
  const { view } = useDocument(workbench.doc);
  if (!view) return null;
  const doc = view.document;
  const readOnly = view.readOnly !== null;
  const actors = [...doc.actors].sort((a, b) => a.order - b.order);
  const core = new Set(doc.scenario.coreActorIds);
  const edit = (ops: Op[], mark: string | null = null) => workbench.doc.edit(ops, mark).catch((e: unknown) => reportError(workbench, e));

  const add = () => {
    const order = actors.reduce((max, a) => Math.max(max, a.order + 1), 0);
    const actor: Actor = { id: newId(), name: 'New actor', code: `A${order + 1}`, color: PALETTE[order % PALETTE.length]!, order };
    void edit([{ op: 'actor.create', actor }]);
  };

  const toggleCore = (actor: Actor) => {
    const next = core.has(actor.id) ? doc.scenario.coreActorIds.filter((id) => id !== actor.id) : [...doc.scenario.coreActorIds, actor.id];
    void edit([{ op: 'scenario.update', patch: { coreActorIds: next } }]);
  };

  return (
    <section className="actor-list" data-testid="actor-list">
      <div className="sidebar-head">
        <h2>Actors</h2>
        {!readOnly && (
          <button className="icon-button" data-testid="add-actor" onClick={add} title="Add actor" aria-label="Add actor">
            +
          </button>
        )}
      </div>
      <ul>
        {actors.map((a) => (
          <li key={a.id} className="actor-row" data-actor-id={a.id}>
            <input
              type="color"
              value={a.color}
              disabled={readOnly}
              aria-label={`Colour of ${a.name}`}
              data-testid="actor-color"
              onChange={(e) => void edit([{ op: 'actor.update', id: a.id, patch: { color: e.target.value } }], `actor:color:${a.id}`)}
            />
            <InlineText
              className="actor-code"
              value={a.code}
              required
              maxLength={12}
              disabled={readOnly}
              label={`Short code of ${a.name}`}
              testId="actor-code"
              mark={`actor:code:${a.id}`}
              onCommit={(code, mark) => void edit([{ op: 'actor.update', id: a.id, patch: { code } }], mark)}
            />
            <InlineText
              className="actor-name"
              value={a.name}
              required
              maxLength={120}
              disabled={readOnly}
              label={`Name of actor ${a.code}`}
              testId="actor-name"
              mark={`actor:name:${a.id}`}
              onCommit={(name, mark) => void edit([{ op: 'actor.update', id: a.id, patch: { name } }], mark)}
            />
            <label className="core-toggle" title="Counts for consensus">
              <input type="checkbox" checked={core.has(a.id)} disabled={readOnly} onChange={() => toggleCore(a)} data-testid="actor-core" aria-label={`${a.name} is a core actor`} />
              core
            </label>
            {!readOnly && (
              <button
                className="icon-button danger"
                title={`Remove ${a.name}`}
                aria-label={`Remove ${a.name}`}
                data-testid="actor-remove"
                onClick={() => void edit([{ op: 'actor.delete', id: a.id }]).then(() => workbench.notify(`Removed ${a.name}. Undo brings back its stances and roles.`, 'info'))}
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
