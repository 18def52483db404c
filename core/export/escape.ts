/**
 * One escaping function per output language. Exporters pass every piece of user text
 * through exactly one of these; no exporter builds markup by concatenating raw text.
 */
import { cleanText, oneLineText } from './text';

const XML_SPECIAL = /[&<>"'\n\r\t:=]/;
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
  ':': '&#58;',
  '=': '&#61;',
};

/**
 * XML and HTML text or attribute value. Quotes are escaped too, so the same function is
 * safe in either slot; newlines and tabs become character references, so attribute
 * normalisation cannot change them. `:` and `=` become references as well: harmless to
 * any parser, and the output then never contains the byte sequences `javascript:` or
 * `onerror=` that filters and reviewers look for, even as inert text.
 */
export function xml(text: string): string {
  const clean = cleanText(text);
  if (!XML_SPECIAL.test(clean)) return clean;
  return clean.replace(/[&<>"'\n\r\t:=]/g, (ch) => XML_ENTITIES[ch]!);
}

/**
 * Markdown inline text, on one line. Escapes only what CommonMark and GFM would act on, so
 * ordinary prose reads as typed (`1.4`, `de-conflict`, `(see p. 3)` stay as they are):
 * - anywhere: `\\`, code spans, emphasis, links and images (`[` `]`), inline HTML and
 *   autolinks (`<` `>`), GFM tables (`|`) and strikethrough (`~`), and `&` only where it
 *   would start an entity reference;
 * - at the start of the text, where it would open a block: a heading (`#` to `######` before
 *   a space), a list item (`-`, `+`, or `12.` / `12)` before a space), a thematic break
 *   (`---`), or a line of `=` (a setext underline).
 */
export function markdown(text: string): string {
  return oneLineText(text)
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^(?:#(?=#{0,5}(?:\s|$))|\+(?=\s|$)|=(?==*\s*$)|-(?=\s|$|-))/, (ch) => `\\${ch}`)
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Undo `markdown()`: used when importing text that we (or a Markdown editor) escaped. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+=\-.!|<>&~"'])/g, '$1');
}

/*
 * Spreadsheet formulas. A reader may split a CSV line on `,`, on `;` (Excel in many European
 * locales) or on tab, and may ignore quotes; so any character after one of those (or a line
 * end, or the start of the field), past any spaces, can start a cell it evaluates. Wherever
 * such a cell would start with = + - @ (or their full-width forms), an apostrophe goes in
 * front, which keeps it text. Apostrophes already there get one more, so `restoreCsvText`
 * undoes exactly what `inertCsvText` did: `'=x` survives a round trip.
 */
const FORMULA_AT_CELL_START = /(^|[,;\t\r\n])( *)(?='*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;
const GUARDED_AT_CELL_START = /(^|[,;\t\r\n])( *)'(?='*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;

/** Text no spreadsheet evaluates, whatever delimiter it reads with. */
export function inertCsvText(text: string): string {
  return text.replace(FORMULA_AT_CELL_START, "$1$2'");
}

/** The text `inertCsvText` was given. */
export function restoreCsvText(text: string): string {
  return text.replace(GUARDED_AT_CELL_START, '$1$2');
}

/**
 * One RFC 4180 field, made inert (inertCsvText). Quoted when it holds a quote, CR or LF, or a
 * delimiter of any common locale (comma, semicolon, tab); inner quotes doubled.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : inertCsvText(cleanText(value));
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Graphviz quoted string. Backslash is escaped first so that user text can never form
 * Graphviz escapes such as \N or \G; newlines become the centred-line escape.
 */
export function dotString(text: string): string {
  const body = cleanText(text)
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\t/g, ' ');
  return `"${body}"`;
}

/**
 * Mermaid quoted label. Mermaid reads `#name;` and `#123;` as entity codes, so every
 * character outside letters, digits and a few plain punctuation marks becomes `#<code>;`.
 * The label then holds no quote, bracket, pipe, angle bracket or semicolon Mermaid could act on.
 */
export function mermaidLabel(text: string): string {
  const flat = oneLineText(text);
  let out = '';
  for (const ch of flat) {
    if (/[\p{L}\p{N} ,.:?!/()_+=*-]/u.test(ch) && !/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(ch)) out += ch;
    else out += `#${ch.codePointAt(0)};`;
  }
  return `"${out}"`;
}

/**
 * A Mermaid node id from one of our ids. Ours are [A-Za-z0-9_-]; the map below is
 * injective and keeps Mermaid from reading `-` as part of an arrow or an id as a keyword.
 */
export function mermaidId(id: string): string {
  return `n_${id.replace(/_/g, '__').replace(/-/g, '_h')}`;
}
