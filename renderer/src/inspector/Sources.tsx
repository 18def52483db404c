/**
 * Every source in the scenario with its full citation, each editable in place, and the form for a
 * new source (used inline when adding a quote).
 */
import { useState } from 'react';
import { LIMITS, type Source } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { typingMark, useEdit } from './field-edits';
import { TextField } from './fields';

export type SourceDraft = Omit<Source, 'id'>;
export const EMPTY_SOURCE: SourceDraft = { title: '', author: '', date: '', citation: '' };

/** One line naming a source the way a reference list would. */
export function citeLine(source: Pick<Source, 'author' | 'date' | 'title'>): string {
  return [source.author, source.date ? `(${source.date})` : '', source.title].filter(Boolean).join(' ');
}

/** The fields of a source not yet created: plain controlled inputs, nothing is written until submit. */
export function NewSourceFields({ draft, onChange, disabled }: { draft: SourceDraft; onChange(next: SourceDraft): void; disabled: boolean }) {
  const field = (key: keyof SourceDraft, label: string, max: number, multiline = false) => (
    <label className="insp-field">
      <span className="insp-label">{label}</span>
      {multiline ? (
        <textarea rows={3} value={draft[key]} maxLength={max} disabled={disabled} data-testid={`new-source-${key}`} onChange={(e) => onChange({ ...draft, [key]: e.target.value })} />
      ) : (
        <input type="text" value={draft[key]} maxLength={max} disabled={disabled} data-testid={`new-source-${key}`} onChange={(e) => onChange({ ...draft, [key]: e.target.value })} />
      )}
    </label>
  );
  return (
    <div className="insp-new-source" data-testid="new-source">
      {field('title', 'Source title', LIMITS.title)}
      {field('author', 'Author', LIMITS.shortText)}
      {field('date', 'Date', LIMITS.shortText)}
      {field('citation', 'Full citation', LIMITS.description, true)}
    </div>
  );
}

export function SourceList({ sources, readOnly }: { sources: readonly Source[]; readOnly: boolean }) {
  const sorted = [...sources].sort((a, b) => a.title.localeCompare(b.title));
  return (
    <details className="insp-sources" data-testid="inspector-sources">
      <summary>
        Sources <span className="muted">({sources.length})</span>
      </summary>
      {sorted.length === 0 && <p className="muted insp-empty">No sources yet. Add one with a quote.</p>}
      <ul>
        {sorted.map((source) => (
          <SourceItem key={source.id} source={source} readOnly={readOnly} />
        ))}
      </ul>
    </details>
  );
}

function SourceItem({ source, readOnly }: { source: Source; readOnly: boolean }) {
  const edit = useEdit();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const update = (patch: Extract<Op, { op: 'source.update' }>['patch'], field: string) =>
    edit([{ op: 'source.update', id: source.id, patch }], typingMark(`source-${field}`, source.id));
  return (
    <li className="insp-source" data-testid="source-item">
      <div className="insp-source-title" data-testid="source-title">
        {source.title}
      </div>
      <div className="muted">{[source.author, source.date].filter(Boolean).join(' · ')}</div>
      {source.citation && (
        <div className="insp-citation" data-testid="source-citation">
          {source.citation}
        </div>
      )}
      <div className="insp-inline">
        <button type="button" className="insp-link" data-testid="source-edit" onClick={() => setEditing(!editing)}>
          {editing ? 'Done' : 'Edit'}
        </button>
        {!readOnly &&
          (confirming ? (
            <button type="button" className="insp-danger" data-testid="source-delete-confirm" onClick={() => void edit([{ op: 'source.delete', id: source.id }])}>
              Delete it and every quote citing it
            </button>
          ) : (
            <button type="button" className="insp-link" data-testid="source-delete" onClick={() => setConfirming(true)}>
              Delete…
            </button>
          ))}
      </div>
      {editing && (
        <div className="insp-source-edit">
          <TextField label="Title" value={source.title} required maxLength={LIMITS.title} disabled={readOnly} testId="source-edit-title" onCommit={(title) => update({ title }, 'title')} />
          <TextField label="Author" value={source.author} maxLength={LIMITS.shortText} disabled={readOnly} testId="source-edit-author" onCommit={(author) => update({ author }, 'author')} />
          <TextField label="Date" value={source.date} maxLength={LIMITS.shortText} disabled={readOnly} testId="source-edit-date" onCommit={(date) => update({ date }, 'date')} />
          <TextField
            label="Full citation"
            value={source.citation}
            multiline
            rows={3}
            maxLength={LIMITS.description}
            disabled={readOnly}
            testId="source-edit-citation"
            onCommit={(citation) => update({ citation }, 'citation')}
          />
        </div>
      )}
    </li>
  );
}
