/**
 * Plain-text shaping shared by every exporter: removing characters no output format can
 * carry, flattening to one line, estimating rendered width, and wrapping titles into boxes.
 */

import { normalizeText } from '../model/text';

/** Text with characters removed that XML 1.0, UTF-8 or a terminal cannot carry: the boundary's rule, applied again. */
export const cleanText = normalizeText;

/** One line: newlines and tabs become spaces, runs of whitespace collapse. */
export function oneLineText(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/** Cut to `max` characters (code points), marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    codePoint >= 0x1f300
  );
}

/**
 * Estimated width in ems. Exact metrics depend on the viewer's font, so this errs wide:
 * CJK is a full em, Latin averages a little over half an em.
 */
const NARROW = new Set([...' il.,:;\'|!'].map((c) => c.charCodeAt(0)));
const BROAD = new Set([...'MW@'].map((c) => c.charCodeAt(0)));

export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isWide(cp)) width += 1;
    else if (cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) width += 0;
    else if (NARROW.has(cp)) width += 0.3;
    else if (BROAD.has(cp) || (cp >= 0x41 && cp <= 0x5a)) width += 0.68;
    else width += 0.56;
  }
  return width;
}

export interface WrappedText {
  lines: string[];
  truncated: boolean;
}

/**
 * Greedy word wrap into at most `maxLines` lines of `maxEm` ems (the first line `firstLineEm`,
 * where something sits beside it). Words longer than a line
 * (and CJK runs, which have no spaces) break between characters. The last line carries an
 * ellipsis when text was left out.
 */
export function wrapText(text: string, maxEm: number, maxLines: number, firstLineEm: number = maxEm): WrappedText {
  const limit = (line: number) => (line === 0 ? firstLineEm : maxEm);
  const words = oneLineText(text).split(' ').filter(Boolean);
  const space = textWidthEm(' ');
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    const word = words[i]!;
    const wordWidth = textWidthEm(word);
    const width = current ? currentWidth + space + wordWidth : wordWidth;
    if (width <= limit(lines.length)) {
      current = current ? `${current} ${word}` : word;
      currentWidth = width;
      i++;
    } else if (current) {
      lines.push(current);
      current = '';
      currentWidth = 0;
    } else {
      // A single word wider than the line (or a CJK run, which has no spaces): take as many characters as fit.
      let taken = '';
      let takenWidth = 0;
      for (const ch of word) {
        const w = textWidthEm(ch);
        if (takenWidth + w > limit(lines.length) && taken) break;
        taken += ch;
        takenWidth += w;
      }
      lines.push(taken);
      if (taken.length < word.length) words[i] = word.slice(taken.length);
      else i++;
    }
  }
  if (current && lines.length < maxLines) {
    lines.push(current);
    current = '';
  }
  const truncated = i < words.length || current.length > 0;
  if (truncated && lines.length > 0) {
    // Drop characters from the end of the last line until it and the ellipsis fit.
    const chars = Array.from(lines[lines.length - 1]!);
    let width = textWidthEm(chars.join('')) + textWidthEm('…');
    while (chars.length > 0 && width > limit(lines.length - 1)) width -= textWidthEm(chars.pop()!);
    lines[lines.length - 1] = `${chars.join('').trimEnd()}…`;
  }
  return { lines, truncated };
}
