/**
 * Version 7: the language a scenario's CJK text is written in, as its user states it (issue 13),
 * so Han-only Japanese is drawn with Japanese glyph forms. NULL means "detect it from the text",
 * which is what every existing file did, so existing files keep NULL. The allowed values are
 * core's one list of languages.
 */
import { CJK_LANGUAGES } from '../../core/model/language';
import type { Migration } from './types';

const LANGUAGES = CJK_LANGUAGES.map((l) => `'${l}'`).join(',');

export const scenarioLanguage: Migration = {
  version: 7,
  name: 'scenario-language',
  up(db) {
    db.exec(`ALTER TABLE scenario ADD COLUMN language TEXT CHECK (language IS NULL OR language IN (${LANGUAGES}));`);
  },
};
