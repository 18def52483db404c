/** Every field of one node, as its kind allows: text, tags, scores, horizon and response details. */
import { useEffect, useRef, useState } from 'react';
import { LIMITS, type Actor, type GraphNode, type NodePatch } from '../../../core/model';
import { HORIZON_CHOICES, SCORE_CHOICES, STATUS_CHOICES, actorChoices, byOrder } from './choices';
import { typingMark, useEdit } from './edit';
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

export function NodeDetails({ node, actors, readOnly }: { node: GraphNode; actors: readonly Actor[]; readOnly: boolean }) {
  const edit = useEdit();
  const [preview, setPreview] = useState(false);
  const update = (patch: NodePatch, mark: string | null = null) => edit([{ op: 'node.update', id: node.id, patch }], mark);
  const scored = node.kind === 'trigger' || node.kind === 'crisis';
  const tags = useListDraft(node.tags);

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
          onChange={(severity) => void update({ severity })}
        />
      )}
      <Pick label="Time horizon" value={node.horizon} choices={HORIZON_CHOICES} none="Not set" disabled={readOnly} testId="field-horizon" onChange={(horizon) => void update({ horizon })} />
      {node.kind === 'response' && <ResponseFields node={node} actors={actors} readOnly={readOnly} update={update} />}
    </Section>
  );
}

interface ResponseFieldsProps {
  node: GraphNode;
  actors: readonly Actor[];
  readOnly: boolean;
  update(patch: NodePatch): Promise<boolean>;
}

function ResponseFields({ node, actors, readOnly, update }: ResponseFieldsProps) {
  const supporters = useListDraft(node.supportingActorIds);
  const toggleSupporter = (actorId: string, on: boolean) => {
    const others = supporters.current().filter((id) => id !== actorId);
    void update({ supportingActorIds: supporters.next(on ? [...others, actorId] : others) });
  };
  return (
    <>
      <Pick
        label="Lead actor"
        value={node.leadActorId}
        choices={actorChoices(actors)}
        none="No lead actor"
        disabled={readOnly}
        testId="field-lead-actor"
        onChange={(leadActorId) => void update({ leadActorId })}
      />
      <fieldset className="insp-field insp-checks" data-testid="field-supporting-actors">
        <legend className="insp-label">Supporting actors</legend>
        {byOrder(actors).map((actor) => (
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
        ))}
        {actors.length === 0 && <span className="muted">No actors in this scenario.</span>}
      </fieldset>
      <Segmented label="Status" choices={STATUS_CHOICES} value={node.responseStatus} disabled={readOnly} testId={(s) => `status-${s}`} onChange={(responseStatus) => void update({ responseStatus })} />
      <Pick label="Lead time" value={node.leadTime} choices={HORIZON_CHOICES} none="Not set" disabled={readOnly} testId="field-lead-time" onChange={(leadTime) => void update({ leadTime })} />
    </>
  );
}
