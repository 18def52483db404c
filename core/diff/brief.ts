/**
 * "What changed since the last meeting": a diff between two states as a brief, in Markdown and
 * in self-contained HTML (same CSP and escaping as the export briefs: every piece of user text
 * goes through core/export's escapers, markup is built with its builder). Canvas moves are
 * counted, and listed only when asked for.
 */
import type { ScenarioDocument } from '../model';
import { markdown } from '../export/escape';
import { fragment, htmlEl as h, text, trusted, type Markup } from '../export/markup';
import { FONT_STACK } from '../export/style';
import { diffDocuments, type DocumentDiff } from './diff';
import { describeDiff, type ChangeLine } from './describe';

export interface ChangesBriefOptions {
  /** What the two states are, in words: "snapshot "Tokyo, 5 May"" and "now". */
  fromLabel: string;
  toLabel: string;
  /** List canvas moves one by one (default: only counted). */
  listMoves?: boolean;
  title?: string;
}

interface BriefGroup {
  heading: string;
  lines: ChangeLine[];
}

interface ChangesBrief {
  title: string;
  subtitle: string;
  summary: string;
  groups: BriefGroup[];
  moves: number;
  movesListed: boolean;
}

const VERB = { added: 'Added', removed: 'Removed', changed: 'Changed', moved: 'Moved' } as const;

function buildBrief(before: ScenarioDocument, after: ScenarioDocument, options: ChangesBriefOptions, given?: DocumentDiff): ChangesBrief {
  const diff = given ?? diffDocuments(before, after);
  const lines = describeDiff(before, after, diff).filter((l) => options.listMoves || l.change !== 'moved');
  const crisisTitles = new Map([...before.crises, ...after.crises].map((c) => [c.id, c.title]));
  const groups = new Map<string, BriefGroup>();
  for (const line of lines) {
    const key = line.crisisId ?? '';
    const heading = line.crisisId ? `Crisis: ${crisisTitles.get(line.crisisId) ?? line.crisisId}` : 'Scenario, actors and sources';
    if (!groups.has(key)) groups.set(key, { heading, lines: [] });
    groups.get(key)!.lines.push(line);
  }
  const count = (n: number, what: string) => `${n} ${what}`;
  return {
    title: options.title ?? 'What changed since the last meeting',
    subtitle: `From ${options.fromLabel} to ${options.toLabel}`,
    summary: [count(diff.added.length, 'added'), count(diff.removed.length, 'removed'), count(diff.changed.length, 'changed'), count(diff.moved.length, 'moved on the canvas')].join(' · '),
    groups: [...groups.values()].sort((a, b) => (a.heading.startsWith('Scenario') ? -1 : b.heading.startsWith('Scenario') ? 1 : a.heading.localeCompare(b.heading))),
    moves: diff.moved.length,
    movesListed: options.listMoves === true,
  };
}

export function changesBriefMarkdown(before: ScenarioDocument, after: ScenarioDocument, options: ChangesBriefOptions, diff?: DocumentDiff): string {
  const brief = buildBrief(before, after, options, diff);
  const out = [`# ${markdown(brief.title)}`, '', markdown(brief.subtitle), '', `**${markdown(brief.summary)}**`, ''];
  if (brief.groups.length === 0) out.push('No changes.', '');
  for (const group of brief.groups) {
    out.push(`## ${markdown(group.heading)}`, '');
    for (const line of group.lines) {
      out.push(`- **${VERB[line.change]}** ${markdown(line.label)}`);
      for (const f of line.fields) out.push(`  - ${markdown(f.field)}: ${markdown(f.from)} → ${markdown(f.to)}`);
    }
    out.push('');
  }
  if (brief.moves > 0 && !brief.movesListed) out.push(markdown(`${brief.moves} element(s) were only moved or resized on the canvas; not listed.`), '');
  return out.join('\n');
}

const STYLESHEET = [
  `body{font-family:${FONT_STACK};color:#1d2330;max-width:960px;margin:2rem auto;padding:0 1rem;line-height:1.45}`,
  'h2{margin-top:2rem;border-bottom:1px solid #d5d9e0}.muted{color:#5b6270}.wrap{overflow-wrap:anywhere}',
  '.added{color:#1d6b3a}.removed{color:#9b2c1f}.changed{color:#7a5a00}.moved{color:#5b6270}ul ul{margin:.2rem 0 .4rem}',
].join('');

/** SHA-256 of STYLESHEET, base64, committed and checked as in core/export/html.ts (tests/unit/export/csp-hash.test.ts). */
const STYLESHEET_SHA256 = 'vT34R66GjJH6sC80BwiYZVIgerRFZAZUNwJc0K1T1BE=';

export const CHANGES_BRIEF_CSP = `default-src 'none'; style-src 'sha256-${STYLESHEET_SHA256}'; base-uri 'none'; form-action 'none'`;

export function changesBriefHtml(before: ScenarioDocument, after: ScenarioDocument, options: ChangesBriefOptions, diff?: DocumentDiff): string {
  const brief = buildBrief(before, after, options, diff);
  const body: Markup[] = [
    h('h1', { class: 'wrap' }, text(brief.title)),
    h('p', { class: 'muted wrap' }, text(brief.subtitle)),
    h('p', {}, h('strong', {}, text(brief.summary))),
  ];
  if (brief.groups.length === 0) body.push(h('p', {}, text('No changes.')));
  for (const group of brief.groups) {
    body.push(h('h2', { class: 'wrap' }, text(group.heading)));
    const items = group.lines.map((line) =>
      h(
        'li',
        { class: 'wrap' },
        h('strong', { class: line.change }, text(VERB[line.change])),
        text(` ${line.label}`),
        (line.fields.length ? [h('ul', {}, line.fields.map((f) => h('li', { class: 'wrap' }, text(`${f.field}: ${f.from} → ${f.to}`))))] : []),
      ),
    );
    body.push(h('ul', {}, items));
  }
  if (brief.moves > 0 && !brief.movesListed) body.push(h('p', { class: 'muted' }, text(`${brief.moves} element(s) were only moved or resized on the canvas; not listed.`)));
  const page = h(
    'html',
    { lang: 'en' },
    h(
      'head',
      {},
      h('meta', { charset: 'utf-8' }),
      h('meta', { 'http-equiv': 'Content-Security-Policy', content: CHANGES_BRIEF_CSP }),
      h('meta', { name: 'referrer', content: 'no-referrer' }),
      h('title', {}, text(brief.title)),
      h('style', {}, trusted(STYLESHEET)),
    ),
    h('body', {}, body),
  );
  return fragment([trusted('<!DOCTYPE html>\n'), page, trusted('\n')]);
}
