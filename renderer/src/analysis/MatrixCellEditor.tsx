/**
 * The selected cell of the consensus matrix, spelled out: whose position on which element, the
 * four positions as buttons (the deliberate way to change it with the mouse) and the stance's
 * note. Nothing here changes unless the user presses a position or types a note.
 */
import type { KeyboardEvent } from 'react';
import { LIMITS, STANCE_DEFAULTS, STANCE_MEANINGS, type NodeKind, type Position, type Provenance, type Stance } from '../../../core/model';
import type { StanceChange } from '../../../core/ops';
import { BasisSelect, DateField, HolderSelect, QuoteSelect } from '../inspector/basis';
import { InlineText } from '../shell/InlineText';
import { POSITION_KEYS } from './matrix-keys';

export interface SelectedCell {
  elementId: string;
  elementTitle: string;
  kind: NodeKind;
  actorId: string;
  actorName: string;
  position: Position;
  note: string;
  /** The stored stance, null when the actor has none. */
  stance: Stance | null;
  /** The quotes on the element, which the stance may cite. */
  quotes: readonly Provenance[];
}

interface Props {
  cell: SelectedCell | null;
  readOnly: boolean;
  setPosition: (position: Position) => void;
  setNote: (note: string, mark: string) => void;
  /** Change who holds the stance, its date, basis or cited quote (everything else is kept). */
  changeStance: (change: StanceChange) => void;
  /** Back to the grid, after Enter or Escape in the note. */
  returnToGrid: () => void;
}

export function MatrixCellEditor({ cell, readOnly, setPosition, setNote, changeStance, returnToGrid }: Props) {
  if (!cell) return <div className="matrix-cell-editor muted" data-testid="matrix-cell-editor">Select a cell to see and change a position.</div>;
  const held = cell.stance !== null && cell.position !== 'unknown';
  const qualifiers = held && cell.stance ? cell.stance : STANCE_DEFAULTS;
  const backOnEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === 'Escape') returnToGrid();
  };
  return (
    <div className="matrix-cell-editor" data-testid="matrix-cell-editor" role="group" aria-label={`${cell.actorName} on ${cell.elementTitle}`}>
      <span className="matrix-cell-subject">
        <strong>{cell.actorName}</strong> on <span className={`kind-word kind-word-${cell.kind}`}>{cell.kind}</span> <q>{cell.elementTitle}</q>
      </span>
      <span className="matrix-cell-positions" role="group" aria-label="Position">
        {POSITION_KEYS.map(({ position, label, shown }) => (
          <button
            key={position}
            type="button"
            className={`matrix-set position-${position}${cell.position === position ? ' on' : ''}`}
            aria-pressed={cell.position === position}
            aria-keyshortcuts={shown}
            disabled={readOnly}
            data-testid={`matrix-set-${position}`}
            onClick={() => cell.position !== position && setPosition(position)}
          >
            {label}
          </button>
        ))}
      </span>
      <span className="matrix-cell-meaning" data-testid="matrix-meaning">
        {STANCE_MEANINGS[cell.kind].question} Agree: {STANCE_MEANINGS[cell.kind].agree}.
      </span>
      {/* Always laid out, hidden while there is no position to qualify, so setting one does not
          grow the bar and shift the grid under the pointer. */}
      <span className={`matrix-cell-basis${held ? '' : ' is-unset'}`} role="group" aria-label="What the position rests on" aria-hidden={held ? undefined : true}>
        <HolderSelect of={`${cell.actorName}'s position`} value={qualifiers.holder} disabled={readOnly || !held} testId="matrix-holder" onChange={(holder) => changeStance({ holder })} />
        <DateField label={`${cell.actorName}'s position as of`} value={qualifiers.asOf} disabled={readOnly || !held} testId="matrix-as-of" onChange={(asOf) => changeStance({ asOf })} />
        <BasisSelect of={`${cell.actorName}'s position`} value={qualifiers.basis} disabled={readOnly || !held} testId="matrix-basis" onChange={(basis) => changeStance({ basis })} />
        <QuoteSelect of={`${cell.actorName}'s position`} quotes={cell.quotes} value={qualifiers.provenanceId} disabled={readOnly || !held} testId="matrix-quote" onChange={(provenanceId) => changeStance({ provenanceId })} />
      </span>
      <span className="matrix-cell-note" onKeyDown={backOnEnter}>
        <InlineText
          key={`${cell.elementId}:${cell.actorId}`}
          value={cell.note}
          maxLength={LIMITS.description}
          disabled={readOnly}
          placeholder="Note: why, who said so, when"
          label={`Note on ${cell.actorName}'s position on ${cell.elementTitle}`}
          testId="matrix-note"
          mark={`stance-note:${cell.actorId}:${cell.elementId}`}
          onCommit={setNote}
        />
      </span>
    </div>
  );
}
