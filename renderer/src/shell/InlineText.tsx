/**
 * A text field that commits as the user types (debounced, grouped into one undo step by its
 * mark) and on blur, and follows the document when it changes from elsewhere (undo, another
 * field) without clobbering what is being typed.
 */
import { useEffect, useRef, useState } from 'react';

interface Props {
  value: string;
  onCommit: (next: string, mark: string) => void;
  mark: string;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
  disabled?: boolean;
  placeholder?: string;
  testId?: string;
  label?: string;
  className?: string;
  /** Focus and select the text on mount: a field shown because the user asked to rename. */
  autoFocus?: boolean;
  /** The id of a <datalist> of suggestions (single-line fields only). */
  list?: string;
}

export function InlineText({ value, onCommit, mark, multiline, required, maxLength, disabled, placeholder, testId, label, className, autoFocus, list }: Props) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSent = useRef(value);
  const cancelled = useRef(false);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!autoFocus) return;
    field.current?.focus();
    field.current?.select();
    // Only on mount: a later prop change must not steal focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    lastSent.current = value;
    if (!focused.current) setDraft(value);
  }, [value]);

  const flush = (next: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const clean = required ? next.trim() : next;
    if ((required && !clean) || clean === lastSent.current) return;
    lastSent.current = clean;
    onCommit(clean, mark);
  };

  const change = (next: string) => {
    setDraft(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => flush(next), 300);
  };

  const common = {
    ref: field,
    value: draft,
    disabled,
    placeholder,
    maxLength,
    'aria-label': label,
    'data-testid': testId,
    className,
    onFocus: () => (focused.current = true),
    onBlur: () => {
      focused.current = false;
      if (cancelled.current) {
        cancelled.current = false;
        setDraft(lastSent.current);
        return;
      }
      flush(draft);
      if (required && !draft.trim()) setDraft(value);
    },
  };
  return multiline ? (
    <textarea {...common} rows={4} onChange={(e) => change(e.target.value)} />
  ) : (
    <input
      {...common}
      list={list}
      onChange={(e) => change(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') {
          if (timer.current) clearTimeout(timer.current);
          cancelled.current = true;
          (e.target as HTMLInputElement).blur();
        }
      }}
    />
  );
}
