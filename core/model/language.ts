/**
 * The language of a scenario's CJK text, which decides the glyph forms it is drawn with: the same
 * Han character is drawn differently in Japanese, Korean and Simplified or Traditional Chinese, so
 * every surface (canvas, SVG, PNG, PDF) puts the matching font first. A scenario may say its
 * language; otherwise it is detected from its text: any kana means Japanese, any hangul Korean,
 * other Han text Chinese (Simplified), and no CJK text at all means none.
 */
import { z } from 'zod';

export const CJK_LANGUAGES = ['ja', 'ko', 'zh-Hans', 'zh-Hant'] as const;
export const CjkLanguage = z.enum(CJK_LANGUAGES);
export type CjkLanguage = z.infer<typeof CjkLanguage>;

/** How the Scenario panel names each language. */
export const CJK_LANGUAGE_LABEL: Record<CjkLanguage, string> = {
  ja: 'Japanese',
  ko: 'Korean',
  'zh-Hans': 'Chinese (Simplified)',
  'zh-Hant': 'Chinese (Traditional)',
};

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/** The language the texts are written in, by script: kana → ja, hangul → ko, Han → zh-Hans; null without CJK. */
export function detectCjkLanguage(texts: Iterable<string>): CjkLanguage | null {
  let han = false;
  for (const text of texts) {
    if (KANA.test(text)) return 'ja';
    if (HANGUL.test(text)) return 'ko';
    han ||= HAN.test(text);
  }
  return han ? 'zh-Hans' : null;
}

interface LanguageSource {
  scenario: { title: string; description: string; language: CjkLanguage | null };
  crises: readonly { title: string; summary: string }[];
  nodes: readonly { title: string; description: string }[];
  actors: readonly { name: string }[];
}

function* documentTexts(doc: LanguageSource): Generator<string> {
  yield doc.scenario.title;
  yield doc.scenario.description;
  for (const c of doc.crises) {
    yield c.title;
    yield c.summary;
  }
  for (const n of doc.nodes) {
    yield n.title;
    yield n.description;
  }
  for (const a of doc.actors) yield a.name;
}

/** The language the scenario's text is written in, whatever it states (what "Detect from text" would give). */
export function detectedDocumentLanguage(doc: LanguageSource): CjkLanguage | null {
  return detectCjkLanguage(documentTexts(doc));
}

/** The scenario's CJK language: the one it states, else the one its text is written in. */
export function documentLanguage(doc: LanguageSource): CjkLanguage | null {
  return doc.scenario.language ?? detectedDocumentLanguage(doc);
}
