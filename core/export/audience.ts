/**
 * Cutting an export for its audience, and the handling marking it carries. Every exporter
 * starts from `cutForAudience`: the document it returns holds only what this audience may
 * see, and the `ExportHeader` says what was left out, so a brief can say so at its head.
 */
import { FULL_AUDIENCE, type Actor, type ExportAudience, type ScenarioDocument } from '../model';
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
  /** Only what a cited source states is included. */
  reportOnly: boolean;
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
 * stance notes and the reasons gaps were accepted are blanked. Unknown actor ids (say, an
 * actor deleted since the choice was remembered) are ignored.
 */
export function cutForAudience(doc: ScenarioDocument, audience: ExportAudience = FULL_AUDIENCE, override: MarkingOverride = {}): AudienceCut {
  const actorOrder = [...doc.actors].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  const chosen = audience.actorIds === null ? null : new Set(audience.actorIds);
  const leftOut = chosen === null ? [] : actorOrder.filter((a) => !chosen.has(a.id));
  const shown = (actorId: string): boolean => chosen === null || chosen.has(actorId);
  const stances = doc.stances
    .filter((s) => shown(s.actorId))
    .map((s) => (audience.notes ? s : { ...s, note: '' }))
    .filter((s) => s.position !== 'unknown' || s.note !== '');
  const marking = markingLines(doc, override);
  // The lossless JSON carries the marking as data: with an override, the overriding one.
  const scenario = { ...doc.scenario, marking: override.marking?.trim() || doc.scenario.marking, markingCaveat: override.caveat?.trim() || doc.scenario.markingCaveat };
  const cut: ScenarioDocument = { ...doc, scenario, stances };
  return { doc: cut, header: { marking, leftOut, notes: audience.notes, reportOnly: audience.reportOnly } };
}

/** What an export header says about its audience, one sentence per point; empty for a full export. */
export function audienceNotes(header: ExportHeader): string[] {
  const out: string[] = [];
  if (header.leftOut.length > 0) out.push(`Positions of ${header.leftOut.map((a) => `${a.name} (${a.code})`).join(', ')} are left out of this export.`);
  if (!header.notes) out.push('Notes are left out.');
  if (header.reportOnly) out.push('Only what a cited source states is included: assumptions, inferences and planner estimates are left out.');
  return out;
}
