/**
 * The selected cell of the consensus matrix, spelled out: whose position on which element, the
 * four positions as buttons (the deliberate way to change it with the mouse) and the stance's
 * note. Nothing here changes unless the user presses a position or types a note.
 */
import type { KeyboardEvent } from 'react';
import { LIMITS, type NodeKind, type Position } from '../../../core/model';
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
}

interface Props {
  cell: SelectedCell | null;
  readOnly: boolean;
  setPosition: (position: Position) => void;
  setNote: (note: string, mark: string) => void;
  /** Back to the grid, after Enter or Escape in the note. */
  returnToGrid: () => void;
}

export function MatrixCellEditor({ cell, readOnly, setPosition, setNote, returnToGrid }: Props) {
  if (!cell) return <div className="matrix-cell-editor muted" data-testid="matrix-cell-editor">Select a cell to see and change a position.</div>;
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
