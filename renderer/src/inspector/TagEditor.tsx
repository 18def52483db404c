/** Tags as removable chips plus an input that adds one on Enter (or comma). */
import { useId, useState } from 'react';
import { LIMITS } from '../../../core/model';

export interface TagChip {
  tag: string;
  /** For a multi-selection: how many of the selected nodes carry it. */
  note?: string;
}

interface TagEditorProps {
  chips: readonly TagChip[];
  onAdd(tag: string): void;
  onRemove(tag: string): void;
  disabled?: boolean;
  /** Whether another tag may be added (the schema caps tags per node). */
  full?: boolean;
}

export function TagEditor({ chips, onAdd, onRemove, disabled, full }: TagEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = () => {
    const tag = draft.trim();
    if (!tag) return;
    setDraft('');
    if (!chips.some((c) => c.tag === tag)) onAdd(tag);
  };
  return (
    <div className="insp-field">
      <label htmlFor={id}>Tags</label>
      <ul className="insp-tags" data-testid="tag-list">
        {chips.map(({ tag, note }) => (
          <li key={tag} className="insp-tag" data-testid="tag-chip">
            <span className="insp-tag-text">{tag}</span>
            {note && <span className="insp-tag-note">{note}</span>}
            <button type="button" aria-label={`Remove tag ${tag}`} data-testid={`tag-remove-${tag}`} disabled={disabled} onClick={() => onRemove(tag)}>
              ×
            </button>
          </li>
        ))}
        {chips.length === 0 && <li className="muted insp-empty">No tags</li>}
      </ul>
      <div className="insp-inline">
        <input
          id={id}
          type="text"
          value={draft}
          maxLength={LIMITS.tag}
          placeholder={full ? 'Tag limit reached' : 'Add a tag…'}
          disabled={disabled || full}
          data-testid="tag-input"
          onChange={(e) => setDraft(e.target.value.replace(',', ''))}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" disabled={disabled || full || !draft.trim()} data-testid="tag-add" onClick={add}>
          Add
        </button>
      </div>
    </div>
  );
}
