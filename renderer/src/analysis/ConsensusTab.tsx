/**
 * Consensus: the summary the report asks for ("agreed by all four", "contested", "nobody has
 * asked") and every element's state with each actor's position. A summary count filters the list.
 */
import { useState } from 'react';
import { CONSENSUS_STATES, type ConsensusState } from '../../../core/analysis';
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
      {coreCount === 0 && <p className="muted">No core actors are set for this file, so nothing can be agreed.</p>}
      <table className="analysis-table consensus-list">
        <thead>
          <tr>
            <th>Element</th>
            {scope === null && <th>Crisis</th>}
            <th>State</th>
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
                <span className={`kind-dot kind-dot-${element.kind}`} aria-label={element.kind} /> {element.title}
              </td>
              {scope === null && <td className="row-crisis">{crisisNames.get(element.crisisId)}</td>}
              <td>
                <span className="state-chip" style={{ borderColor: CONSENSUS_TONE[element.state] }}>
                  {element.state === 'agreed' ? 'agreed' : CONSENSUS_LABEL[element.state].toLocaleLowerCase()}
                </span>
                {element.disagreeing.length > 0 && <span className="muted"> ({element.disagreeing.map((id) => actors.get(id)?.code ?? id).join(', ')} disagree)</span>}
              </td>
              {element.positions.map((position, i) => (
                <td key={analysis.actorIds[i]} className={`position position-${position}`} title={position}>
                  {POSITION_SYMBOL[position]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > ROW_LIMIT && <p className="muted">and {shown.length - ROW_LIMIT} more; the consensus matrix lists them all</p>}
    </div>
  );
}

/** "Agreed by all four" is the report's phrase for the default four governments. */
export function agreedLabel(coreCount: number): string {
  const words = ['', 'one', 'two', 'three', 'four', 'five', 'six'];
  if (coreCount === 1) return 'Agreed by the core actor';
  return `Agreed by all ${words[coreCount] ?? coreCount}${coreCount === 4 ? '' : ' core actors'}`;
}
