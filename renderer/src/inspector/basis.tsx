/**
 * The small controls that say what a value rests on, set where the value is set: a basis select
 * beside a judged field, a holder select on a stance, and an ISO date field ("as of"). Editing a
 * value already makes it `planner` (core/model/settle.ts); these change that in one pick.
 */
import { useId } from 'react';
import { BASES, BASIS_LABELS, BASIS_MEANINGS, HOLDER_LABELS, RELATION_LABELS, STANCE_HOLDERS, isIsoDate, type Basis, type Provenance, type StanceHolder } from '../../../core/model';

interface BasisSelectProps {
  /** What the basis is of, for screen readers: "likelihood". */
  of: string;
  value: Basis | undefined;
  onChange(basis: Basis): void;
  testId: string;
  disabled?: boolean;
  /** Shown as a warning when the basis claims a source the element does not have. */
  unsupported?: boolean;
}

export function BasisSelect({ of, value, onChange, testId, disabled, unsupported }: BasisSelectProps) {
  const shown = value ?? 'planner';
  return (
    <span className="insp-basis-wrap">
      <select
        className={`insp-basis basis-${shown}${unsupported ? ' basis-unsupported' : ''}`}
        aria-label={`Basis of ${of}`}
        title={`${BASIS_LABELS[shown]}: ${BASIS_MEANINGS[shown]}${unsupported ? ', but no quote on this element supports it' : ''}`}
        value={shown}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value as Basis)}
      >
        {BASES.map((b) => (
          <option key={b} value={b} title={BASIS_MEANINGS[b]}>
            {b}
          </option>
        ))}
      </select>
      {unsupported && (
        <span className="insp-basis-warning" role="note">
          no supporting quote
        </span>
      )}
    </span>
  );
}

export function HolderSelect({ of, value, onChange, testId, disabled }: { of: string; value: StanceHolder; onChange(holder: StanceHolder): void; testId: string; disabled?: boolean }) {
  return (
    <select className={`insp-holder holder-${value}`} aria-label={`Who holds ${of}`} value={value} disabled={disabled} data-testid={testId} onChange={(e) => onChange(e.target.value as StanceHolder)}>
      {STANCE_HOLDERS.map((h) => (
        <option key={h} value={h}>
          {HOLDER_LABELS[h]}
        </option>
      ))}
    </select>
  );
}

interface DateFieldProps {
  label: string;
  value: string | null;
  onChange(date: string | null): void;
  testId: string;
  disabled?: boolean;
  /** Show the label on screen (otherwise for screen readers only, with "as of" beside it). */
  visibleLabel?: boolean;
}

/** A calendar date, YYYY-MM-DD or none; the browser's date input only reports complete, real dates. */
export function DateField({ label, value, onChange, testId, disabled, visibleLabel }: DateFieldProps) {
  const id = useId();
  return (
    <span className="insp-date">
      <label htmlFor={id} className={visibleLabel ? 'insp-date-label' : 'insp-sr-only'}>
        {label}
      </label>
      {!visibleLabel && (
        <span className="insp-date-prefix" aria-hidden="true">
          as of
        </span>
      )}
      <input
        id={id}
        type="date"
        value={value ?? ''}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => {
          const next = e.target.value;
          if (next === '') onChange(null);
          else if (isIsoDate(next) && next !== value) onChange(next);
        }}
      />
    </span>
  );
}

/** Today as YYYY-MM-DD in the planner's own calendar: the default date of a status they set now. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface QuoteSelectProps {
  /** Whose claim cites the quote, for screen readers. */
  of: string;
  quotes: readonly Provenance[];
  value: string | null;
  onChange(provenanceId: string | null): void;
  testId: string;
  disabled?: boolean;
}

/** Which of the element's quotes a stance cites; each option starts with the quote itself. */
export function QuoteSelect({ of, quotes, value, onChange, testId, disabled }: QuoteSelectProps) {
  if (quotes.length === 0) return null;
  return (
    <select className="insp-cite" aria-label={`Quote ${of} cites`} value={value ?? ''} disabled={disabled} data-testid={testId} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
      <option value="">No quote cited</option>
      {quotes.map((q) => (
        <option key={q.id} value={q.id}>
          {q.relation === 'supports' ? '' : `(${RELATION_LABELS[q.relation]}) `}“{q.quote.length > 50 ? `${q.quote.slice(0, 49)}…` : q.quote}”
        </option>
      ))}
    </select>
  );
}
