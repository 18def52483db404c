/**
 * The inspector's controls. Text fields keep a local draft so typing stays instant, commit it
 * after a short pause or on blur, and take the document's value again when it changes from
 * outside (undo, another view) unless the user has uncommitted typing in the field.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const COMMIT_DELAY_MS = 300;

interface TextFieldProps {
  label: string;
  /** Keep the label for screen readers only (the placeholder says it on screen). */
  hideLabel?: boolean;
  value: string;
  /** Resolves false when the edit was refused, so the field shows the document's value again. */
  onCommit(text: string): Promise<boolean>;
  testId: string;
  disabled?: boolean;
  multiline?: boolean;
  rows?: number;
  /** An empty value is never committed; leaving the field restores the document's value. */
  required?: boolean;
  maxLength?: number;
  placeholder?: string;
}

export function TextField(props: TextFieldProps) {
  const { label, hideLabel, value, testId, disabled, multiline, rows = 4, maxLength, placeholder } = props;
  const id = useId();
  const [draft, setDraftState] = useState(value);
  const draftRef = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Texts this field committed, oldest first, whose echo may still come back from the document.
  const inFlight = useRef<string[]>([]);
  const lastSent = () => inFlight.current[inFlight.current.length - 1];
  const focused = useRef(false);
  const latest = useRef(props);
  latest.current = props;

  const setDraft = (text: string) => {
    draftRef.current = text;
    setDraftState(text);
  };

  const flush = (): boolean => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const text = draftRef.current;
    const { value: stored, required, onCommit } = latest.current;
    if (text === stored || text === lastSent()) return false;
    if (required && text.trim() === '') return false;
    inFlight.current.push(text);
    void onCommit(text).then((applied) => {
      if (applied) return;
      // A refused edit: show what the file holds, unless the user has typed on since.
      inFlight.current = [];
      if (timer.current === null && draftRef.current === text) setDraft(latest.current.value);
    });
    return true;
  };

  // Never lose the last keystroke: a pending draft is committed when the field goes away.
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => void flushRef.current(), []);

  useEffect(() => {
    if (timer.current !== null) return; // the user's pending typing wins; its commit follows
    const echo = inFlight.current.findIndex((text) => text === value || text.trim() === value);
    if (echo >= 0) {
      inFlight.current = inFlight.current.slice(echo);
      // An older commit's echo while a newer one is on its way: the draft is already ahead.
      if (inFlight.current.length > 1) return;
      // Our latest commit (possibly trimmed by the schema) must not move the caret or eat a space.
      if (focused.current) return;
    }
    inFlight.current = [];
    setDraft(value);
  }, [value]);

  const change = (text: string) => {
    setDraft(text);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      flush();
    }, COMMIT_DELAY_MS);
  };

  const blur = () => {
    focused.current = false;
    if (flush()) return;
    const text = draftRef.current;
    const stored = latest.current.value;
    if (text === stored) return;
    if (text === lastSent() && stored !== text.trim()) return; // our commit is still on its way back
    // An empty required field, or our own commit as the schema trimmed it: show the stored value.
    inFlight.current = [];
    setDraft(stored);
  };

  const keyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !multiline) flush();
    if (event.key === 'Escape') {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      setDraft(latest.current.value);
    }
  };

  const common = {
    id,
    value: draft,
    disabled,
    maxLength,
    placeholder,
    'data-testid': testId,
    onFocus: () => (focused.current = true),
    onBlur: blur,
    onKeyDown: keyDown,
  };
  return (
    <div className="insp-field">
      <label htmlFor={id} className={hideLabel ? 'insp-sr-only' : undefined}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => change(e.target.value)} />
      )}
    </div>
  );
}

export interface Choice<T> {
  value: T;
  label: string;
  hint?: string;
}

interface SegmentedProps<T extends string | number | null> {
  label: string;
  choices: readonly Choice<T>[];
  value: T | undefined;
  onChange(value: T): void;
  testId(value: T): string;
  disabled?: boolean;
  /** Beside the label: what the value rests on (a basis select), or its date. */
  aside?: ReactNode;
}

/**
 * What a choice is announced as: its own word, or for a bare number or dash the field and the
 * hint ("Severity 4, high"), since "4" or "–" alone says nothing out of sight of the label.
 */
function spokenChoice(label: string, choice: Choice<string | number | null>): string | undefined {
  if (/\p{L}/u.test(choice.label)) return undefined;
  return `${label} ${choice.label}${choice.hint ? `, ${choice.hint.toLocaleLowerCase()}` : ''}`;
}

/** A row of toggle buttons; `value` undefined means the selection holds mixed values. */
export function Segmented<T extends string | number | null>({ label, choices, value, onChange, testId, disabled, aside }: SegmentedProps<T>) {
  return (
    <div className="insp-field">
      <span className="insp-label-row">
        <span className="insp-label">{label}</span>
        {aside}
      </span>
      <div className="insp-segmented" role="group" aria-label={label}>
        {choices.map((choice) => (
          <button
            key={String(choice.value)}
            type="button"
            className={choice.value === value ? 'on' : ''}
            aria-pressed={choice.value === value}
            title={choice.hint}
            aria-label={spokenChoice(label, choice)}
            disabled={disabled}
            data-testid={testId(choice.value)}
            onClick={() => choice.value !== value && onChange(choice.value)}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </div>
  );
}

interface PickProps<T extends string> {
  label: string;
  value: T | null | undefined;
  choices: readonly Choice<T>[];
  /** What the empty choice says; without it there is no empty choice. */
  none?: string;
  onChange(value: T | null): void;
  testId: string;
  disabled?: boolean;
  /** Beside the label: what the value rests on (a basis select). */
  aside?: ReactNode;
}

/** A drop-down; `value` undefined means mixed values across the selection. */
export function Pick<T extends string>({ label, value, choices, none, onChange, testId, disabled, aside }: PickProps<T>) {
  const id = useId();
  // Ids never contain ':', so these cannot collide with a real choice.
  const MIXED = ':mixed';
  const NONE = ':none';
  const current = value === undefined ? MIXED : value === null ? NONE : value;
  return (
    <div className="insp-field">
      <span className="insp-label-row">
        <label htmlFor={id}>{label}</label>
        {aside}
      </span>
      <select
        id={id}
        value={current}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => {
          const picked = e.target.value;
          if (picked === MIXED) return;
          onChange(picked === NONE ? null : (picked as T));
        }}
      >
        {value === undefined && <option value={MIXED}>(mixed)</option>}
        {none !== undefined && <option value={NONE}>{none}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Section({ title, children, testId, aside }: { title: string; children: ReactNode; testId?: string; aside?: ReactNode }) {
  return (
    <section className="insp-section" data-testid={testId}>
      <header>
        <h3>{title}</h3>
        {aside}
      </header>
      {children}
    </section>
  );
}
