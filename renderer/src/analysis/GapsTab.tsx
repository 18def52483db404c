/**
 * The coverage gaps, grouped by kind, each with the quickest fix next to it: draw a response
 * that averts or contains the element, or name a lead. The fix selects the new response so the
 * planner can name it straight away. A gap can also be accepted with a reason (or a trigger
 * marked as one no response can avert); accepted gaps are listed apart, not hidden.
 */
import { useState } from 'react';
import { GAP_KINDS, type CoverageGap, type GapKind } from '../../../core/analysis';
import { AcceptedGaps } from './AcceptedGaps';
import { blankEdge, blankNode, newId, LIMITS, type GraphNode, type ScenarioDocument } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { inferEdgeKind } from '../../../core/rules';
import { useEdit } from './hooks';
import { gapsOf } from './memo';
import { ROW_LIMIT, type TabProps } from './tab-props';
import { GAP_LABEL, gapCountText } from './tones';

export function GapsTab({ doc, scope, crisisNames, focus }: TabProps) {
  const { gaps, counts, accepted } = gapsOf(doc, scope);
  const edit = useEdit();
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const total = gaps.length;

  const addResponse = async (target: GraphNode) => {
    const ops = responseFor(target);
    if (ops && (await edit(ops.ops, null))) focus([ops.responseId]);
  };
  const setLead = (responseId: string, actorId: string) => {
    if (actorId) void edit([{ op: 'node.update', id: responseId, patch: { leadActorId: actorId } }], null);
  };
  const accept = (nodeId: string, patch: Pick<GraphNode, 'gapAccepted'> | Pick<GraphNode, 'unavertable'>) => void edit([{ op: 'node.update', id: nodeId, patch }], null);
  const apart = <AcceptedGaps accepted={accepted} scope={scope} crisisNames={crisisNames} focus={focus} onReopen={(gap) => accept(gap.nodeId, gap.because === 'unavertable' ? { unavertable: false } : { gapAccepted: null })} />;

  if (total === 0) {
    return (
      <div className="gaps-tab">
        <p className="analysis-empty" data-testid="gaps-none">
          No open gaps: every impact is contained, every trigger and crisis is averted, and every response has a lead and a target
          {accepted.length > 0 ? ', or the gap is accepted (below).' : '.'}
        </p>
        {apart}
      </div>
    );
  }
  return (
    <div className="gaps-tab">
      <ul className="gap-counts" aria-label="Gaps by kind">
        {GAP_KINDS.map((kind) => (
          <li key={kind} className={counts[kind] ? 'has-gaps' : ''} data-testid={`gap-count-${kind}`}>
            {gapCountText(kind, counts[kind])}
          </li>
        ))}
      </ul>
      {GAP_KINDS.filter((kind) => counts[kind] > 0).map((kind) => (
        <section key={kind} className="gap-group">
          <h3>{GAP_LABEL[kind]}</h3>
          <ul className="analysis-rows">
            {gaps
              .filter((g) => g.kind === kind)
              .slice(0, ROW_LIMIT)
              .map((gap) => (
                <GapRow
                  key={`${gap.kind}:${gap.nodeId}`}
                  gap={gap}
                  node={nodes.get(gap.nodeId)}
                  doc={doc}
                  crisisName={scope === null ? crisisNames.get(gap.crisisId) : undefined}
                  onFocus={() => focus([gap.nodeId])}
                  onAddResponse={addResponse}
                  onSetLead={setLead}
                  onAccept={accept}
                />
              ))}
          </ul>
          {counts[kind] > ROW_LIMIT && <p className="muted">and {counts[kind] - ROW_LIMIT} more</p>}
        </section>
      ))}
      {apart}
    </div>
  );
}

interface GapRowProps {
  gap: CoverageGap;
  node: GraphNode | undefined;
  doc: ScenarioDocument;
  crisisName: string | undefined;
  onFocus(): void;
  onAddResponse(target: GraphNode): void;
  onSetLead(responseId: string, actorId: string): void;
  onAccept(nodeId: string, patch: Pick<GraphNode, 'gapAccepted'> | Pick<GraphNode, 'unavertable'>): void;
}

