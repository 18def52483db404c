/** One edge: its inferred kind (read-only), its label and confidence, and delete. */
import { CONFIDENCES, LIMITS, type Confidence, type GraphEdge } from '../../../core/model';
import { BasisSelect } from './basis';
import { useWorkbench } from '../workspace-context';
import { typingMark, useEdit } from './field-edits';
import { Section, Segmented, TextField, type Choice } from './fields';

const CONFIDENCE_CHOICES: readonly Choice<Confidence | null>[] = [{ value: null, label: 'None' }, ...CONFIDENCES.map((c) => ({ value: c, label: c }))];

const KIND_WORDS: Record<GraphEdge['kind'], string> = {
  'leads-to': 'leads to',
  averts: 'averts',
  contains: 'contains',
};

interface EdgeDetailsProps {
  edge: GraphEdge;
  sourceTitle: string;
  targetTitle: string;
  readOnly: boolean;
}

export function EdgeDetails({ edge, sourceTitle, targetTitle, readOnly }: EdgeDetailsProps) {
  const { selection } = useWorkbench();
  const edit = useEdit();
  const remove = async () => {
    if (await edit([{ op: 'edge.delete', id: edge.id }])) selection.clear();
  };
  return (
    <Section title="Connection" testId="inspector-edge">
      <p className="insp-edge-ends" data-testid="edge-ends">
        <span className="insp-edge-end">{sourceTitle}</span>
        <span className="insp-edge-kind" data-testid="edge-kind" title="Inferred from the kinds of the two ends">
          {KIND_WORDS[edge.kind]}
        </span>
        <span className="insp-edge-end">{targetTitle}</span>
      </p>
      <p className="insp-label-row">
        <span className="insp-label">That it {KIND_WORDS[edge.kind]}: rests on</span>
        <BasisSelect
          of={`that it ${KIND_WORDS[edge.kind]}`}
          value={edge.basis.kind}
          disabled={readOnly}
          testId="edge-basis-kind"
          onChange={(kind) => void edit([{ op: 'edge.update', id: edge.id, patch: { basis: { ...edge.basis, kind } } }])}
        />
      </p>
      <TextField
        label="Label"
        value={edge.label}
        maxLength={LIMITS.shortText}
        disabled={readOnly}
        testId="edge-label"
        placeholder={KIND_WORDS[edge.kind]}
        onCommit={(label) => edit([{ op: 'edge.update', id: edge.id, patch: { label } }], typingMark('edge-label', edge.id))}
      />
      <Segmented
        label="Confidence"
        choices={CONFIDENCE_CHOICES}
        value={edge.confidence}
        disabled={readOnly}
        testId={(c) => `edge-confidence-${c ?? 'none'}`}
        aside={
          edge.confidence === null ? null : (
            <BasisSelect
              of="confidence"
              value={edge.basis.confidence}
              disabled={readOnly}
              testId="edge-basis-confidence"
              onChange={(confidence) => void edit([{ op: 'edge.update', id: edge.id, patch: { basis: { ...edge.basis, confidence } } }])}
            />
          )
        }
        onChange={(confidence) => void edit([{ op: 'edge.update', id: edge.id, patch: { confidence } }])}
      />
      {!readOnly && (
        <button type="button" className="insp-danger" data-testid="edge-delete" onClick={() => void remove()}>
          Delete connection
        </button>
      )}
    </Section>
  );
}
