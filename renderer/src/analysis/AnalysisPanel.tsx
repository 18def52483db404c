/**
 * The analysis panel under the canvas: gaps, risk, consensus and responsibilities for the
 * crisis on screen or the whole file. Every row that names an element focuses it on the canvas.
 */
import { useState } from 'react';
import { ANALYSIS_TABS, type AnalysisTab } from '../state/view';
import { crisisTitles, useAnalysisContext } from './hooks';
import { ConsensusTab } from './ConsensusTab';
import { GapsTab } from './GapsTab';
import { ResponsibilitiesTab } from './ResponsibilitiesTab';
import { RiskTab } from './RiskTab';
import type { TabProps } from './tab-props';
import './analysis.css';

const TAB_LABEL: Record<AnalysisTab, string> = {
  gaps: 'Gaps',
  risk: 'Risk',
  consensus: 'Consensus',
  responsibilities: 'Responsibilities',
};

export function AnalysisPanel() {
  const { workbench, doc, view, crisisId } = useAnalysisContext();
  const [wholeFile, setWholeFile] = useState(false);
  if (!doc) return null;
  const scope = wholeFile || crisisId === null ? null : crisisId;
  const props: TabProps = {
    doc,
    scope,
    crisisNames: crisisTitles(doc),
    focus: (ids) => workbench.focusNodes(ids),
  };
  const scopeName = scope === null ? 'the whole file' : (props.crisisNames.get(scope) ?? 'this crisis');

  return (
    <section className="analysis-panel" data-testid="analysis-panel" aria-label="Analysis">
      <header className="analysis-header">
        <div role="tablist" className="analysis-tabs">
          {ANALYSIS_TABS.map((tab) => (
            <button
              key={tab}
              role="tab"
              aria-selected={view.analysisTab === tab}
              className={view.analysisTab === tab ? 'is-active' : ''}
              data-testid={`analysis-tab-${tab}`}
              onClick={() => workbench.view.patch({ analysisTab: tab })}
            >
              {TAB_LABEL[tab]}
            </button>
          ))}
        </div>
        <span className="analysis-scope-name" title={`Showing ${scopeName}`}>
          Showing {scopeName}
        </span>
        <label className="analysis-scope">
          <input type="checkbox" checked={scope === null} disabled={crisisId === null} data-testid="analysis-scope-file" onChange={(e) => setWholeFile(e.target.checked)} />
          Whole file
        </label>
        <button className="analysis-close" aria-label="Close the analysis panel" data-testid="analysis-close" onClick={() => workbench.view.patch({ showAnalysis: false })}>
          ×
        </button>
      </header>
      <div className="analysis-body" role="tabpanel" data-testid={`analysis-body-${view.analysisTab}`}>
        {view.analysisTab === 'gaps' && <GapsTab {...props} />}
        {view.analysisTab === 'risk' && <RiskTab {...props} />}
        {view.analysisTab === 'consensus' && <ConsensusTab {...props} />}
        {view.analysisTab === 'responsibilities' && <ResponsibilitiesTab {...props} />}
      </div>
    </section>
  );
}
