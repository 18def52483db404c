/**
 * The view controls over the centre pane: canvas / table / matrix, the canvas view mode, and
 * the legend of the mode in force (with the what-if trigger chooser).
 */
import { useEffect, useState } from 'react';
import { CONSENSUS_STATES, type ConsensusState, type ConsensusSummary } from '../../../core/analysis';
import { BASIS_LABELS, BASIS_MEANINGS, type Basis } from '../../../core/model';
import { CENTRE_VIEWS, VIEW_MODES, type CentreView, type ViewMode } from '../state/view';
import '../canvas/basis.css';
import { agreedLabel } from './ConsensusTab';
import { useAnalysisContext } from './hooks';
import { cascadeOf, consensusOf, gapsOf } from './memo';
import {
  ANSWERING_RESPONSE_TONE,
  CASCADE_TONE,
  CHOSEN_TRIGGER_TONE,
  ACCEPTED_GAP_TONE,
  CONSENSUS_LABEL,
  CONSENSUS_TONE,
  COVERED_TONE,
  GAP_TONE,
  RISK_BANDS,
  UNRATED_TONE,
} from './tones';
import './analysis.css';

const CENTRE_LABEL: Record<CentreView, string> = { canvas: 'Canvas', table: 'Table', matrix: 'Matrix' };
const MODE_LABEL: Record<ViewMode, string> = { normal: 'Normal', consensus: 'Consensus', risk: 'Risk', coverage: 'Coverage', 'what-if': 'What-if' };

export function ViewModeSwitcher() {
  const { workbench, view } = useAnalysisContext();
  const { commands, view: viewStore } = workbench;

  useEffect(() => {
    const entries = [
      ...CENTRE_VIEWS.map((centre) => ({ id: `analysis.centre.${centre}` as const, run: () => viewStore.patch({ centre }) })),
      ...VIEW_MODES.map((mode) => ({ id: `analysis.mode.${mode}` as const, run: () => viewStore.patch({ mode, centre: 'canvas' as const }) })),
    ].filter((c) => !commands.has(c.id));
    const unregister = entries.map((c) => commands.register(c));
    return () => unregister.forEach((u) => u());
  }, [commands, viewStore]);

  return (
    <div className="view-switcher" data-testid="view-switcher">
      <div className="segmented" role="group" aria-label="Centre view">
        {CENTRE_VIEWS.map((centre) => (
          <button key={centre} aria-pressed={view.centre === centre} className={view.centre === centre ? 'is-active' : ''} data-testid={`centre-${centre}`} onClick={() => viewStore.patch({ centre })}>
            {CENTRE_LABEL[centre]}
          </button>
        ))}
      </div>
      <div className="segmented" role="group" aria-label="Canvas view mode">
        {VIEW_MODES.map((mode) => (
          <button key={mode} aria-pressed={view.mode === mode} className={view.mode === mode ? 'is-active' : ''} data-testid={`mode-${mode}`} onClick={() => viewStore.patch({ mode, centre: 'canvas' })}>
            {MODE_LABEL[mode]}
          </button>
        ))}
      </div>
    </div>
  );
}

export function ViewLegend() {
  const { doc, view, crisisId } = useAnalysisContext();
  const [collapsed, setCollapsed] = useState(false);
  if ((view.mode === 'normal' && !view.reportOnly) || !doc || !crisisId) return null;
  const title = view.mode === 'normal' ? 'Only what the report states' : `${MODE_LABEL[view.mode]}${view.reportOnly ? ' · report only' : ''}`;
  return (
    <aside className={`view-legend${collapsed ? ' is-collapsed' : ''}`} data-testid="view-legend" data-mode={view.mode} aria-label={`${title} legend`}>
      <h3>
        {title}
        <button className="legend-collapse" aria-expanded={!collapsed} aria-label={collapsed ? 'Show the legend' : 'Hide the legend'} data-testid="legend-collapse" onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? '▴' : '▾'}
        </button>
      </h3>
      {!collapsed && <LegendBody />}
      {!collapsed && <BasisKey reportOnly={view.reportOnly} />}
    </aside>
  );
}

function LegendBody() {
  const { doc, view, crisisId } = useAnalysisContext();
  if (!doc || !crisisId) return null;
  return (
    <>
      {view.mode === 'consensus' && <ConsensusLegend summary={consensusOf(doc, crisisId).summary} />}
      {view.mode === 'risk' && (
        <ul>
          {[...RISK_BANDS].reverse().map((band) => (
            <Swatch key={band.label} tone={band.tone} text={band.label} />
          ))}
          <Swatch tone={UNRATED_TONE} text="Unrated impact" />
          <li className="legend-note">Impacts: effective likelihood × severity. A trigger or crisis made less likely by what leads to it says so.</li>
        </ul>
      )}
      {view.mode === 'coverage' && (
        <ul>
          <Swatch tone={COVERED_TONE} text="Covered, led and aimed" />
          <Swatch tone={GAP_TONE} text={`Has a gap (${new Set(gapsOf(doc, crisisId).gaps.map((g) => g.nodeId)).size} in this crisis)`} flagged />
          <Swatch tone={ACCEPTED_GAP_TONE} text={`Gap accepted or unavertable (${new Set(gapsOf(doc, crisisId).accepted.map((g) => g.nodeId)).size})`} />
        </ul>
      )}
      {view.mode === 'what-if' && (
        <>
          <WhatIfChooser />
          <WhatIfLegend />
        </>
      )}
    </>
  );
}

