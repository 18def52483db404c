/** The risk ranking of impacts and the 5×5 likelihood × severity matrix of the scope. */
import { riskText, scoreText, type RiskEntry, type RiskMatrix } from '../../../core/analysis';
import { riskOf } from './memo';
import { ROW_LIMIT, type TabProps } from './tab-props';
import { riskTone } from './tones';

const SCORES = [1, 2, 3, 4, 5] as const;

export function RiskTab({ doc, scope, crisisNames, focus }: TabProps) {
  const { ranking, matrix } = riskOf(doc, scope);
  const title = scope === null ? 'the whole file' : (crisisNames.get(scope) ?? 'this crisis');
  if (ranking.length === 0) return <p className="analysis-empty">No impacts in {title} yet: risk is rated on impacts.</p>;
  return (
    <div className="risk-tab">
      <RiskRanking ranking={ranking} crisisNames={scope === null ? crisisNames : null} focus={focus} />
      <div className="risk-matrix-box">
        <h3>Risk matrix: {title}</h3>
        <RiskMatrixGrid matrix={matrix} focus={focus} />
      </div>
    </div>
  );
}

function RiskRanking({ ranking, crisisNames, focus }: { ranking: RiskEntry[]; crisisNames: ReadonlyMap<string, string> | null; focus: TabProps['focus'] }) {
  return (
    <div className="risk-ranking">
      <table className="analysis-table" data-testid="risk-ranking">
        <thead>
          <tr>
            <th>#</th>
            <th>Impact</th>
            {crisisNames && <th>Crisis</th>}
            <th title="Effective likelihood from the triggers and crisis leading to it">L</th>
            <th title="Severity">S</th>
            <th>Risk</th>
          </tr>
        </thead>
        <tbody>
          {ranking.slice(0, ROW_LIMIT).map((entry) => (
            <tr key={entry.nodeId} className="clickable" data-testid="risk-row" data-node-id={entry.nodeId} tabIndex={0} onClick={() => focus([entry.nodeId])} onKeyDown={(e) => e.key === 'Enter' && focus([entry.nodeId])}>
              <td>{entry.rank ?? '–'}</td>
              <td className="row-title">{entry.title}</td>
              {crisisNames && <td className="row-crisis">{crisisNames.get(entry.crisisId)}</td>}
              <td className={entry.likelihood === null ? 'unscored' : undefined}>{scoreText(entry.likelihood)}</td>
              <td className={entry.severity === null ? 'unscored' : undefined}>{scoreText(entry.severity)}</td>
              <td>
                <span className="risk-chip" style={{ background: riskTone(entry.risk) }}>
                  {riskText(entry.risk)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ranking.length > ROW_LIMIT && <p className="muted">and {ranking.length - ROW_LIMIT} more</p>}
    </div>
  );
}

/** Likelihood 5 on top, severity 1 on the left, as planners draw it; a cell focuses its impacts. */
export function RiskMatrixGrid({ matrix, focus }: { matrix: RiskMatrix; focus: TabProps['focus'] }) {
  return (
    <div className="risk-matrix-wrap">
      <table className="risk-matrix" data-testid="risk-matrix">
        <tbody>
          {[...SCORES].reverse().map((likelihood) => (
            <tr key={likelihood}>
              <th scope="row">{likelihood}</th>
              {SCORES.map((severity) => {
                const ids = matrix.cells[likelihood - 1]![severity - 1]!;
                return (
                  <td key={severity} style={{ background: riskTone(likelihood * severity) }}>
                    <button
                      disabled={ids.length === 0}
                      data-testid={`risk-cell-${likelihood}-${severity}`}
                      aria-label={`Likelihood ${likelihood}, severity ${severity}: ${ids.length} impact${ids.length === 1 ? '' : 's'}`}
                      onClick={() => focus(ids)}
                    >
                      {ids.length || ''}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th />
            {SCORES.map((s) => (
              <th key={s} scope="col">
                {s}
              </th>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="risk-axes muted">Rows: likelihood · columns: severity{matrix.unrated.length > 0 && ` · ${matrix.unrated.length} unrated (likelihood or severity unscored)`}</p>
    </div>
  );
}
