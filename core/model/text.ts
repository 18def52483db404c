/**
 * The one text-normalising rule, applied at the boundary: every text field's schema runs it
 * (core/model/primitives.ts), so text from the UI (IPC ops), imports (JSON, CSV, canvas) and the
 * CLI is normalised the same way before it is validated or stored, and exporters apply it again
 * to whatever they are handed.
 *
 * Removed: C0 controls other than tab, newline and CR (NUL among them: SQLite's length() stops
 * at a NUL, so a title starting with one breaks the file's CHECK), DEL, C1 controls, and the two
 * non-characters XML 1.0 forbids. A lone surrogate half, which cannot be encoded as UTF-8, becomes
 * U+FFFD. Bidi marks and CJK, emoji, RTL text stay: they are text. File names are stricter
 * (fileNameFrom).
 */

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Anything either pattern could touch; most text has none, and skips both passes.
const NEEDS_NORMALIZING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** The text as the boundary stores it. Unchanged (the same string) when there is nothing to remove. */
export function normalizeText(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** True when normalizeText would return `text` unchanged (quick: no allocation for plain text). */
export function isNormalizedText(text: string): boolean {
  return !NEEDS_NORMALIZING.test(text) || normalizeText(text) === text;
}

// Bidi embeddings, overrides and isolates, LRM/RLM/ALM: in a file name they can make
// "report\u202Egpj.exe" read as "reportexe.jpg".
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const FILE_NAME_UNSAFE = /[\\/:*?"<>|]+/g;

/** A file name made from a title: normalised, no bidi controls, no path or shell-special characters, at most 80 characters. */
export function fileNameFrom(title: string, fallback = 'Scenario'): string {
  const cleaned = normalizeText(title)
    .replace(BIDI_CONTROLS, '')
    .replace(FILE_NAME_UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Cut by code points so no surrogate pair is split; no leading dot (hidden) or trailing dot.
  const cut = Array.from(cleaned).slice(0, 80).join('').replace(/^\.+/, '').replace(/[.\s]+$/, '');
  return cut || fallback;
}
