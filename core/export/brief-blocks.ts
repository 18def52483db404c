/**
 * The brief as a list of blocks (headings, paragraphs, tables, element entries, quotes,
 * diagrams). The Markdown, HTML and PDF briefs render these same blocks, so they carry the
 * same content by construction; each renderer only decides how a block looks and escapes
 * its text for its own language.
 */
import { pushAll } from '../arrays';
import type { EdgeKind, Position } from '../model';
import { audienceNotes } from './audience';
import { POSITION_TEXT, type BriefData, type BriefSection, type ElementEntry, type ElementLink } from './brief-data';
import { EDGE_STYLE, KIND_STYLE } from './style';

export interface TableCell {
  text: string;
  /** A stance cell, for renderers that colour positions. */
  position?: Position;
}

export type BriefBlock =
  | { type: 'heading'; level: 2 | 3; text: string; id: string }
  | { type: 'paragraph'; text: string; muted?: boolean }
  | { type: 'list'; items: string[] }
  /** `weights`: relative column widths for renderers that lay out columns themselves (PDF); absent: the first column wide, the rest even. */
  | { type: 'table'; head: string[]; rows: TableCell[][]; weights?: number[] }
  | { type: 'entry'; kind: string; title: string; facts: string[]; description: string; links: string[] }
  | { type: 'quote'; text: string; attribution: string; contradicts: boolean }
  | { type: 'diagram'; crisisId: string; title: string };

/** The brief's opening: title, then who prepared it and when, then what this audience does not see. */
export function briefIntro(brief: BriefData): { facts: string[]; audience: string[] } {
  const facts = [`Date: ${brief.date}`];
  if (brief.author.trim()) facts.push(`Author: ${brief.author.trim()}`);
  return { facts, audience: audienceNotes(brief.header) };
}

/** Every block after the intro, crisis by crisis, then the sources. */
export function briefBlocks(brief: BriefData): BriefBlock[] {
  const blocks: BriefBlock[] = [];
  if (brief.sections.length === 0) blocks.push({ type: 'paragraph', text: 'Nothing in this export.', muted: true });
  brief.sections.forEach((section, i) => pushAll(blocks, sectionBlocks(section, brief, i + 1)));
  if (brief.sources.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Sources', id: 'sources' });
    blocks.push({ type: 'list', items: brief.sources.map((s) => [s.title, [s.author, s.date].filter((x) => x.trim()).join(', '), s.citation].filter((x) => x.trim()).join('. ')) });
  }
  return blocks;
}

/** The contents: every level-2 heading, in order. */
export function briefContents(blocks: readonly BriefBlock[]): { text: string; id: string }[] {
  return blocks.flatMap((b) => (b.type === 'heading' && b.level === 2 ? [{ text: b.text, id: b.id }] : []));
}