/** How a value's basis is drawn on the nodes (canvas/basis.css), and what the report-only view leaves out. */
function BasisKey({ reportOnly }: { reportOnly: boolean }) {
  const bases: Basis[] = reportOnly ? ['report', 'inferred'] : ['report', 'inferred', 'assumption', 'planner'];
  return (
    <ul className="basis-key" data-testid="basis-key" aria-label="What values rest on">
      {bases.map((b) => (
        <li key={b} title={BASIS_MEANINGS[b]}>
          <span className={`basis-sample basis-${b}`} aria-hidden="true">
            L3
          </span>
          {BASIS_LABELS[b]}
        </li>
      ))}
      {reportOnly && <li className="legend-note">Values resting on assumption or entered by planners are hidden; elements no quote supports are greyed.</li>}
    </ul>
  );
}

function ConsensusLegend({ summary }: { summary: ConsensusSummary }) {
  const count: Record<ConsensusState, number> = { agreed: summary.agreed, split: summary.split, 'partly-unknown': summary.partlyUnknown, unasked: summary.unasked };
  return (
    <ul>
      {CONSENSUS_STATES.map((state) => (
        <Swatch key={state} tone={CONSENSUS_TONE[state]} text={`${state === 'agreed' ? agreedLabel(summary.coreActorIds.length) : CONSENSUS_LABEL[state]} (${count[state]})`} />
      ))}
    </ul>
  );
}

/**
 * The triggers of the crisis on screen, to choose which fire. It sits in the what-if legend,
 * next to the canvas it changes, rather than in the crowded title bar.
 */
export function WhatIfChooser() {
  const { workbench, doc, view, crisisId } = useAnalysisContext();
  const triggers = doc && crisisId ? doc.nodes.filter((n) => n.crisisId === crisisId && n.kind === 'trigger').sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1)) : [];
  const chosen = new Set(view.whatIf);
  const toggle = (id: string, on: boolean) => workbench.view.patch({ whatIf: on ? [...view.whatIf.filter((t) => t !== id), id] : view.whatIf.filter((t) => t !== id) });
  return (
    <fieldset className="whatif-chooser" data-testid="whatif-chooser">
      <legend>If these triggers fire</legend>
      {triggers.length === 0 && <span className="muted">This crisis has no triggers.</span>}
      {triggers.map((t) => (
        <label key={t.id} title={t.title}>
          <input type="checkbox" checked={chosen.has(t.id)} data-testid={`whatif-${t.id}`} onChange={(e) => toggle(t.id, e.target.checked)} /> <span>{t.title}</span>
        </label>
      ))}
      {view.whatIf.length > 0 && (
        <button data-testid="whatif-clear" onClick={() => workbench.view.patch({ whatIf: [] })}>
          Clear
        </button>
      )}
    </fieldset>
  );
}

function WhatIfLegend() {
  const { doc, view, crisisId } = useAnalysisContext();
  const result = doc && crisisId ? cascadeOf(doc, crisisId, view.whatIf) : null;
  if (!result) return <p className="legend-note">Choose one or more triggers to see what follows from them.</p>;
  const reached = result.reached.length - result.triggerIds.length;
  return (
    <>
      <ul>
        <Swatch tone={CHOSEN_TRIGGER_TONE} text="Chosen trigger" />
        <Swatch tone={CASCADE_TONE} text="Reached" />
        <Swatch tone={GAP_TONE} text="Reached impact nothing contains" flagged />
        <Swatch tone={ANSWERING_RESPONSE_TONE} text="Response that answers a reached element" />
      </ul>
      <p className="legend-note" data-testid="whatif-summary">
        {reached} reached · {result.uncoveredImpactIds.length} uncovered impact{result.uncoveredImpactIds.length === 1 ? '' : 's'} · {result.totalPaths}
        {result.totalPathsCapped ? '+' : ''} complete path{result.totalPaths === 1 ? '' : 's'}
      </p>
    </>
  );
}

function Swatch({ tone, text, flagged }: { tone: string; text: string; flagged?: boolean }) {
  return (
    <li>
      <span className={`swatch${flagged ? ' swatch-flagged' : ''}`} style={{ background: tone }} /> {text}
    </li>
  );
}
