/**
 * The Markdown brief: one section per crisis with its summary, nodes by kind, coverage
 * gaps, consensus table and citations. Every piece of user text passes through
 * `markdown()`, which also escapes `<` and `|`, so text can neither open HTML nor break a table.
 */
import type { GraphNode, ScenarioDocument } from '../model';
import { actorName, briefData, type BriefData, type BriefSection } from './brief-data';
import { markdown as md } from './escape';
import type { ExportScope } from './scope';
import { pushAll } from '../arrays';

export function renderMarkdownBrief(doc: ScenarioDocument, scope: ExportScope): string {
  return markdownFromBrief(briefData(doc, scope));
}

const STANCE_MARK: Record<string, string> = { agree: 'agree', disagree: 'disagree', uncertain: 'uncertain', unknown: '–' };

export function markdownFromBrief(brief: BriefData): string {
  const out: string[] = [`# ${md(brief.title)}`, ''];
  if (brief.description.trim()) out.push(md(brief.description), '');
  if (brief.sections.length === 0) out.push('_Nothing in this export._', '');
  for (const section of brief.sections) pushAll(out, sectionLines(section, brief));
  return `${out.join('\n').trimEnd()}\n`;
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function nodeList(nodes: GraphNode[]): string {
  return nodes.length ? nodes.map((n) => md(n.title)).join('; ') : 'none';
}

function sectionLines(s: BriefSection, brief: BriefData): string[] {
  const c = s.graph.crisis;
  const out: string[] = [`## ${md(c.title)}`, ''];
  const facts = [c.region.trim() ? `Region: ${md(c.region)}` : '', `Status: ${md(c.status)}`].filter(Boolean);
  out.push(facts.join(' · '), '');
  if (c.summary.trim()) out.push(md(c.summary), '');
  if (s.triggers.length + s.crises.length > 0) {
    out.push('### Triggers and crises', '');
    pushAll(out, table(['Element', 'Kind', 'Likelihood'], [...s.triggers, ...s.crises].map((n) => [md(n.title), n.kind, score(n.likelihood)]))).push('');
  }
  if (s.impacts.length > 0) {
    out.push('### Impacts', '');
    pushAll(out, table(['Impact', 'Severity'], s.impacts.map((n) => [md(n.title), score(n.severity)]))).push('');
  }
  if (s.responses.length > 0) {
    out.push('### Responses', '');
    pushAll(
      out,
      table(
        ['Response', 'Lead', 'Supporting', 'Status'],
        s.responses.map((n) => [
          md(n.title),
          md(actorName(brief.actors, n.leadActorId) ?? 'no lead'),
          md(n.supportingActorIds.map((id) => actorName(brief.actors, id) ?? id).join(', ')),
          md(n.responseStatus ?? ''),
        ]),
      ),
    ).push('');
  }
  out.push('### Coverage gaps', '');
  out.push(`- Impacts no response contains: ${nodeList(s.gaps.uncontainedImpacts)}`);
  out.push(`- Triggers and crises no response averts: ${nodeList(s.gaps.unavertedCauses)}`);
  out.push(`- Responses with no lead actor: ${nodeList(s.gaps.leaderlessResponses)}`);
  out.push(`- Responses that avert or contain nothing: ${nodeList(s.gaps.orphanedResponses)}`, '');
  if (s.consensus.length > 0 && brief.consensusActors.length > 0) {
    out.push('### Consensus', '');
    pushAll(
      out,
      table(
        ['Element', ...brief.consensusActors.map((a) => md(a.code))],
        s.consensus.map((row) => [md(row.node.title), ...row.positions.map((p) => STANCE_MARK[p] ?? p)]),
      ),
    ).push('');
  }
  if (s.citations.length > 0) {
    out.push('### Citations', '');
    for (const cite of s.citations) {
      out.push(`> ${md(cite.quote)}`, '>', `> — ${md(cite.sourceTitle)}${cite.locator.trim() ? `, ${md(cite.locator)}` : ''} (on ${md(cite.node.title)})`, '');
    }
  }
  return out;
}

const score = (value: number | null): string => (value === null ? '–' : `${value}/5`);