function GapRow({ gap, node, doc, crisisName, onFocus, onAddResponse, onSetLead, onAccept }: GapRowProps) {
  const [accepting, setAccepting] = useState(false);
  const [reason, setReason] = useState('');
  if (accepting) {
    const commit = () => {
      setAccepting(false);
      onAccept(gap.nodeId, { gapAccepted: reason.trim() });
    };
    return (
      <li className="analysis-row">
        <form
          className="gap-accept-form"
          onSubmit={(e) => {
            e.preventDefault();
            commit();
          }}
        >
          <label>
            Why is the gap in “{gap.title}” accepted?{' '}
            <input
              autoFocus
              required
              value={reason}
              maxLength={LIMITS.description}
              placeholder="e.g. deterrence answers it, not a response"
              data-testid={`gap-accept-reason-${gap.nodeId}`}
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setAccepting(false)}
            />
          </label>
          {/* A gap is accepted for a reason a brief can print: no reason, no acceptance. */}
          <button type="submit" className="row-fix" disabled={reason.trim() === ''} title="Give the reason first" data-testid={`gap-accept-save-${gap.nodeId}`}>
            Accept gap
          </button>
          <button type="button" className="row-fix" onClick={() => setAccepting(false)}>
            Cancel
          </button>
        </form>
      </li>
    );
  }
  return (
    <li className="analysis-row">
      <button className="row-main" data-testid="gap-row" data-gap-kind={gap.kind} data-node-id={gap.nodeId} onClick={onFocus}>
        <span className="row-title">{gap.title}</span>
        {crisisName !== undefined && <span className="row-crisis">{crisisName}</span>}
      </button>
      {node && COVERING_FIX[gap.kind] && (
        <button className="row-fix" data-testid={`gap-fix-${gap.nodeId}`} onClick={() => onAddResponse(node)}>
          {COVERING_FIX[gap.kind]}
        </button>
      )}
      {gap.kind === 'response-without-lead' && (
        <select className="row-fix" aria-label={`Lead actor for ${gap.title}`} data-testid={`gap-lead-${gap.nodeId}`} value="" onChange={(e) => onSetLead(gap.nodeId, e.target.value)}>
          <option value="">Set lead…</option>
          {[...doc.actors]
            .sort((a, b) => a.order - b.order)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
      )}
      {gap.kind === 'unaverted-trigger' && (
        <button className="row-fix" data-testid={`gap-unavertable-${gap.nodeId}`} title="Mark it as a trigger no response can avert, such as a typhoon" onClick={() => onAccept(gap.nodeId, { unavertable: true })}>
          No response can avert it
        </button>
      )}
      <button className="row-fix" data-testid={`gap-accept-${gap.nodeId}`} title="Accept this gap with a reason; it is then listed apart" onClick={() => setAccepting(true)}>
        Accept…
      </button>
    </li>
  );
}

const COVERING_FIX: Partial<Record<GapKind, string>> = {
  'uncontained-impact': '+ Response that contains it',
  'unaverted-trigger': '+ Response that averts it',
  'unaverted-crisis': '+ Response that averts it',
};

/** A new response beside the element, with the covering edge the rules allow (averts or contains). */
export function responseFor(target: GraphNode): { responseId: string; ops: Op[] } | null {
  const kind = inferEdgeKind('response', target.kind);
  if (!kind.ok) return null;
  const responseId = newId();
  const verb = kind.kind === 'contains' ? 'Contain' : 'Avert';
  const response: GraphNode = {
    ...blankNode('response', target.crisisId, responseId, { x: Math.min(target.x + target.width + 120, LIMITS.coord), y: target.y }),
    title: `${verb}: ${target.title}`.slice(0, LIMITS.title).trim(),
  };
  return {
    responseId,
    ops: [
      { op: 'node.create', node: response },
      { op: 'edge.create', edge: blankEdge(newId(), target.crisisId, { source: responseId, target: target.id, kind: kind.kind }) },
    ],
  };
}
