/** Who leads and supports which responses, with status, and which crises each actor is in. */
import type { ResponsibilityItem } from '../../../core/analysis';
import { responsibilitiesOf } from './memo';
import { ROW_LIMIT, type TabProps } from './tab-props';

export function ResponsibilitiesTab({ doc, scope, crisisNames, focus }: TabProps) {
  const rows = responsibilitiesOf(doc, scope);
  if (rows.length === 0) return <p className="analysis-empty">This file has no actors yet.</p>;
  return (
    <div className="responsibilities-tab">
      {rows.map((actor) => (
        <section key={actor.actorId} className="actor-card" data-testid={`responsibilities-${actor.actorId}`}>
          <h3>
            {actor.name} <span className="muted">({actor.code})</span>
          </h3>
          <p className="muted">
            Leads {actor.leads.length} · supports {actor.supports.length}
            {actor.crisisIds.length > 0 && ` · in ${actor.crisisIds.map((id) => crisisNames.get(id) ?? id).join(', ')}`}
          </p>
          <ItemList heading="Leads" by={`led by ${actor.name}`} items={actor.leads} focus={focus} />
          <ItemList heading="Supports" by={`supported by ${actor.name}`} items={actor.supports} focus={focus} />
          {actor.leads.length + actor.supports.length === 0 && <p className="muted">No responses yet.</p>}
        </section>
      ))}
    </div>
  );
}

/** `by` goes into each row's name: one response is listed under every actor that leads or supports it. */
function ItemList({ heading, by, items, focus }: { heading: string; by: string; items: ResponsibilityItem[]; focus: TabProps['focus'] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{heading}</h4>
      <ul className="analysis-rows">
        {items.slice(0, ROW_LIMIT).map((item) => (
          <li key={item.responseId} className="analysis-row">
            <button className="row-main" data-testid="responsibility-row" data-node-id={item.responseId} onClick={() => focus([item.responseId])}>
              <span className="row-title">{item.title}</span>
              {item.status && <span className={`status-chip status-${item.status}`}>{item.status}</span>}
              <span className="sr-only"> ({by})</span>
            </button>
          </li>
        ))}
      </ul>
      {items.length > ROW_LIMIT && <p className="muted">and {items.length - ROW_LIMIT} more</p>}
    </>
  );
}
