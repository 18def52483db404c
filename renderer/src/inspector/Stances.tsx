/** Where each actor stands on the node: a position and a note for every actor, set with `stance.set`. */
import { POSITIONS, LIMITS, type Actor, type Position, type Stance } from '../../../core/model';
import { byOrder } from './choices';
import { typingMark, useEdit } from './edit';
import { Section, TextField } from './fields';

const POSITION_LABELS: Record<Position, string> = { agree: 'Agree', disagree: 'Disagree', uncertain: 'Uncertain', unknown: 'Unknown' };

interface StancesProps {
  nodeId: string;
  actors: readonly Actor[];
  stances: readonly Stance[];
  readOnly: boolean;
}

export function Stances({ nodeId, actors, stances, readOnly }: StancesProps) {
  const edit = useEdit();
  const byActor = new Map(stances.map((s) => [s.actorId, s]));
  const set = (actorId: string, position: Position, note: string, mark: string | null) =>
    edit([{ op: 'stance.set', actorId, elementId: nodeId, position, note }], mark);

  return (
    <Section title="Actor stances" testId="inspector-stances">
      {actors.length === 0 && <p className="muted insp-empty">Add actors in the sidebar to record their stances.</p>}
      {byOrder(actors).map((actor) => {
        const stance = byActor.get(actor.id);
        const position = stance?.position ?? 'unknown';
        const note = stance?.note ?? '';
        return (
          <div key={actor.id} className="insp-stance" data-testid={`stance-row-${actor.id}`}>
            <div className="insp-stance-head">
              <span className="insp-swatch" style={{ background: actor.color }} />
              <span className="insp-stance-actor" title={actor.name}>
                {actor.code}
              </span>
              <div className="insp-segmented insp-positions" role="group" aria-label={`${actor.name} stance`}>
                {POSITIONS.map((p) => (
                  <button
                    key={p}
                    type="button"
                    className={`pos-${p}${p === position ? ' on' : ''}`}
                    aria-pressed={p === position}
                    disabled={readOnly}
                    data-testid={`stance-${actor.id}-${p}`}
                    onClick={() => p !== position && void set(actor.id, p, note, null)}
                  >
                    {POSITION_LABELS[p]}
                  </button>
                ))}
              </div>
            </div>
            <TextField
              label={`Note on ${actor.name}'s stance`}
              hideLabel
              value={note}
              maxLength={LIMITS.description}
              disabled={readOnly}
              placeholder={`Note on ${actor.name}'s stance`}
              testId={`stance-note-${actor.id}`}
              // The position is read when the note commits, so a click in between is kept.
              onCommit={(text) => set(actor.id, byActor.get(actor.id)?.position ?? 'unknown', text, typingMark(`stance-note-${actor.id}`, nodeId))}
            />
          </div>
        );
      })}
    </Section>
  );
}
