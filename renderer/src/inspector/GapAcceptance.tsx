/**
 * Coverage of one node, where it is set: a trigger no response can avert (a typhoon), and a gap
 * accepted with a reason. Shown when the node has a gap, or an acceptance to withdraw; accepted
 * gaps stay listed apart in the Gaps tab, never hidden.
 */
import { GAP_BADGE } from '../analysis/tones';
import type { GapKind } from '../../../core/analysis';
import { LIMITS, type GraphNode, type NodePatch } from '../../../core/model';
import { typingMark, useEdit } from './field-edits';
import { Section, TextField } from './fields';

interface GapAcceptanceProps {
  node: GraphNode;
  /** The node's gaps, open or accepted (coverageGaps), by kind. */
  gapKinds: readonly GapKind[];
  readOnly: boolean;
}

export function GapAcceptance({ node, gapKinds, readOnly }: GapAcceptanceProps) {
  const edit = useEdit();
  const update = (patch: NodePatch, mark: string | null = null) => edit([{ op: 'node.update', id: node.id, patch }], mark);
  const accepted = node.gapAccepted !== null;
  if (gapKinds.length === 0 && !accepted && !node.unavertable) return null;
  return (
    <Section title="Coverage gap" testId="inspector-gap">
      {gapKinds.length > 0 && (
        <p className="insp-hint" data-testid="inspector-gap-kinds">
          {accepted || node.unavertable ? 'Accepted: ' : 'Open: '}
          {gapKinds.map((k) => GAP_BADGE[k]).join(', ')}
        </p>
      )}
      {node.kind === 'trigger' && (
        <label className="insp-check">
          <input type="checkbox" checked={node.unavertable} disabled={readOnly} data-testid="field-unavertable" onChange={(e) => void update({ unavertable: e.target.checked })} />
          No response can avert it (such as a typhoon)
        </label>
      )}
      <label className="insp-check">
        <input
          type="checkbox"
          checked={accepted}
          disabled={readOnly}
          data-testid="field-gap-accepted"
          onChange={(e) => void update({ gapAccepted: e.target.checked ? '' : null })}
        />
        Gap accepted
      </label>
      {accepted && (
        <TextField
          label="Why the gap is accepted"
          value={node.gapAccepted ?? ''}
          multiline
          rows={2}
          maxLength={LIMITS.description}
          placeholder="The reason, as a brief should print it"
          disabled={readOnly}
          testId="field-gap-reason"
          onCommit={(gapAccepted) => update({ gapAccepted }, typingMark('gap-reason', node.id))}
        />
      )}
    </Section>
  );
}
