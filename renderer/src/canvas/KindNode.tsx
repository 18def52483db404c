/**
 * A graph node drawn by kind: icon, title, score badge, the lead actor on responses and a strip
 * of stances. Text is always rendered as text. Double-click (or Enter) edits the title in place.
 * Each value shows what it rests on (solid border: stated in the report; dashed: inferred from
 * it; dotted: assumption; none: a planner's entry), and the report-only view hides what the
 * report does not state and greys elements no quote supports.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import { BASIS_LABELS, BASIS_MEANINGS, HOLDER_LABELS, type Basis } from '../../../core/model';
import { useObservableSelector } from '../state/store';
import { useWorkbench } from '../workspace-context';
import { ANCHORS, isSourced, type FlowNode } from './flow-model';
import './basis.css';

const STANCE_MARK = { agree: '✓', disagree: '✕', uncertain: '?', unknown: '·' } as const;

function KindNodeView({ data, selected }: NodeProps<FlowNode>) {
  const { node, lead, stances, decoration, matches, reportOnly, supported } = data;
  const scoreField = node.kind === 'impact' ? 'severity' : 'likelihood';
  const score = node[scoreField];
  const scoreLabel = node.kind === 'impact' ? 'Severity' : 'Likelihood';
  // In the report-only view a value shows only when it rests on a cited source.
  const shows = (basis: Basis | undefined) => !reportOnly || isSourced(basis);
  const unsourced = reportOnly && !supported;
  const shownStances = reportOnly ? stances.filter((s) => isSourced(s.basis)) : stances;
  const showsLead = node.kind === 'response' && shows(node.basis.leadActorId);
  const faded = decoration?.dimmed || !matches || unsourced;
  return (
    <div
      className={`kind-node kind-${node.kind}${selected ? ' is-selected' : ''}${decoration?.flagged ? ' is-flagged' : ''}${unsourced ? ' is-unsourced' : ''}`}
      data-testid="graph-node"
      data-node-id={node.id}
      data-kind={node.kind}
      data-tone={decoration?.tone ?? ''}
      data-dimmed={faded ? 'true' : 'false'}
      data-flagged={decoration?.flagged ? 'true' : 'false'}
      data-unsourced={unsourced ? 'true' : 'false'}
      style={{
        opacity: faded ? 0.28 : 1,
        ...(decoration?.tone ? { background: decoration.tone } : {}),
      }}
    >
      <Handle type="target" position={Position.Left} className="kind-handle" />
      <div className="kind-head">
        {/* The kind's icon is the label's ::before, drawn from KIND_ICON_VARIABLES. */}
        <span className="kind-label">{node.kind}</span>
        {score !== null && node.kind !== 'response' && shows(node.basis[scoreField]) && (
          <span
            className={`score-badge score-${score} ${basisClass(node.basis[scoreField])}`}
            data-testid="score-badge"
            data-basis={node.basis[scoreField] ?? 'planner'}
            title={`${scoreLabel} ${score} of 5; ${basisTitle(node.basis[scoreField])}`}
          >
            {node.kind === 'impact' ? 'S' : 'L'}
            {score}
          </span>
        )}
        {node.kind === 'response' && node.responseStatus && shows(node.basis.responseStatus) && (
          <span
            className={`status-badge status-${node.responseStatus} ${basisClass(node.basis.responseStatus)}`}
            data-basis={node.basis.responseStatus ?? 'planner'}
            title={`Status: ${node.responseStatus}${node.statusAsOf ? ` as of ${node.statusAsOf}` : ''}; ${basisTitle(node.basis.responseStatus)}`}
          >
            {node.responseStatus}
          </span>
        )}
        {decoration?.badge && <span className="decoration-badge">{decoration.badge}</span>}
      </div>
      <NodeTitle nodeId={node.id} title={node.title} />
      {/* The foot only when it holds something: one element fewer on most nodes of a big crisis. */}
      {(showsLead || shownStances.length > 0) && (
        <div className="kind-foot">
          {showsLead &&
            (lead ? (
              // The actor's colour (the planner's choice, of any lightness) marks the chip; the code is in ink, readable on any.
              <span className={`lead-chip ${basisClass(node.basis.leadActorId)}`} style={{ borderColor: lead.color }} title={`Lead: ${lead.name}; ${basisTitle(node.basis.leadActorId)}`}>
                <span className="lead-dot" style={{ background: lead.color }} aria-hidden="true" />
                {lead.code}
              </span>
            ) : (
              <span className="lead-chip lead-missing" title="No lead actor">
                no lead
              </span>
            ))}
          {shownStances.length > 0 && (
            <span className="stance-strip" aria-label="Stances">
              {shownStances.map((s) => (
                <span
                  key={s.code}
                  className={`stance-chip stance-${s.position}${s.holder ? ` holder-${s.holder}` : ''}`}
                  title={`${s.code}: ${s.position}${s.holder ? ` (${HOLDER_LABELS[s.holder]}; ${BASIS_LABELS[s.basis ?? 'planner']})` : ''}`}
                >
                  {s.code}
                  {STANCE_MARK[s.position]}
                </span>
              ))}
            </span>
          )}
        </div>
      )}
      <Handle type="source" position={Position.Right} className="kind-handle" />
      {/* The routes' anchors, not for connecting: plain elements React Flow reads as handles by their classes, one per side for both ends. */}
      {ANCHORS.map((a) => (
        <div key={a.side} className={`react-flow__handle react-flow__handle-${a.side} ${a.types.join(' ')} kind-handle kind-anchor`} data-handleid={a.side} data-handlepos={a.side} />
      ))}
    </div>
  );
}

/** A value the planner entered is drawn plain; a sourced or assumed one says so by its border. */
function basisClass(basis: Basis | undefined): string {
  return `basis-${basis ?? 'planner'}`;
}

function basisTitle(basis: Basis | undefined): string {
  const b = basis ?? 'planner';
  return `${BASIS_LABELS[b]}: ${BASIS_MEANINGS[b]}`;
}

function NodeTitle({ nodeId, title }: { nodeId: string; title: string }) {
  const workbench = useWorkbench();
  // Each node watches only whether it is the one being renamed, so a view change does not
  // re-render every node on a large canvas.
  const editing = useObservableSelector(workbench.view, (v) => v.editingNodeId === nodeId);
  const mark = useObservableSelector(workbench.view, (v) => (v.editingNodeId === nodeId ? v.editingMark : null));
  const [draft, setDraft] = useState(title);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) {
      setDraft(title);
      requestAnimationFrame(() => input.current?.select());
    }
  }, [editing, title]);
  if (!editing) return <div className="kind-title">{title}</div>;
  const finish = (commit: boolean) => {
    workbench.view.patch({ editingNodeId: null, editingMark: null });
    const next = draft.trim();
    if (commit && next && next !== title) {
      workbench.doc.edit([{ op: 'node.update', id: nodeId, patch: { title: next } }], mark).catch((e: Error) => workbench.notify(e.message, 'error'));
    }
  };
  return (
    <input
      ref={input}
      className="kind-title-input nodrag"
      data-testid="title-input"
      value={draft}
      maxLength={300}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key !== 'Enter' && e.key !== 'Escape') return;
        // Focus goes back to the node, so the keyboard user carries on from it (menu, Tab walk).
        const host = e.currentTarget.closest<HTMLElement>('.react-flow__node');
        finish(e.key === 'Enter');
        requestAnimationFrame(() => host?.isConnected && host.focus({ preventScroll: true }));
      }}
    />
  );
}

export const KindNode = memo(KindNodeView);