function sectionBlocks(s: BriefSection, brief: BriefData, n: number): BriefBlock[] {
  const c = s.graph.crisis;
  const id = `crisis-${n}`;
  const out: BriefBlock[] = [{ type: 'heading', level: 2, text: c.title, id }];
  // The diagram follows its heading directly: the PDF brief opens the crisis with the diagram page.
  if (s.elements.length > 0) out.push({ type: 'diagram', crisisId: c.id, title: c.title });
  out.push({ type: 'paragraph', text: [c.region.trim() ? `Region: ${c.region}` : '', `Status: ${c.status}`].filter(Boolean).join(' · '), muted: true });
  if (c.summary.trim()) out.push({ type: 'heading', level: 3, text: 'Summary', id: `${id}-summary` }, { type: 'paragraph', text: c.summary });

  out.push({ type: 'heading', level: 3, text: 'Elements', id: `${id}-elements` });
  if (s.elements.length === 0) out.push({ type: 'paragraph', text: 'No elements yet.', muted: true });
  for (const entry of s.elements) out.push(entryBlock(entry, brief));

  out.push({ type: 'heading', level: 3, text: 'Coverage gaps', id: `${id}-gaps` });
  out.push({
    type: 'list',
    items: [
      `Impacts no response contains: ${titles(s.gaps.uncontainedImpacts)}`,
      `Triggers and crises no response averts: ${titles(s.gaps.unavertedCauses)}`,
      `Responses with no lead actor: ${titles(s.gaps.leaderlessResponses)}`,
      `Responses that avert or contain nothing: ${titles(s.gaps.orphanedResponses)}`,
    ],
  });

  if (s.byLead.length > 0) {
    out.push({ type: 'heading', level: 3, text: 'Responses by lead actor', id: `${id}-leads` });
    out.push({
      type: 'table',
      head: ['Lead', 'Response', 'Supporting', 'Status'],
      weights: [24, 40, 18, 18],
      rows: s.byLead.flatMap((group) =>
        group.responses.map((r) => [
          { text: group.lead ? `${group.lead.name} (${group.lead.code})` : 'no lead' },
          { text: r.title },
          { text: r.supportingActorIds.map((a) => brief.actors.find((x) => x.id === a)?.code ?? a).join(', ') },
          { text: r.responseStatus ?? '' },
        ]),
      ),
    });
  }

  if (s.consensus.length > 0 && brief.consensusActors.length > 0) {
    out.push({ type: 'heading', level: 3, text: 'Consensus', id: `${id}-consensus` });
    out.push({
      type: 'table',
      head: ['Element', ...brief.consensusActors.map((a) => a.code)],
      rows: s.consensus.map((row) => [{ text: row.node.title }, ...row.stances.map((st): TableCell => {
        const position = st?.position ?? 'unknown';
        return { text: POSITION_TEXT[position], position };
      })]),
    });
    if (s.notes.length > 0) {
      out.push({ type: 'paragraph', text: 'Notes on positions:', muted: true });
      out.push({ type: 'list', items: s.notes.map((n) => `${n.actor.code} on ${n.node.title} (${n.stance.position}): ${n.stance.note.trim()}`) });
    }
  }

  if (s.citations.length > 0) {
    out.push({ type: 'heading', level: 3, text: 'Quotes', id: `${id}-quotes` });
    for (const cite of s.citations) {
      const where = [cite.source?.title ?? '(unknown source)', cite.locator.trim()].filter(Boolean).join(', ');
      out.push({ type: 'quote', text: cite.quote, attribution: `${where} — on ${cite.node.title}`, contradicts: false });
    }
  }
  return out;
}

function entryBlock(entry: ElementEntry, brief: BriefData): BriefBlock {
  const n = entry.node;
  const facts: string[] = [];
  if (n.kind === 'trigger' || n.kind === 'crisis') facts.push(`Likelihood ${score(n.likelihood)}`);
  if (n.kind === 'impact') facts.push(`Severity ${score(n.severity)}`);
  if (n.horizon) facts.push(`Horizon: ${n.horizon}`);
  if (n.kind === 'response') {
    const lead = brief.actors.find((a) => a.id === n.leadActorId);
    facts.push(`Lead: ${lead ? `${lead.name} (${lead.code})` : 'none'}`);
    if (n.supportingActorIds.length) facts.push(`Supporting: ${n.supportingActorIds.map((a) => brief.actors.find((x) => x.id === a)?.code ?? a).join(', ')}`);
    if (n.responseStatus) facts.push(`Status: ${n.responseStatus}`);
    if (n.leadTime) facts.push(`Lead time: ${n.leadTime}`);
  }
  if (n.tags.length) facts.push(`Tags: ${n.tags.join(', ')}`);
  return { type: 'entry', kind: KIND_STYLE[n.kind].label, title: n.title, facts, description: n.description.trim(), links: entry.links.map(linkText) };
}

const INCOMING: Record<EdgeKind, string> = { 'leads-to': 'follows from', averts: 'averted by', contains: 'contained by' };

function linkText(link: ElementLink): string {
  const verb = link.direction === 'out' ? EDGE_STYLE[link.edge.kind].label : INCOMING[link.edge.kind];
  const extra = [link.edge.label.trim() ? `"${link.edge.label.trim()}"` : '', link.edge.confidence ? `confidence ${link.edge.confidence}` : ''].filter(Boolean);
  return `${verb} ${link.other.title}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

const score = (value: number | null): string => (value === null ? 'unscored' : `${value}/5`);
const titles = (nodes: { title: string }[]): string => (nodes.length ? nodes.map((n) => n.title).join('; ') : 'none');
