/**
 * Several nodes at once: tags on all, and the shared fields on the nodes whose kind has them.
 * Each change is one batch of ops, so one undo puts every node back.
 */
import { NODE_KINDS, type Actor, type GraphNode } from '../../../core/model';
import { HORIZON_CHOICES, SCORE_CHOICES, STATUS_CHOICES, actorChoices } from './choices';
import { addTagOps, carries, removeTagOps, setFieldOps, sharedValue, tagCounts, type SharedField } from './batch';
import { useEdit } from './field-edits';
import { Pick, Section, Segmented } from './fields';
import { TagEditor } from './TagEditor';

export function MultiNode({ nodes, actors, readOnly }: { nodes: readonly GraphNode[]; actors: readonly Actor[]; readOnly: boolean }) {
  const edit = useEdit();
  const has = (field: SharedField) => nodes.filter((n) => carries(n, field)).length;
  const setAll = <F extends SharedField>(field: F, value: GraphNode[F]) => void edit(setFieldOps(nodes, field, value));
  const counts = NODE_KINDS.map((kind) => [kind, nodes.filter((n) => n.kind === kind).length] as const).filter(([, n]) => n > 0);
  const scored = has('likelihood');
  const impacts = has('severity');
  const responses = has('responseStatus');

  return (
    <Section title={`${nodes.length} nodes selected`} testId="inspector-multi">
      <p className="muted insp-hint" data-testid="multi-summary">
        {counts.map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ')}. Changes apply to every selected node that has the field.
      </p>
      <TagEditor
        chips={tagCounts(nodes).map(({ tag, count }) => ({ tag, note: count === nodes.length ? undefined : `${count}/${nodes.length}` }))}
        disabled={readOnly}
        onAdd={(tag) => void edit(addTagOps(nodes, tag))}
        onRemove={(tag) => void edit(removeTagOps(nodes, tag))}
      />
      {scored > 0 && (
        <Segmented
          label={`Likelihood (${scored} ${scored === 1 ? 'node' : 'nodes'})`}
          choices={SCORE_CHOICES}
          value={sharedValue(nodes, 'likelihood')}
          disabled={readOnly}
          testId={(v) => `multi-likelihood-${v ?? 'none'}`}
          onChange={(v) => setAll('likelihood', v)}
        />
      )}
      {impacts > 0 && (
        <Segmented
          label={`Severity (${impacts} ${impacts === 1 ? 'impact' : 'impacts'})`}
          choices={SCORE_CHOICES}
          value={sharedValue(nodes, 'severity')}
          disabled={readOnly}
          testId={(v) => `multi-severity-${v ?? 'none'}`}
          onChange={(v) => setAll('severity', v)}
        />
      )}
      <Pick label="Time horizon" value={sharedValue(nodes, 'horizon')} choices={HORIZON_CHOICES} none="Not set" disabled={readOnly} testId="multi-horizon" onChange={(v) => setAll('horizon', v)} />
      {responses > 0 && (
        <>
          <Pick
            label={`Lead actor (${responses} ${responses === 1 ? 'response' : 'responses'})`}
            value={sharedValue(nodes, 'leadActorId')}
            choices={actorChoices(actors)}
            none="No lead actor"
            disabled={readOnly}
            testId="multi-lead-actor"
            onChange={(v) => setAll('leadActorId', v)}
          />
          <Segmented
            label="Response status"
            choices={STATUS_CHOICES}
            value={sharedValue(nodes, 'responseStatus') ?? undefined}
            disabled={readOnly}
            testId={(v) => `multi-status-${v}`}
            onChange={(v) => setAll('responseStatus', v)}
          />
          <Pick label="Lead time" value={sharedValue(nodes, 'leadTime')} choices={HORIZON_CHOICES} none="Not set" disabled={readOnly} testId="multi-lead-time" onChange={(v) => setAll('leadTime', v)} />
        </>
      )}
    </Section>
  );
}
