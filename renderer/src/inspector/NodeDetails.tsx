/** Every field of one node, as its kind allows: text, tags, scores, horizon and response details. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { LIMITS, SOURCED_BASES, type Actor, type Basis, type GraphNode, type JudgedNodeField, type NodePatch } from '../../../core/model';
import { BasisSelect, DateField, today } from './basis';
import { HORIZON_CHOICES, SCORE_CHOICES, STATUS_CHOICES, actorChoices, byOrder } from './choices';
import { typingMark, useEdit } from './field-edits';
import { Pick, Section, Segmented, TextField } from './fields';
import { MarkdownPreview } from './Markdown';
import { TagEditor } from './TagEditor';

/**
 * A list field edited by successive clicks: each click builds on the previous click's result and
 * shows it at once, before main has confirmed it, so two quick additions never overwrite each other
 * and a checkbox never flicks back. The document's value (after each edit, an undo, or a refused
 * edit) always takes over again.
 */
function useListDraft(stored: string[]): { shown: string[]; current(): string[]; next(list: string[]): string[] } {
  const [shown, setShown] = useState(stored);
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setShown(stored);
  }
  const latest = useRef(stored);
  useEffect(() => {
    latest.current = stored;
  }, [stored]);
  return {
    shown,
    current: () => latest.current,
    next: (list) => {
      latest.current = list;
      setShown(list);
      return list;
    },
  };
}

const KIND_LABELS: Record<GraphNode['kind'], string> = { trigger: 'Trigger', crisis: 'Crisis', impact: 'Impact', response: 'Response' };

/**
 * The basis select of one judged field, shown only while the field is set (a blank value has no
 * basis). A value a user sets becomes `planner` by itself; this changes that without touching the value.
 */
export type BasisFor = (field: JudgedNodeField, label: string) => ReactNode;

function basisControls(node: GraphNode, readOnly: boolean, hasSupport: boolean, update: (patch: NodePatch) => Promise<boolean>): BasisFor {
  return (field, label) =>
    node[field] === null ? null : (
      <BasisSelect
        of={label}
        value={node.basis[field]}
        disabled={readOnly}
        testId={`basis-${field}`}
        unsupported={!hasSupport && SOURCED_BASES.includes(node.basis[field] ?? 'planner')}
        onChange={(basis: Basis) => void update({ basis: { ...node.basis, [field]: basis } })}
      />
    );
}

interface NodeDetailsProps {
  node: GraphNode;
  actors: readonly Actor[];
  coreActorIds: readonly string[];
  readOnly: boolean;
  /** Whether a quote on this node supports it (a `report` or `inferred` basis claims one). */
  hasSupport: boolean;
}

export function NodeDetails({ node, actors, coreActorIds, readOnly, hasSupport }: NodeDetailsProps) {
  const edit = useEdit();
  const [preview, setPreview] = useState(false);
  const update = (patch: NodePatch, mark: string | null = null) => edit([{ op: 'node.update', id: node.id, patch }], mark);
  const scored = node.kind === 'trigger' || node.kind === 'crisis';
  const tags = useListDraft(node.tags);
  const basisFor = basisControls(node, readOnly, hasSupport, update);

  return (
    <Section
      title="Selected node"
      testId="inspector-node"
      aside={
        <span className={`insp-kind insp-kind-${node.kind}`} data-testid="inspector-kind" aria-label={KIND_LABELS[node.kind]}>
          {node.kind}
        </span>
      }
    >
      <TextField
        label="Title"
        value={node.title}
        required
        maxLength={LIMITS.title}
        disabled={readOnly}
        testId="field-title"
        onCommit={(title) => update({ title }, typingMark('title', node.id))}
      />
      <div className="insp-field-head">
        <button type="button" className="insp-link" data-testid="description-preview-toggle" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? 'Edit' : 'Preview'}
        </button>
      </div>
      {preview ? (
        <div className="insp-field">
          <span className="insp-label">Description (preview)</span>
          <MarkdownPreview text={node.description} />
        </div>
      ) : (
        <TextField
          label="Description"
          value={node.description}
          multiline
          rows={5}
          maxLength={LIMITS.description}
          placeholder="Plain text; markdown is shown in the preview"
          disabled={readOnly}
          testId="field-description"
          onCommit={(description) => update({ description }, typingMark('description', node.id))}
        />
      )}
      <TagEditor
        chips={tags.shown.map((tag) => ({ tag }))}
        full={tags.shown.length >= LIMITS.tags}
        disabled={readOnly}
        onAdd={(tag) => !tags.current().includes(tag) && void update({ tags: tags.next([...tags.current(), tag]) })}
        onRemove={(tag) => void update({ tags: tags.next(tags.current().filter((t) => t !== tag)) })}
      />
      {scored && (
        <Segmented
          label="Likelihood"
          choices={SCORE_CHOICES}
          value={node.likelihood}
          disabled={readOnly}
          testId={(v) => `likelihood-${v ?? 'none'}`}
          aside={basisFor('likelihood', 'likelihood')}
          onChange={(likelihood) => void update({ likelihood })}
        />
      )}
      {node.kind === 'impact' && (
        <Segmented
          label="Severity"
          choices={SCORE_CHOICES}
          value={node.severity}
          disabled={readOnly}
          testId={(v) => `severity-${v ?? 'none'}`}
          aside={basisFor('severity', 'severity')}
          onChange={(severity) => void update({ severity })}
        />
      )}
      <Pick
        label="Time horizon"
        value={node.horizon}
        choices={HORIZON_CHOICES}
        none="Not set"
        disabled={readOnly}
        testId="field-horizon"
        aside={basisFor('horizon', 'time horizon')}
        onChange={(horizon) => void update({ horizon })}
      />
      {node.kind === 'response' && <ResponseFields node={node} actors={actors} coreActorIds={coreActorIds} readOnly={readOnly} update={update} basisFor={basisFor} />}
    </Section>
  );
}

