/**
 * Where the node's claims come from: each quote with its source and section, editable, and a
 * form that adds a quote from an existing source or from a new one created in the same batch.
 */
import { useState } from 'react';
import { LIMITS, PROVENANCE_RELATIONS, RELATION_LABELS, newId, type Provenance, type ProvenanceRelation, type Source } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { typingMark, useEdit } from './field-edits';
import { Pick, Section, TextField } from './fields';
import { EMPTY_SOURCE, NewSourceFields, citeLine, type SourceDraft } from './Sources';

interface ProvenanceProps {
  nodeId: string;
  quotes: readonly Provenance[];
  sources: readonly Source[];
  readOnly: boolean;
}

export function ProvenanceSection({ nodeId, quotes, sources, readOnly }: ProvenanceProps) {
  const [adding, setAdding] = useState(false);
  const sourceChoices = [...sources].sort((a, b) => a.title.localeCompare(b.title)).map((s) => ({ value: s.id, label: s.title }));
  return (
    <Section
      title="Provenance"
      testId="inspector-provenance"
      aside={
        !readOnly && !adding ? (
          <button type="button" className="insp-link" data-testid="quote-add-open" onClick={() => setAdding(true)}>
            + Add quote
          </button>
        ) : null
      }
    >
      {quotes.length === 0 && !adding && <p className="muted insp-empty">No quotes back this node yet.</p>}
      <ol className="insp-quotes">
        {quotes.map((quote) => (
          <QuoteItem key={quote.id} quote={quote} source={sources.find((s) => s.id === quote.sourceId)} sourceChoices={sourceChoices} readOnly={readOnly} />
        ))}
      </ol>
      {adding && <AddQuote nodeId={nodeId} sources={sources} readOnly={readOnly} onDone={() => setAdding(false)} />}
    </Section>
  );
}

interface QuoteItemProps {
  quote: Provenance;
  source: Source | undefined;
  sourceChoices: { value: string; label: string }[];
  readOnly: boolean;
}

function QuoteItem({ quote, source, sourceChoices, readOnly }: QuoteItemProps) {
  const edit = useEdit();
  const update = (patch: Extract<Op, { op: 'provenance.update' }>['patch'], mark: string | null) => edit([{ op: 'provenance.update', id: quote.id, patch }], mark);
  return (
    <li className={`insp-quote insp-quote-${quote.relation}`} data-testid="quote" data-relation={quote.relation}>
      {quote.relation !== 'supports' && (
        <div className="insp-quote-relation" data-testid="quote-relation">
          {RELATION_LABELS[quote.relation]}
        </div>
      )}
      <blockquote data-testid="quote-display">{quote.quote || <span className="muted">(no quote text)</span>}</blockquote>
      <div className="insp-quote-source" data-testid="quote-source-line">
        — {source ? citeLine(source) : 'unknown source'}
        {quote.locator && <span className="insp-locator">, {quote.locator}</span>}
      </div>
      <details className="insp-quote-edit">
        <summary data-testid="quote-edit">Edit quote</summary>
        <TextField
          label="Quote"
          value={quote.quote}
          multiline
          rows={3}
          maxLength={LIMITS.quote}
          disabled={readOnly}
          testId="quote-text"
          onCommit={(text) => update({ quote: text }, typingMark('quote', quote.id))}
        />
        <TextField
          label="Section or page"
          value={quote.locator}
          maxLength={LIMITS.shortText}
          disabled={readOnly}
          testId="quote-locator"
          onCommit={(locator) => update({ locator }, typingMark('locator', quote.id))}
        />
        <Pick label="Source" value={quote.sourceId} choices={sourceChoices} disabled={readOnly} testId="quote-source" onChange={(sourceId) => sourceId && void update({ sourceId }, null)} />
        <Pick<ProvenanceRelation>
          label="Bears on this node as"
          value={quote.relation}
          choices={RELATION_CHOICES}
          disabled={readOnly}
          testId="quote-relation-pick"
          onChange={(relation) => relation && void update({ relation }, null)}
        />
        {!readOnly && (
          <button type="button" className="insp-danger" data-testid="quote-delete" onClick={() => void edit([{ op: 'provenance.delete', id: quote.id }])}>
            Delete quote
          </button>
        )}
      </details>
    </li>
  );
}

const RELATION_CHOICES = PROVENANCE_RELATIONS.map((r) => ({ value: r, label: RELATION_LABELS[r] }));

/** Ids never contain ':', so this cannot be a real source. */
const NEW_SOURCE = ':new';

function AddQuote({ nodeId, sources, readOnly, onDone }: { nodeId: string; sources: readonly Source[]; readOnly: boolean; onDone(): void }) {
  const edit = useEdit();
  const sorted = [...sources].sort((a, b) => a.title.localeCompare(b.title));
  const [sourceId, setSourceId] = useState<string>(sorted[0]?.id ?? NEW_SOURCE);
  const [draft, setDraft] = useState<SourceDraft>(EMPTY_SOURCE);
  const [quote, setQuote] = useState('');
  const [locator, setLocator] = useState('');
  const [relation, setRelation] = useState<ProvenanceRelation>('supports');
  const creating = sourceId === NEW_SOURCE;
  const ready = quote.trim() !== '' && (creating ? draft.title.trim() !== '' : sources.some((s) => s.id === sourceId));

  const submit = async () => {
    if (!ready) return;
    const ops: Op[] = [];
    let chosen = sourceId;
    if (creating) {
      chosen = newId();
      ops.push({ op: 'source.create', source: { id: chosen, ...draft, title: draft.title.trim() } });
    }
    ops.push({ op: 'provenance.create', provenance: { id: newId(), elementId: nodeId, sourceId: chosen, locator, quote, relation } });
    if (await edit(ops)) onDone();
  };

  return (
    <form
      className="insp-add-quote"
      data-testid="quote-add-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="insp-field">
        <span className="insp-label">Source</span>
        <select value={sourceId} disabled={readOnly} data-testid="quote-add-source" onChange={(e) => setSourceId(e.target.value)}>
          {sorted.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
          <option value={NEW_SOURCE}>New source…</option>
        </select>
      </label>
      {creating && <NewSourceFields draft={draft} onChange={setDraft} disabled={readOnly} />}
      <label className="insp-field">
        <span className="insp-label">Quote</span>
        <textarea rows={3} value={quote} maxLength={LIMITS.quote} disabled={readOnly} data-testid="quote-add-text" onChange={(e) => setQuote(e.target.value)} />
      </label>
      <label className="insp-field">
        <span className="insp-label">Section or page</span>
        <input type="text" value={locator} maxLength={LIMITS.shortText} disabled={readOnly} data-testid="quote-add-locator" onChange={(e) => setLocator(e.target.value)} />
      </label>
      <label className="insp-field">
        <span className="insp-label">Bears on this node as</span>
        <select value={relation} disabled={readOnly} data-testid="quote-add-relation" onChange={(e) => setRelation(e.target.value as ProvenanceRelation)}>
          {RELATION_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <div className="insp-inline">
        <button type="submit" className="primary" disabled={readOnly || !ready} data-testid="quote-add-submit">
          Add quote
        </button>
        <button type="button" data-testid="quote-add-cancel" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
