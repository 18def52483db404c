/**
 * The Markdown brief: the blocks of brief-blocks.ts as CommonMark with GFM tables. The
 * handling marking is the first and the last line. Every piece of user text passes through
 * `markdown()`, which escapes only what Markdown would act on (so `1.4` and `de-conflict`
 * stay as typed) and `|`, so text can neither open HTML nor break a table. Diagrams are not
 * embedded: the SVG, PNG, PDF and HTML exports carry them.
 */
import { pushAll } from '../arrays';
import { markingBanner, type ExportHeader } from './audience';
import { briefBlocks, briefContents, briefIntro, type BriefBlock } from './brief-blocks';
import { briefData, type BriefData } from './brief-data';
import { quoteLead } from './brief-text';
import { markdown as md } from './escape';
import type { ScenarioDocument } from '../model';
import type { ExportScope } from './scope';

export function renderMarkdownBrief(doc: ScenarioDocument, scope: ExportScope, header: ExportHeader): string {
  return markdownFromBrief(briefData(doc, scope, header));
}

export function markdownFromBrief(brief: BriefData): string {
  const marking = markingBanner(brief.header.marking);
  const out: string[] = [];
  if (marking) out.push(`**${md(marking)}**`, '');
  out.push(`# ${md(brief.title)}`, '');
  const intro = briefIntro(brief);
  out.push(intro.facts.map(md).join(' · '), '');
  for (const line of intro.audience) out.push(`> ${md(line)}`, '');
  if (brief.description.trim()) out.push(md(brief.description), '');
  const blocks = briefBlocks(brief);
  const contents = briefContents(blocks);
  if (contents.length > 1) pushAll(out, ['## Contents', '', ...contents.map((c, i) => `${i + 1}. ${md(c.text)}`), '']);
  for (const block of blocks) pushAll(out, blockLines(block));
  if (marking) out.push(`**${md(marking)}**`, '');
  return `${out.join('\n').trimEnd()}\n`;
}

function blockLines(b: BriefBlock): string[] {
  switch (b.type) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${md(b.text)}`, ''];
    case 'paragraph':
      return [b.muted ? `_${md(b.text)}_` : md(b.text), ''];
    case 'list':
      return [...b.items.map((item) => `- ${md(item)}`), ''];
    case 'table':
      return [
        `| ${b.head.map(md).join(' | ')} |`,
        `| ${b.head.map(() => '---').join(' | ')} |`,
        ...b.rows.map((row) => `| ${row.map((cell) => md(cell.text) || ' ').join(' | ')} |`),
        '',
      ];
    case 'entry': {
      const lines = [`**${md(b.kind)}: ${md(b.title)}**${b.facts.length ? '\\' : ''}`];
      if (b.facts.length) lines.push(b.facts.map(md).join(' · '));
      lines.push('');
      if (b.description) lines.push(md(b.description), '');
      if (b.links.length) pushAll(lines, [...b.links.map((l) => `- ${md(l)}`), '']);
      return lines;
    }
    case 'quote':
      return [`> ${quoteLead(b.relation) ? `**${md(quoteLead(b.relation).trim())}** ` : ''}${md(b.text)}`, '>', `> — ${md(b.attribution)}`, ''];
    case 'diagram':
      return [];
  }
}
