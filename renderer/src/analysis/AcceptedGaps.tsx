/**
 * Gaps the planners have accepted, listed apart from the open ones with their reason: a trigger
 * no response can avert (a typhoon), or any gap accepted with a reason. Not hidden, not counted
 * as open, and one click reopens each.
 */
import type { AcceptedGap } from '../../../core/analysis';
import type { Scope } from './memo';
import { ROW_LIMIT } from './tab-props';
import { GAP_LABEL } from './tones';

interface AcceptedGapsProps {
  accepted: readonly AcceptedGap[];
  scope: Scope;
  crisisNames: ReadonlyMap<string, string>;
  focus(ids: readonly string[]): void;
  onReopen(gap: AcceptedGap): void;
}

export function AcceptedGaps({ accepted, scope, crisisNames, focus, onReopen }: AcceptedGapsProps) {
  if (accepted.length === 0) return null;
  return (
    <section className="gap-group accepted-gaps" data-testid="accepted-gaps" aria-label="Accepted gaps">
      <h3>Accepted gaps ({accepted.length}, not counted above)</h3>
      <ul className="analysis-rows">
        {accepted.slice(0, ROW_LIMIT).map((gap) => (
          <li key={`${gap.kind}:${gap.nodeId}`} className="analysis-row">
            <button className="row-main" data-testid="accepted-gap-row" data-gap-kind={gap.kind} data-node-id={gap.nodeId} data-because={gap.because} onClick={() => focus([gap.nodeId])}>
              <span className="row-title">{gap.title}</span>
              <span className="row-crisis">{GAP_LABEL[gap.kind].toLocaleLowerCase()}</span>
              {scope === null && <span className="row-crisis">{crisisNames.get(gap.crisisId)}</span>}
              <span className="accepted-reason">{gap.because === 'unavertable' ? `Unavertable: ${gap.reason}` : `Accepted: ${gap.reason}`}</span>
            </button>
            <button className="row-fix" data-testid={`gap-reopen-${gap.nodeId}`} aria-label={`Reopen: ${gap.title}`} title={gap.because === 'unavertable' ? 'Say a response could avert this trigger after all' : 'Withdraw the acceptance: the gap is open again'} onClick={() => onReopen(gap)}>
              Reopen
            </button>
          </li>
        ))}
      </ul>
      {accepted.length > ROW_LIMIT && <p className="muted">and {accepted.length - ROW_LIMIT} more</p>}
    </section>
  );
}
