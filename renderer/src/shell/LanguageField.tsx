/**
 * The scenario's language in the Scenario panel: "Detect from text" (showing what detection
 * gives now) or one language stated outright, for text whose script does not tell (Japanese
 * written in Han only is detected as Chinese). The choice is a scenario.update like any other
 * field, so it is undoable and in History; core's documentLanguage turns it into the font
 * every surface uses.
 */
import { useId, useMemo } from 'react';
import { CJK_LANGUAGES, CJK_LANGUAGE_LABEL, CjkLanguage, detectedDocumentLanguage, type ScenarioDocument } from '../../../core/model';
import type { Op } from '../../../core/ops';

const DETECT = 'detect';

export function LanguageField({ doc, readOnly, edit }: { doc: ScenarioDocument; readOnly: boolean; edit: (ops: Op[], mark: string) => void }) {
  const detected = useMemo(() => detectedDocumentLanguage(doc), [doc]);
  const stated = doc.scenario.language;
  const noteId = useId();
  // What detection gives is said under the field, not in the option: the sidebar is too narrow for both.
  return (
    <>
    <label className="field" title="The language the scenario's Chinese, Japanese or Korean text is written in: it decides the glyph forms on the canvas and in every export">
      <span>Language</span>
      <select
        value={stated ?? DETECT}
        disabled={readOnly}
        data-testid="scenario-language"
        aria-describedby={stated === null ? noteId : undefined}
        onChange={(e) => {
          const parsed = CjkLanguage.safeParse(e.target.value);
          const language = parsed.success ? parsed.data : null;
          if (language !== stated) edit([{ op: 'scenario.update', patch: { language } }], 'scenario:language');
        }}
      >
        <option value={DETECT}>Detect from text</option>
        {CJK_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {CJK_LANGUAGE_LABEL[l]}
          </option>
        ))}
      </select>
    </label>
    {stated === null && (
      <p className="muted field-note" id={noteId} data-testid="scenario-language-detected">
        Detected: {detected ? CJK_LANGUAGE_LABEL[detected] : 'no Chinese, Japanese or Korean text'}
      </p>
    )}
    </>
  );
}
