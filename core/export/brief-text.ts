/**
 * How a brief words each judged value, link, position and quote so that a reader without the
 * app can tell what a source states from what someone assumed: every value is followed by its
 * basis in brackets ("Likelihood 4/5 (assumption)"), a blank score reads "unscored", a value
 * a report-only brief leaves out says so, and a contradicting quote is evidence against.
 * The Markdown, HTML and PDF briefs all use these words (through brief-blocks.ts).
 */
import {
  BASES,
  BASIS_MEANINGS,
  HOLDER_LABELS,
  HOLDER_MEANINGS,
  RELATION_LABELS,
  SOURCED_BASES,
  STANCE_HOLDERS,
  type Actor,
  type Basis,
  type EdgeKind,
  type GraphNode,
  type JudgedNodeField,
  type ProvenanceRelation,
} from '../model';
import type { ExportHeader } from './audience';
import { UNSCORED, type GapKind } from '../analysis';
import type { AcceptedGapEntry, Citation, ElementLink, StanceRow } from './brief-data';
import { EDGE_STYLE } from './style';

/** The key printed at the head of every brief: what each basis, each holder and each quote relation means. */
export interface BriefKey {
  intro: string;
  bases: string[];
  positions: string;
  holders: string[];
  quotes: string;
}

export function briefKey(header: ExportHeader): BriefKey {
  // A report-only brief holds nothing that rests on an assumption or a planner's entry, so its key does not list them.
  const bases = BASES.filter((b) => !header.reportOnly || SOURCED_BASES.includes(b)).map((b) => `(${b}): ${BASIS_MEANINGS[b]}.`);
  bases.push(`${UNSCORED}: a likelihood or severity nobody has scored; no analysis treats it as a number.`);
  if (header.reportOnly) bases.push("left out (not from a source): this report-only brief leaves out a value that rests on an assumption or a planner's entry.");
  return {
    intro: 'Every score, horizon, lead actor, status, lead time, link and confidence is followed by its basis in brackets, e.g. "Likelihood: 4/5 (report)":',
    bases,
    positions: 'Each position on an element says who holds it, as of when, and on what basis; in the consensus table, who holds it follows the position, e.g. "agree (participant)":',
    holders: STANCE_HOLDERS.map((h) => `${h}: ${HOLDER_MEANINGS[h]}.`),
    quotes: `Each quote says how it bears on its element: it ${RELATION_LABELS.supports} it, is ${RELATION_LABELS.contradicts} it (shown as such, never as support), or gives ${RELATION_LABELS.context}.`,
  };
}

/** ` (assumption)`, or a plain statement that nobody recorded one. */
export function basisTag(basis: Basis | undefined): string {
  return basis ? ` (${basis})` : ' (basis not recorded)';
}

const LEFT_OUT = 'left out (not from a source)';

function withheld(header: ExportHeader, node: GraphNode, field: JudgedNodeField): boolean {
  return header.withheld.get(node.id)?.includes(field) ?? false;
}

/** One judged value with its basis; null when the field is unset and nothing was withheld. */
function judged(header: ExportHeader, node: GraphNode, field: JudgedNodeField, label: string, value: string | null, blank: string | null): string | null {
  if (withheld(header, node, field)) return `${label}: ${LEFT_OUT}`;
  if (value === null) return blank === null ? null : `${label}: ${blank}`;
  return `${label}: ${value}${basisTag(node.basis[field])}`;
}

/** "Japan, JP": an actor's name and code, without brackets (the basis takes those). */
export function actorLabel(actor: Actor | undefined, id: string): string {
  return actor ? `${actor.name}, ${actor.code}` : id;
}

/** The facts line of an element: each set judged value with its basis, in a fixed order. */
export function elementFacts(node: GraphNode, actors: ReadonlyMap<string, Actor>, header: ExportHeader): string[] {
  const facts: (string | null)[] = [];
  const score = (v: number | null): string | null => (v === null ? null : `${v}/5`);
  if (node.kind === 'trigger' || node.kind === 'crisis') facts.push(judged(header, node, 'likelihood', 'Likelihood', score(node.likelihood), UNSCORED));
  if (node.kind === 'impact') facts.push(judged(header, node, 'severity', 'Severity', score(node.severity), UNSCORED));
  facts.push(judged(header, node, 'horizon', 'Horizon', node.horizon, null));
  if (node.kind === 'response') {
    const lead = node.leadActorId === null ? null : actorLabel(actors.get(node.leadActorId), node.leadActorId);
    facts.push(judged(header, node, 'leadActorId', 'Lead', lead, 'none'));
    if (node.supportingActorIds.length) facts.push(`Supporting: ${node.supportingActorIds.map((a) => actors.get(a)?.code ?? a).join(', ')}`);
    facts.push(statusFact(node, header));
    facts.push(judged(header, node, 'leadTime', 'Lead time', node.leadTime, null));
  }
  if (node.kind === 'trigger' && node.unavertable) facts.push('Unavertable: no response can avert it');
  if (node.gapAccepted !== null) facts.push(node.gapAccepted.trim() ? `Gap accepted: ${node.gapAccepted.trim()}` : 'Gap accepted');
  if (node.tags.length) facts.push(`Tags: ${node.tags.join(', ')}`);
  return facts.filter((f): f is string => f !== null);
}

