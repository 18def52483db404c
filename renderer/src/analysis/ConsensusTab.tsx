/**
 * Consensus: the summary the report asks for ("agreed by all four", "contested", "nobody has
 * asked"), what the agreements rest on (official positions, participant views, analyst
 * estimates), and every element's state with each actor's position. A summary count filters the list.
 */
import { useState } from 'react';
import { agreedSummaryText, allCoreActors, consensusDetail, consensusText, CONSENSUS_STATES, type ConsensusState } from '../../../core/analysis';
import { HOLDER_LABELS, type Position, type StanceHolder } from '../../../core/model';
import { consensusOf } from './memo';
import { ROW_LIMIT, type TabProps } from './tab-props';
import { CONSENSUS_LABEL, CONSENSUS_TONE, POSITION_SYMBOL } from './tones';

export function ConsensusTab({ doc, scope, crisisNames, focus }: TabProps) {
  const analysis = consensusOf(doc, scope);
  const [only, setOnly] = useState<ConsensusState | null>(null);
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const { summary } = analysis;
  const coreCount = summary.coreActorIds.length;
  const counts: Record<ConsensusState, number> = { agreed: summary.agreed, split: summary.split, 'partly-unknown': summary.partlyUnknown, unasked: summary.unasked };
  const label = (state: ConsensusState) => (state === 'agreed' ? agreedLabel(coreCount) : CONSENSUS_LABEL[state]);
  const shown = only === null ? analysis.elements : analysis.elements.filter((e) => e.state === only);
  const nameOf = (id: string): string => actors.get(id)?.code ?? id;
  const coreIndex = new Map(summary.coreActorIds.map((id, k) => [id, k]));

  return (
    <div className="consensus-tab">
      <div className="consensus-summary" role="group" aria-label="Consensus summary">
        {CONSENSUS_STATES.map((state) => (
          <button
            key={state}
            className={`summary-chip${only === state ? ' is-active' : ''}`}
            aria-pressed={only === state}
            data-testid={`consensus-summary-${state}`}
            data-count={counts[state]}
            onClick={() => setOnly(only === state ? null : state)}
          >
            <span className="swatch" style={{ background: CONSENSUS_TONE[state] }} />
            <strong>{counts[state]}</strong> {label(state).toLocaleLowerCase()}
          </button>
        ))}
        <span className="muted">of {summary.total} elements</span>
      </div>
      {summary.agreed > 0 && (
        <p className="consensus-rests-on" data-testid="consensus-agreed-by">
          {agreedSummaryText(summary)}
        </p>
      )}
      {coreCount === 0 && <p className="muted">No core actors are set for this file, so nothing can be agreed.</p>}
      <table className="analysis-table consensus-list">
        <thead>
          <tr>
            <th>Element</th>
            {scope === null && <th>Crisis</th>}
            <th>State, and what it rests on</th>
            {analysis.actorIds.map((id) => (
              <th key={id} title={actors.get(id)?.name} className={summary.coreActorIds.includes(id) ? 'core-actor' : ''}>
                {actors.get(id)?.code ?? id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, ROW_LIMIT).map((element) => (
            <tr key={element.nodeId} className="clickable" data-testid="consensus-row" data-node-id={element.nodeId} data-state={element.state} tabIndex={0} onClick={() => focus([element.nodeId])} onKeyDown={(e) => e.key === 'Enter' && focus([element.nodeId])}>
              <td className="row-title">
                <span className={`kind-dot kind-dot-${element.kind}`} role="img" aria-label={element.kind} /> {element.title}
              </td>
              {scope === null && <td className="row-crisis">{crisisNames.get(element.crisisId)}</td>}
              <td className="consensus-state-cell">
                <span className="state-chip" style={{ borderColor: CONSENSUS_TONE[element.state] }}>
                  {element.state === 'agreed' ? 'agreed' : CONSENSUS_LABEL[element.state].toLocaleLowerCase()}
                </span>{' '}
                <span className="consensus-text" data-testid="consensus-text" title={consensusText(element, summary.coreActorIds, nameOf)}>
                  {consensusDetail(element, summary.coreActorIds, nameOf)}
                </span>
              </td>
              {element.positions.map((position, i) => {
                const actorId = analysis.actorIds[i]!;
                const k = coreIndex.get(actorId);
                const holder = k === undefined ? null : element.holders.core[k]!;
                return (
                  <td key={actorId} className={`position position-${position}${holder ? ` holder-${holder}` : ''}`} title={positionTitle(actors.get(actorId)?.name ?? actorId, position, holder)}>
                    {POSITION_SYMBOL[position]}
                    {holder && <sup className="holder-mark">{HOLDER_MARK[holder]}</sup>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > ROW_LIMIT && <p className="muted">and {shown.length - ROW_LIMIT} more; the consensus matrix lists them all</p>}
      <p className="muted holder-key">
        Marks beside a core actor's position: <sup className="holder-mark">{HOLDER_MARK.official}</sup> official position, <sup className="holder-mark">{HOLDER_MARK.participant}</sup> participant view,{' '}
        <sup className="holder-mark">{HOLDER_MARK.analyst}</sup> analyst estimate.
      </p>
    </div>
  );
}

/** One letter per holder beside a position, so a row shows whose view it is without opening it. */
export const HOLDER_MARK: Record<StanceHolder, string> = { official: 'O', participant: 'P', analyst: 'E' };

function positionTitle(actor: string, position: Position, holder: StanceHolder | null): string {
  return holder ? `${actor}: ${position} (${HOLDER_LABELS[holder]})` : `${actor}: ${position}`;
}

/** "Agreed by all four" is the report's phrase for the default four governments. */
export function agreedLabel(coreCount: number): string {
  const text = `agreed by ${allCoreActors(coreCount)}`;
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
