/** With nothing selected, the inspector edits the crisis on the canvas: title, region, summary, status. */
import { CRISIS_STATUSES, LIMITS, type Crisis, type CrisisStatus } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { typingMark, useEdit } from './field-edits';
import { Section, Segmented, TextField } from './fields';

const STATUS_CHOICES = CRISIS_STATUSES.map((s) => ({ value: s, label: s }));

export function CrisisDetails({ crisis, readOnly }: { crisis: Crisis; readOnly: boolean }) {
  const edit = useEdit();
  const update = (patch: Extract<Op, { op: 'crisis.update' }>['patch'], mark: string | null) => edit([{ op: 'crisis.update', id: crisis.id, patch }], mark);
  return (
    <Section title="Crisis" testId="inspector-crisis">
      <p className="muted insp-hint">Nothing selected: these are the crisis's own details.</p>
      <TextField
        label="Title"
        value={crisis.title}
        required
        maxLength={LIMITS.title}
        disabled={readOnly}
        testId="crisis-title"
        onCommit={(title) => update({ title }, typingMark('crisis-title', crisis.id))}
      />
      <TextField
        label="Region"
        value={crisis.region}
        maxLength={LIMITS.shortText}
        disabled={readOnly}
        testId="crisis-region"
        onCommit={(region) => update({ region }, typingMark('crisis-region', crisis.id))}
      />
      <TextField
        label="Summary"
        value={crisis.summary}
        multiline
        rows={6}
        maxLength={LIMITS.description}
        disabled={readOnly}
        testId="crisis-summary"
        onCommit={(summary) => update({ summary }, typingMark('crisis-summary', crisis.id))}
      />
      <Segmented<CrisisStatus>
        label="Status"
        choices={STATUS_CHOICES}
        value={crisis.status}
        disabled={readOnly}
        testId={(s) => `crisis-status-${s}`}
        onChange={(status) => void update({ status }, null)}
      />
    </Section>
  );
}