/** "Status: agreed, as of 2016-06-28 (report)": the date says when the status was true. */
export function statusFact(node: GraphNode, header: ExportHeader): string | null {
  const value = node.responseStatus === null ? null : `${node.responseStatus}${node.statusAsOf ? `, as of ${node.statusAsOf}` : ', undated'}`;
  return judged(header, node, 'responseStatus', 'Status', value, null);
}

/** The status cell of the responses-by-lead table: the status, its date and its basis. */
export function statusCell(node: GraphNode, header: ExportHeader): string {
  return statusFact(node, header)?.replace(/^Status: /, '') ?? '';
}

/** The lead cell of the responses-by-lead table: the basis of this response's lead. */
export function leadCell(node: GraphNode, lead: Actor | null, header: ExportHeader): string {
  if (withheld(header, node, 'leadActorId')) return LEFT_OUT;
  return lead ? `${actorLabel(lead, lead.id)}${basisTag(node.basis.leadActorId)}` : 'no lead';
}

const INCOMING: Record<EdgeKind, string> = { 'leads-to': 'follows from', averts: 'averted by', contains: 'contained by' };

/** `leads to X ("label"; link: inferred; confidence high (assumption))`, or the incoming wording. */
export function linkText(link: ElementLink): string {
  const { edge } = link;
  const verb = link.direction === 'out' ? EDGE_STYLE[edge.kind].label : INCOMING[edge.kind];
  const extra = [
    edge.label.trim() ? `"${edge.label.trim()}"` : '',
    `link: ${edge.basis.kind ?? 'basis not recorded'}`,
    edge.confidence ? `confidence ${edge.confidence}${basisTag(edge.basis.confidence)}` : '',
  ].filter(Boolean);
  return `${verb} ${link.other.title} (${extra.join('; ')})`;
}

/** A consensus cell: the position and who holds it, e.g. "agree (participant)". */
export function consensusCell(row: StanceRow['stance'] | null): string {
  if (!row || row.position === 'unknown') return '–';
  return `${row.position} (${row.holder})`;
}

/** One position, in full: holder, date, basis, note, and the quote it cites. */
export function positionText(row: StanceRow): string {
  const s = row.stance;
  const parts = [`${row.actor.code} on ${row.node.title}: ${s.position}`];
  parts.push(`${HOLDER_LABELS[s.holder]}, ${s.asOf ? `as of ${s.asOf}` : 'undated'}${basisTag(s.basis)}.`);
  if (s.note.trim()) parts.push(`Note: ${sentence(s.note.trim())}`);
  if (row.citation) parts.push(`Cites: "${row.citation.quote.trim()}" (${citationPlace(row.citation)}; ${RELATION_LABELS[row.citation.relation]})`);
  return `${parts[0]} — ${parts.slice(1).join(' ')}`;
}

export function citationPlace(c: Citation): string {
  return [c.source?.title ?? '(unknown source)', c.locator.trim()].filter(Boolean).join(', ');
}

/** Under a quote: where it is from, and how it bears on its element ("evidence against X"). */
export function quoteAttribution(c: Citation): string {
  const bearing = c.relation === 'context' ? `${RELATION_LABELS.context} for` : RELATION_LABELS[c.relation];
  return `${citationPlace(c)} — ${bearing} ${c.node.title}`;
}

/** The words that open a quote that does not support its element, so it never reads as support. */
export function quoteLead(relation: ProvenanceRelation): string {
  return relation === 'contradicts' ? 'Evidence against: ' : relation === 'context' ? 'Context: ' : '';
}

/** Text that ends as a sentence, so what follows it does not run on. */
const sentence = (text: string): string => (/[.!?…)"”]$/.test(text) ? text : `${text}.`);

const GAP_WORDS: Record<GapKind, string> = {
  'uncontained-impact': 'no response contains it',
  'unaverted-trigger': 'no response averts it',
  'unaverted-crisis': 'no response averts it',
  'response-without-lead': 'no lead actor',
  'orphaned-response': 'averts or contains nothing',
};

/** "Crane collapse (no response averts it) — unavertable: no response can avert it". Without notes a planner's reason is left out and said to be. */
export function acceptedGapText(gap: AcceptedGapEntry, header: ExportHeader): string {
  const reason = gap.because === 'accepted' && !header.notes ? 'reason left out of this export' : gap.reason;
  return `${gap.node.title} (${GAP_WORDS[gap.kind]}) — ${gap.because === 'unavertable' ? 'unavertable' : 'accepted'}: ${reason}`;
}
