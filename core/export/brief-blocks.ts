/**
 * The brief as a list of blocks (headings, paragraphs, tables, element entries, quotes,
 * diagrams). The Markdown, HTML and PDF briefs render these same blocks, so they carry the
 * same content by construction; each renderer only decides how a block looks and escapes
 * its text for its own language.
 */
import { pushAll } from '../arrays';
import type { Actor, Position, ProvenanceRelation } from '../model';
import { audienceNotes } from './audience';
import type { BriefData, BriefSection, ElementEntry } from './brief-data';
import { acceptedGapText, briefKey, consensusCell, elementFacts, leadCell, linkText, positionText, quoteAttribution, statusCell } from './brief-text';
import { KIND_STYLE } from './style';

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
  /** A quote and how it bears on its element; a `contradicts` quote is shown as evidence against, never as support. */
  | { type: 'quote'; text: string; attribution: string; relation: ProvenanceRelation }
  | { type: 'diagram'; crisisId: string; title: string };

/** The brief's opening: title, then who prepared it, when, as of when, then what this audience does not see. */
export function briefIntro(brief: BriefData): { facts: string[]; audience: string[] } {
  const facts = [`Date: ${brief.date}`];
  if (brief.asOf) facts.push(`As of: ${brief.asOf}`);
  if (brief.author.trim()) facts.push(`Author: ${brief.author.trim()}`);
  return { facts, audience: audienceNotes(brief.header) };
}

/** Every block after the intro: the key, crisis by crisis, then the sources. */
export function briefBlocks(brief: BriefData): BriefBlock[] {
  const blocks: BriefBlock[] = [];
  const key = briefKey(brief.header);
  blocks.push(
    { type: 'heading', level: 2, text: 'Reading this brief', id: 'key' },
    { type: 'paragraph', text: key.intro },
    { type: 'list', items: key.bases },
    { type: 'paragraph', text: key.positions },
    { type: 'list', items: key.holders },
    { type: 'paragraph', text: key.quotes },
  );
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
  const actors = new Map(brief.actors.map((a) => [a.id, a]));
  const out: BriefBlock[] = [{ type: 'heading', level: 2, text: c.title, id }];
  // The diagram follows its heading directly: the PDF brief opens the crisis with the diagram page.
  if (s.elements.length > 0) out.push({ type: 'diagram', crisisId: c.id, title: c.title });
  out.push({ type: 'paragraph', text: [c.region.trim() ? `Region: ${c.region}` : '', `Status: ${c.status}`].filter(Boolean).join(' · '), muted: true });
  if (c.summary.trim()) out.push({ type: 'heading', level: 3, text: 'Summary', id: `${id}-summary` }, { type: 'paragraph', text: c.summary });

  out.push({ type: 'heading', level: 3, text: 'Elements', id: `${id}-elements` });
  if (s.elements.length === 0) out.push({ type: 'paragraph', text: 'No elements yet.', muted: true });
  for (const entry of s.elements) out.push(entryBlock(entry, actors, brief));

  out.push({ type: 'heading', level: 3, text: 'Coverage gaps', id: `${id}-gaps` });
  if (brief.header.reportOnly) out.push({ type: 'paragraph', text: 'Counted on what the sources state or ground: a link or lead left out here leaves a gap.', muted: true });
  out.push({
    type: 'list',
    items: [
      `Impacts no response contains: ${titles(s.gaps.uncontainedImpacts)}`,
      `Triggers and crises no response averts: ${titles(s.gaps.unavertedCauses)}`,
      `Responses with no lead actor: ${titles(s.gaps.leaderlessResponses)}`,
      `Responses that avert or contain nothing: ${titles(s.gaps.orphanedResponses)}`,
    ],
  });
  if (s.gaps.accepted.length > 0) {
    out.push({ type: 'paragraph', text: 'Accepted gaps, listed apart and not counted above:', muted: true });
    out.push({ type: 'list', items: s.gaps.accepted.map((g) => acceptedGapText(g, brief.header)) });
  }

  if (s.byLead.length > 0) {
    out.push({ type: 'heading', level: 3, text: 'Responses by lead actor', id: `${id}-leads` });
    out.push({
      type: 'table',
      head: ['Lead', 'Response', 'Supporting', 'Status'],
      weights: [26, 36, 14, 24],
      rows: s.byLead.flatMap((group) =>
        group.responses.map((r) => [
          { text: leadCell(r, group.lead, brief.header) },
          { text: r.title },
          { text: r.supportingActorIds.map((a) => actors.get(a)?.code ?? a).join(', ') },
          { text: statusCell(r, brief.header) },
        ]),
      ),
    });
  }

  if (s.consensus.length > 0 && brief.consensusActors.length > 0) {
    out.push({ type: 'heading', level: 3, text: 'Consensus', id: `${id}-consensus` });
    out.push({
      type: 'table',
      head: ['Element', ...brief.consensusActors.map((a) => a.code), 'Rests on'],
      weights: consensusWeights(brief.consensusActors.length),
      rows: s.consensus.map((row) => [
        { text: row.node.title },
        ...row.stances.map((st): TableCell => {
          const position = st?.position ?? 'unknown';
          return { text: consensusCell(st), position };
        }),
        { text: row.restsOn },
      ]),
    });
  }
  if (s.positions.length > 0) {
    out.push({ type: 'heading', level: 3, text: 'Positions', id: `${id}-positions` });
    out.push({ type: 'list', items: s.positions.map(positionText) });
  }

  if (s.citations.length > 0) {
    out.push({ type: 'heading', level: 3, text: 'Quotes', id: `${id}-quotes` });
    for (const cite of s.citations) {
      out.push({ type: 'quote', text: cite.quote, attribution: quoteAttribution(cite), relation: cite.relation });
    }
  }
  return out;
}

function entryBlock(entry: ElementEntry, actors: ReadonlyMap<string, Actor>, brief: BriefData): BriefBlock {
  const n = entry.node;
  return { type: 'entry', kind: KIND_STYLE[n.kind].label, title: n.title, facts: elementFacts(n, actors, brief.header), description: n.description.trim(), links: entry.links.map(linkText) };
}

/**
 * PDF column widths: with up to four actors each actor column is wide enough for "(participant)"
 * on a line of its own; with more they share 60 % of the width.
 */
const consensusWeights = (actors: number): number[] => [18, ...Array.from({ length: actors }, () => Math.min(15, 60 / Math.max(actors, 1))), 22];

const titles = (nodes: { title: string }[]): string => (nodes.length ? nodes.map((n) => n.title).join('; ') : 'none');
