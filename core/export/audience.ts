/**
 * Cutting an export for its audience, and the handling marking it carries. Every exporter
 * starts from `cutForAudience`: the document it returns holds only what this audience may
 * see, and the `ExportHeader` says what was left out, so a brief can say so at its head.
 */
import {
  FULL_AUDIENCE,
  JUDGED_NODE_FIELDS,
  SOURCED_BASES,
  type Actor,
  type Basis,
  type ExportAudience,
  type GraphEdge,
  type GraphNode,
  type JudgedNodeField,
  type ScenarioDocument,
  type Stance,
} from '../model';
import { oneLineText } from './text';

/** The marking an export prints: the scenario's own, or the CLI's override of it. */
export interface MarkingOverride {
  marking?: string;
  caveat?: string;
}

export interface ExportHeader {
  /** The marking and its caveat, each one line; empty when the scenario is unmarked. */
  marking: string[];
  /** Actors whose stances this export leaves out, in actor order. */
  leftOut: Actor[];
  /** Stance notes and accepted-gap reasons are included. */
  notes: boolean;
  /** Only what a cited source states, or what is inferred from one, is included (basis in SOURCED_BASES). */
  reportOnly: boolean;
  /** Report only: per node id, the judged values left out because no source grounds them. */
  withheld: ReadonlyMap<string, readonly JudgedNodeField[]>;
}

export interface AudienceCut {
  doc: ScenarioDocument;
  header: ExportHeader;
}

/**
 * The marking lines of a scenario, after any override. An override may change a marking but
 * never remove one: a file whose marking is set never exports unmarked.
 */
export function markingLines(doc: ScenarioDocument, override: MarkingOverride = {}): string[] {
  const marking = oneLineText(override.marking?.trim() || doc.scenario.marking);
  const caveat = oneLineText(override.caveat?.trim() || doc.scenario.markingCaveat);
  return [marking, caveat].filter((line) => line.length > 0);
}

/** The marking as one line, e.g. `CONFIDENTIAL // REL TO USA, JPN`, or '' when unmarked. */
export function markingBanner(lines: readonly string[]): string {
  return lines.join(' // ');
}

/**
 * The document as this audience sees it: stances only of the chosen actors; without notes,
 * stance notes and the reasons gaps were accepted are blanked (the gap stays accepted). Report
 * only (`reportOnly`, which implies no notes): every judged value, link and stance whose basis
 * is not in SOURCED_BASES (`report`, `inferred`) is left out: a node's value becomes blank and
 * is listed in `header.withheld`, an edge whose kind rests on no source is dropped, its
 * confidence blanked when only that does, a stance dropped. Titles, descriptions, summaries and
 * every quote stay: they say what an element is and what the source says. Unknown actor ids
 * (say, an actor deleted since the choice was remembered) are ignored.
 */
export function cutForAudience(doc: ScenarioDocument, audience: ExportAudience = FULL_AUDIENCE, override: MarkingOverride = {}): AudienceCut {
  const actorOrder = [...doc.actors].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  const chosen = audience.actorIds === null ? null : new Set(audience.actorIds);
  const leftOut = chosen === null ? [] : actorOrder.filter((a) => !chosen.has(a.id));
  const shown = (actorId: string): boolean => chosen === null || chosen.has(actorId);
  const reportOnly = audience.reportOnly;
  const notes = audience.notes && !reportOnly;
  const stances = doc.stances
    .filter((s) => shown(s.actorId) && (!reportOnly || sourced(s.basis)))
    .map((s): Stance => (notes ? s : { ...s, note: '' }))
    .filter((s) => s.position !== 'unknown' || s.note !== '');
  const withheld = new Map<string, JudgedNodeField[]>();
  let nodes = notes ? doc.nodes : doc.nodes.map((n) => (n.gapAccepted ? { ...n, gapAccepted: '' } : n));
  let edges = doc.edges;
  if (reportOnly) {
    nodes = nodes.map((n) => reportedNode(n, withheld));
    edges = edges.flatMap((e) => reportedEdge(e));
  }
  const marking = markingLines(doc, override);
  // The lossless JSON carries the marking as data: with an override, the overriding one.
  const scenario = { ...doc.scenario, marking: override.marking?.trim() || doc.scenario.marking, markingCaveat: override.caveat?.trim() || doc.scenario.markingCaveat };
  const cut: ScenarioDocument = { ...doc, scenario, nodes, edges, stances };
  return { doc: cut, header: { marking, leftOut, notes, reportOnly, withheld } };
}

const sourced = (basis: Basis | undefined): boolean => basis !== undefined && SOURCED_BASES.includes(basis);

/** A node with only its sourced judged values; the others blank, and noted in `withheld`. */
function reportedNode(n: GraphNode, withheld: Map<string, JudgedNodeField[]>): GraphNode {
  const out: GraphNode = { ...n, basis: { ...n.basis } };
  const left: JudgedNodeField[] = [];
  for (const field of JUDGED_NODE_FIELDS) {
    if (n[field] === null || sourced(n.basis[field])) continue;
    out[field] = null;
    delete out.basis[field];
    left.push(field);
  }
  // A status date dates the status: without the status it has nothing to date.
  if (out.responseStatus === null) out.statusAsOf = null;
  if (left.length === 0) return n;
  withheld.set(n.id, left);
  return out;
}

/** An edge whose kind a source grounds, with its confidence only if a source grounds that too. */
function reportedEdge(e: GraphEdge): GraphEdge[] {
  if (!sourced(e.basis.kind)) return [];
  if (e.confidence === null || sourced(e.basis.confidence)) return [e];
  return [{ ...e, confidence: null, basis: { kind: e.basis.kind } }];
}

/** What an export header says about its audience, one sentence per point; empty for a full export. */
export function audienceNotes(header: ExportHeader): string[] {
  const out: string[] = [];
  if (header.leftOut.length > 0) out.push(`Positions of ${header.leftOut.map((a) => `${a.name} (${a.code})`).join(', ')} are left out of this export.`);
  if (header.reportOnly) {
    out.push(
      "Report only: values, links and positions that rest on an assumption or on a planner's entry are left out, and so are all notes. What remains is stated in a cited source (report) or inferred from one (inferred), as marked.",
    );
  } else if (!header.notes) out.push('Notes are left out.');
  return out;
}