interface ResponseFieldsProps {
  node: GraphNode;
  actors: readonly Actor[];
  coreActorIds: readonly string[];
  readOnly: boolean;
  update(patch: NodePatch): Promise<boolean>;
  basisFor: BasisFor;
}

function ResponseFields({ node, actors, coreActorIds, readOnly, update, basisFor }: ResponseFieldsProps) {
  const supporters = useListDraft(node.supportingActorIds);
  const toggleSupporter = (actorId: string, on: boolean) => {
    const others = supporters.current().filter((id) => id !== actorId);
    void update({ supportingActorIds: supporters.next(on ? [...others, actorId] : others) });
  };
  // Which actors show unfolded is decided by the stored list, so a box does not jump away when ticked.
  const upFront = (actor: Actor) => coreActorIds.includes(actor.id) || node.supportingActorIds.includes(actor.id);
  const ordered = byOrder(actors);
  const first = ordered.filter(upFront);
  const rest = ordered.filter((a) => !upFront(a));
  const supporterBox = (actor: Actor) => (
    <label key={actor.id} className="insp-check">
      <input
        type="checkbox"
        checked={supporters.shown.includes(actor.id)}
        disabled={readOnly}
        data-testid={`supporting-${actor.id}`}
        onChange={(e) => toggleSupporter(actor.id, e.target.checked)}
      />
      <span className="insp-swatch" style={{ background: actor.color }} />
      {actor.name}
    </label>
  );
  return (
    <>
      <Pick
        label="Lead actor"
        value={node.leadActorId}
        choices={actorChoices(actors)}
        none="No lead actor"
        disabled={readOnly}
        testId="field-lead-actor"
        aside={basisFor('leadActorId', 'lead actor')}
        onChange={(leadActorId) => void update({ leadActorId })}
      />
      <fieldset className="insp-field insp-checks" data-testid="field-supporting-actors">
        <legend className="insp-label">Supporting actors</legend>
        {/* The core actors and those already supporting first; the rest folded, so a file with two dozen actors stays short. */}
        {first.map(supporterBox)}
        {rest.length > 0 && (
          <details className="insp-more-actors" data-testid="supporting-more">
            <summary>Other actors ({rest.length})</summary>
            {rest.map(supporterBox)}
          </details>
        )}
        {actors.length === 0 && <span className="muted">No actors in this scenario.</span>}
      </fieldset>
      <Segmented
        label="Status"
        choices={STATUS_CHOICES}
        value={node.responseStatus}
        disabled={readOnly}
        testId={(s) => `status-${s}`}
        aside={
          <>
            {basisFor('responseStatus', 'status')}
            <DateField label="Status as of" value={node.statusAsOf} disabled={readOnly} testId="field-status-as-of" onChange={(statusAsOf) => void update({ statusAsOf })} />
          </>
        }
        // A status set now is true as of today unless the planner dates it otherwise.
        onChange={(responseStatus) => void update({ responseStatus, statusAsOf: today() })}
      />
      <Pick
        label="Lead time"
        value={node.leadTime}
        choices={HORIZON_CHOICES}
        none="Not set"
        disabled={readOnly}
        testId="field-lead-time"
        aside={basisFor('leadTime', 'lead time')}
        onChange={(leadTime) => void update({ leadTime })}
      />
    </>
  );
}
