/**
 * Where each actor stands on the node, what agreeing means for this kind of node, and for each
 * known position who holds it (official, participant, analyst), as of when, on what basis and
 * citing which quote. The core actors come first; the others are folded, so a report element with
 * a dozen actors stays short and its quotes and sources are in reach.
 */
import { POSITIONS, LIMITS, STANCE_MEANINGS, type Actor, type NodeKind, type Position, type Provenance, type Stance } from '../../../core/model';
import { editStanceOp, type StanceChange } from '../../../core/ops';
import { BasisSelect, DateField, HolderSelect, QuoteSelect } from './basis';
import { byOrder } from './choices';
import { typingMark, useEdit } from './field-edits';
import { Section, TextField } from './fields';

const POSITION_LABELS: Record<Position, string> = { agree: 'Agree', disagree: 'Disagree', uncertain: 'Uncertain', unknown: 'Unknown' };

interface StancesProps {
  nodeId: string;
  kind: NodeKind;
  actors: readonly Actor[];
  coreActorIds: readonly string[];
  stances: readonly Stance[];
  quotes: readonly Provenance[];
  readOnly: boolean;
}

export function Stances({ nodeId, kind, actors, coreActorIds, stances, quotes, readOnly }: StancesProps) {
  const byActor = new Map(stances.map((s) => [s.actorId, s]));
  const core = new Set(coreActorIds);
  const ordered = byOrder(actors);
  const coreActors = ordered.filter((a) => core.has(a.id));
  // With no core actors set, every actor is shown: there is nothing to put first.
  const first = coreActors.length > 0 ? coreActors : ordered;
  const rest = coreActors.length > 0 ? ordered.filter((a) => !core.has(a.id)) : [];
  const restWithStance = rest.filter((a) => byActor.has(a.id));
  const meaning = STANCE_MEANINGS[kind];
  const row = (actor: Actor) => <StanceRow key={actor.id} nodeId={nodeId} actor={actor} stance={byActor.get(actor.id)} quotes={quotes} readOnly={readOnly} />;

  return (
    <Section title="Actor stances" testId="inspector-stances">
      <p className="insp-meaning" data-testid="stance-meaning">
        <strong>{meaning.question}</strong> Agree: {meaning.agree}. Disagree: {meaning.disagree}.
      </p>
      {actors.length === 0 && <p className="muted insp-empty">Add actors in the sidebar to record their stances.</p>}
      {first.map(row)}
      {rest.length > 0 && (
        <details className="insp-more-actors" data-testid="stances-other-actors">
          <summary>
            Other actors ({rest.length}
            {restWithStance.length > 0 ? `; stances from ${restWithStance.map((a) => a.code).join(', ')}` : ''})
          </summary>
          {rest.map(row)}
        </details>
      )}
    </Section>
  );
}

interface StanceRowProps {
  nodeId: string;
  actor: Actor;
  stance: Stance | undefined;
  quotes: readonly Provenance[];
  readOnly: boolean;
}

function StanceRow({ nodeId, actor, stance, quotes, readOnly }: StanceRowProps) {
  const edit = useEdit();
  const position = stance?.position ?? 'unknown';
  const change = (patch: StanceChange, mark: string | null = null) => edit([editStanceOp(actor.id, nodeId, stance, patch)], mark);
  const cited = stance?.provenanceId ?? null;
  return (
    <div className="insp-stance" data-testid={`stance-row-${actor.id}`} data-holder={stance?.holder ?? ''}>
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
              aria-label={`${POSITION_LABELS[p]} (${actor.name})`}
              disabled={readOnly}
              data-testid={`stance-${actor.id}-${p}`}
              onClick={() => p !== position && void change({ position: p })}
            >
              {POSITION_LABELS[p]}
            </button>
          ))}
        </div>
      </div>
      {stance && stance.position !== 'unknown' && (
        <div className="insp-stance-basis" role="group" aria-label={`What ${actor.name}'s stance rests on`}>
          <HolderSelect of={`${actor.name}'s stance`} value={stance.holder} disabled={readOnly} testId={`stance-holder-${actor.id}`} onChange={(holder) => void change({ holder })} />
          <DateField label={`${actor.name}'s stance as of`} value={stance.asOf} disabled={readOnly} testId={`stance-as-of-${actor.id}`} onChange={(asOf) => void change({ asOf })} />
          <BasisSelect of={`${actor.name}'s stance`} value={stance.basis} disabled={readOnly} testId={`stance-basis-${actor.id}`} unsupported={(stance.basis === 'report' || stance.basis === 'inferred') && cited === null} onChange={(basis) => void change({ basis })} />
          <QuoteSelect of={`${actor.name}'s stance`} quotes={quotes} value={cited} disabled={readOnly} testId={`stance-quote-${actor.id}`} onChange={(provenanceId) => void change({ provenanceId })} />
        </div>
      )}
      <TextField
        label={`Note on ${actor.name}'s stance`}
        hideLabel
        value={stance?.note ?? ''}
        maxLength={LIMITS.description}
        disabled={readOnly}
        placeholder={`Note on ${actor.name}'s stance`}
        testId={`stance-note-${actor.id}`}
        onCommit={(note) => change({ note }, typingMark(`stance-note-${actor.id}`, nodeId))}
      />
    </div>
  );
}
