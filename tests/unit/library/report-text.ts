/**
 * The source report as the library tests read it: whitespace folded the way quotes are
 * written, split into the sections under its headings. The report lives outside the repo
 * (../shared/report/), so every user of this module must cope with it being absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Beside the repository (../shared/report/), or wherever REPORT_TEXT points (for checkouts elsewhere). */
const REPORT_PATH = process.env.REPORT_TEXT ?? fileURLToPath(new URL('../../../../shared/report/us-japan-alliance-2016.txt', import.meta.url));

/** The report's section headings, in the order they appear (each is a line of its own). */
export const REPORT_HEADINGS = [
  'Acknowledgements',
  'Executive Summary',
  'Security perspectives',
  'Changes in Japanese security policy',
  'Changes in the US-Japan alliance',
  'Regional security architecture',
  'Maritime security',
  'Humanitarian assistance and disaster relief (HADR)',
  'Final thoughts',
] as const;

export interface ReportText {
  /** The whole report with every run of whitespace folded to one space. */
  folded: string;
  /** Folded text of each section, keyed by heading; absent if the heading is not a line of its own. */
  sections: Map<string, string>;
}

export const REPORT_AVAILABLE = existsSync(REPORT_PATH);

export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function readReport(): ReportText {
  const lines = readFileSync(REPORT_PATH, 'utf8').split(/\r?\n/);
  const starts: { heading: string; line: number }[] = [];
  for (const heading of REPORT_HEADINGS) {
    const line = lines.findIndex((l) => l.trim() === heading);
    if (line >= 0) starts.push({ heading, line });
  }
  starts.sort((a, b) => a.line - b.line);
  const sections = new Map<string, string>();
  starts.forEach(({ heading, line }, i) => {
    const end = starts[i + 1]?.line ?? lines.length;
    sections.set(heading, foldWhitespace(lines.slice(line + 1, end).join('\n')));
  });
  return { folded: foldWhitespace(lines.join('\n')), sections };
}

/** Sentences in a quote: a stop, then space and a capital (optionally behind an opening quote mark). */
export function sentenceCount(quote: string): number {
  return quote.split(/(?<=[.!?][”"’)]*)\s+(?=[“"‘(]?[A-Z])/).filter((s) => s.trim().length > 0).length;
}

/** Lower-case word runs of `size` words, punctuation dropped, for spotting copied phrases. */
export function wordRuns(text: string, size: number): string[] {
  const words = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9']+/)
    .filter((w) => w.length > 0);
  const runs: string[] = [];
  for (let i = 0; i + size <= words.length; i++) runs.push(words.slice(i, i + size).join(' '));
  return runs;
}
