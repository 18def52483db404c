/**
 * In-place editors of the table. A title commits 300 ms after the last keystroke, on Enter, on
 * blur and on unmount, all under one undo mark per node so a burst of typing is one undo step.
 */
import { useEffect, useRef, useState } from 'react';
import { UNSCORED } from '../../../core/analysis';
import { LIMITS, type GraphNode } from '../../../core/model';

const COMMIT_DELAY_MS = 300;

export function TitleCell({ node, readOnly, onCommit }: { node: GraphNode; readOnly: boolean; onCommit(title: string): void }) {
  const [draft, setDraft] = useState(node.title);
  const editing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The latest draft and callback, read by the timer and by the unmount flush.
  const latest = useRef({ draft, title: node.title, onCommit });
  latest.current = { draft, title: node.title, onCommit };

  useEffect(() => {
    if (!editing.current) setDraft(node.title);
  }, [node.title]);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const { draft: text, title, onCommit: commit } = latest.current;
    const trimmed = text.trim();
    if (trimmed && trimmed !== title) commit(trimmed);
  };

  useEffect(() => () => flush(), []);

  return (
    <input
      className="title-input"
      value={draft}
      maxLength={LIMITS.title}
      readOnly={readOnly}
      aria-label={`Title of ${node.title}`}
      data-testid={`table-title-${node.id}`}
      onFocus={() => (editing.current = true)}
      onChange={(e) => {
        setDraft(e.target.value);
        latest.current = { ...latest.current, draft: e.target.value };
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(flush, COMMIT_DELAY_MS);
      }}
      onBlur={() => {
        editing.current = false;
        flush();
        // An empty title is not allowed; show the stored one again.
        if (!latest.current.draft.trim()) setDraft(latest.current.title);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          if (timer.current) clearTimeout(timer.current);
          timer.current = null;
          latest.current = { ...latest.current, draft: node.title };
          setDraft(node.title);
          e.currentTarget.blur();
        }
      }}
    />
  );
}

export function ScoreCell({ label, value, readOnly, onChange, testId }: { label: string; value: number | null; readOnly: boolean; onChange(value: number | null): void; testId: string }) {
  return (
    <select className="score-select" aria-label={label} value={value ?? ''} disabled={readOnly} data-testid={testId} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
      <option value="">{UNSCORED}</option>
      {[1, 2, 3, 4, 5].map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </select>
  );
}
