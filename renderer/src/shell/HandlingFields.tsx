/**
 * The scenario's handling marking, its caveat line, its author and the date its positions and
 * statuses hold as of, in the Scenario panel. The
 * marking is free text with the common markings offered as suggestions; every export prints it
 * (docs/export-formats.md), and the window's title shows it.
 */
import { CAVEAT_PRESETS, MARKING_LIMITS, MARKING_PRESETS, LIMITS, isIsoDate, type ScenarioMeta } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { InlineText } from './InlineText';

export function HandlingFields({ scenario, readOnly, edit }: { scenario: ScenarioMeta; readOnly: boolean; edit: (ops: Op[], mark: string) => void }) {
  return (
    <>
      <label className="field">
        <span>Handling marking</span>
        <InlineText
          value={scenario.marking}
          maxLength={MARKING_LIMITS.marking}
          disabled={readOnly}
          list="marking-presets"
          placeholder="None: exports are unmarked"
          mark="scenario:marking"
          testId="scenario-marking"
          onCommit={(marking, mark) => edit([{ op: 'scenario.update', patch: { marking } }], mark)}
        />
        <datalist id="marking-presets">
          {MARKING_PRESETS.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      </label>
      <label className="field">
        <span>Caveat</span>
        <InlineText
          value={scenario.markingCaveat}
          maxLength={MARKING_LIMITS.caveat}
          disabled={readOnly}
          list="caveat-presets"
          placeholder="e.g. REL TO USA, JPN"
          mark="scenario:marking-caveat"
          testId="scenario-caveat"
          onCommit={(markingCaveat, mark) => edit([{ op: 'scenario.update', patch: { markingCaveat } }], mark)}
        />
        <datalist id="caveat-presets">
          {CAVEAT_PRESETS.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      </label>
      <label className="field">
        <span>Author</span>
        <InlineText
          value={scenario.author}
          maxLength={LIMITS.shortText}
          disabled={readOnly}
          placeholder="Shown on a brief's cover"
          mark="scenario:author"
          testId="scenario-author"
          onCommit={(author, mark) => edit([{ op: 'scenario.update', patch: { author } }], mark)}
        />
      </label>
      <label className="field" title="When what this scenario says (agreed, in place, who stands where) was true">
        <span>As of</span>
        <input
          type="date"
          value={scenario.asOf ?? ''}
          disabled={readOnly}
          data-testid="scenario-as-of"
          onChange={(e) => {
            const asOf = e.target.value === '' ? null : e.target.value;
            if (asOf === null || (isIsoDate(asOf) && asOf !== scenario.asOf)) edit([{ op: 'scenario.update', patch: { asOf } }], 'scenario:as-of');
          }}
        />
      </label>
    </>
  );
}
