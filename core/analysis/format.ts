/**
 * Plain-text rendering of a DocumentAnalysis for the terminal: aligned columns, one section
 * per analysis. Titles are user text, so they are flattened to one line, stripped of control
 * and bidi-override characters (which could reorder or fake what the terminal shows) and cut
 * to a readable width. Widths count UTF-16 code units, so wide CJK text may misalign.
 */
import type { DocumentAnalysis } from './analyze';
import { CONSENSUS_STATES } from './consensus';
import { GAP_KINDS, type GapKind } from './gaps';
import { pushAll } from '../arrays';
import { allCoreActors, consensusText, HOLDER_PLURALS, riskText, scoreText } from './wording';
import { STANCE_HOLDERS } from '../model';

const TITLE_WIDTH = 60;
const NAME_WIDTH = 24;

const GAP_LABEL: Record<GapKind, string> = {
  'uncontained-impact': 'impact nothing contains',
  'unaverted-trigger': 'trigger nothing averts',
  'unaverted-crisis': 'crisis nothing averts',
  'response-without-lead': 'response without a lead',
  'orphaned-response': 'response with no target',
};

export function formatAnalysisText(result: DocumentAnalysis): string {
  const crisisName = new Map(result.crises.map((c) => [c.id, printableText(c.title, NAME_WIDTH)]));
  const crisisLabel = (id: string): string => crisisName.get(id) ?? id;
  const scope =
    result.crisisId === null
      ? `whole file, ${plural(result.crises.length, 'crisis', 'crises')}`
      : `crisis ${crisisLabel(result.crisisId)} (${result.crisisId})`;
  const sections = [
    `Analysis of "${printableText(result.scenarioTitle, TITLE_WIDTH)}": ${scope}`,
    gapsSection(result, crisisLabel),
    riskSection(result, crisisLabel),
    matrixSection(result),
    consensusSection(result, crisisLabel),
    responsibilitiesSection(result, crisisLabel),
  ];
  return sections.join('\n\n') + '\n';
}

function gapsSection(result: DocumentAnalysis, crisisLabel: (id: string) => string): string {
  const { gaps, counts } = result.gaps;
  const lines = [`COVERAGE GAPS (${gaps.length})`];
  pushAll(lines, indent(alignColumns([], GAP_KINDS.map((k) => [GAP_LABEL[k], String(counts[k])]), [false, true])));
  if (gaps.length > 0) {
    lines.push('');
    const rows = gaps.map((g) => [GAP_LABEL[g.kind], crisisLabel(g.crisisId), g.nodeId, printableText(g.title, TITLE_WIDTH)]);
    pushAll(lines, indent(alignColumns(['GAP', 'CRISIS', 'ID', 'TITLE'], rows)));
  }
  const { accepted } = result.gaps;
  if (accepted.length > 0) {
    lines.push('', `ACCEPTED GAPS (${accepted.length}; not counted above)`);
    const rows = accepted.map((g) => [GAP_LABEL[g.kind], crisisLabel(g.crisisId), g.nodeId, printableText(g.title, TITLE_WIDTH), printableText(g.reason, TITLE_WIDTH)]);
    pushAll(lines, indent(alignColumns(['GAP', 'CRISIS', 'ID', 'TITLE', 'REASON'], rows)));
  }
  return lines.join('\n');
}

function riskSection(result: DocumentAnalysis, crisisLabel: (id: string) => string): string {
  const { ranking } = result.risk;
  const rated = ranking.filter((r) => r.risk !== null).length;
  const lines = [`RISK RANKING (${plural(ranking.length, 'impact', 'impacts')}, ${rated} rated; risk = likelihood × severity)`];
  if (ranking.length === 0) return lines.concat('  No impacts.').join('\n');
  const rows = ranking.map((r) => [
    r.rank === null ? '-' : String(r.rank),
    riskText(r.risk),
    scoreText(r.likelihood),
    scoreText(r.severity),
    crisisLabel(r.crisisId),
    r.nodeId,
    printableText(r.title, TITLE_WIDTH),
  ]);
  pushAll(lines, indent(alignColumns(['RANK', 'RISK', 'L', 'S', 'CRISIS', 'ID', 'TITLE'], rows, [true, true, true, true])));
  return lines.join('\n');
}

function matrixSection(result: DocumentAnalysis): string {
  const { counts, unrated } = result.risk.matrix;
  const header = ['', 'S1', 'S2', 'S3', 'S4', 'S5'];
  // Likelihood 5 on top, as risk matrices are usually drawn.
  const rows = [5, 4, 3, 2, 1].map((l) => [`L${l}`, ...counts[l - 1]!.map(String)]);
  const lines = ['RISK MATRIX (impacts per likelihood × severity cell)'];
  pushAll(lines, indent(alignColumns(header, rows, [false, true, true, true, true, true])));
  if (unrated.length > 0) lines.push(`  Unrated (likelihood or severity unscored): ${unrated.length}`);
  return lines.join('\n');
}

function consensusSection(result: DocumentAnalysis, crisisLabel: (id: string) => string): string {
  const { summary, elements } = result.consensus;
  const code = new Map(result.actors.map((a) => [a.id, printableText(a.code, NAME_WIDTH)]));
  const core = summary.coreActorIds.map((id) => code.get(id) ?? id);
  const lines = [`CONSENSUS (${plural(summary.total, 'element', 'elements')}; core actors: ${core.join(', ') || 'none'})`];
  const label: Record<(typeof CONSENSUS_STATES)[number], [string, number]> = {
    agreed: [`agreed by ${allCoreActors(core.length)}`, summary.agreed],
    split: ['contested', summary.split],
    'partly-unknown': ['partly unknown', summary.partlyUnknown],
    unasked: ['nobody has asked', summary.unasked],
  };
  pushAll(lines, indent(alignColumns([], CONSENSUS_STATES.map((s) => [label[s][0], String(label[s][1])]), [false, true])));
  if (summary.agreed > 0) {
    // Each agreed element counts once, under the weakest holder its agreement rests on.
    const rows = STANCE_HOLDERS.filter((h) => summary.agreedBy[h] > 0).map((h) => [`resting at weakest on ${HOLDER_PLURALS[h]}`, String(summary.agreedBy[h])]);
    pushAll(lines, indent(alignColumns([], rows, [false, true]), '    '));
  }
  const nameOf = (id: string): string => code.get(id) ?? id;
  const listed = elements.filter((e) => e.state === 'split' || e.state === 'agreed');
  if (listed.length > 0) {
    lines.push('', '  Agreed and contested, with what each rests on:');
    const rows = listed.map((e) => [
      e.kind,
      crisisLabel(e.crisisId),
      e.nodeId,
      printableText(e.title, TITLE_WIDTH),
      consensusText(e, summary.coreActorIds, nameOf),
    ]);
    pushAll(lines, indent(alignColumns(['KIND', 'CRISIS', 'ID', 'TITLE', 'CONSENSUS'], rows), '    '));
  }
  return lines.join('\n');
}

function responsibilitiesSection(result: DocumentAnalysis, crisisLabel: (id: string) => string): string {
  const lines = ['RESPONSIBILITIES'];
  for (const actor of result.responsibilities) {
    const crises = actor.crisisIds.map(crisisLabel).join(', ') || 'none';
    lines.push(
      `  ${printableText(actor.code, NAME_WIDTH)} ${printableText(actor.name, TITLE_WIDTH)}: leads ${actor.leads.length}, supports ${actor.supports.length}; crises: ${crises}`,
    );
    const rows = [
      ...actor.leads.map((r) => ['lead', r.status ?? '-', crisisLabel(r.crisisId), r.responseId, printableText(r.title, TITLE_WIDTH)]),
      ...actor.supports.map((r) => ['support', r.status ?? '-', crisisLabel(r.crisisId), r.responseId, printableText(r.title, TITLE_WIDTH)]),
    ];
    if (rows.length > 0) pushAll(lines, indent(alignColumns([], rows), '    '));
  }
  if (result.responsibilities.length === 0) lines.push('  No actors.');
  return lines.join('\n');
}

/** Columns padded to their widest cell; `right[i]` right-aligns column i (numbers). */
export function alignColumns(header: string[], rows: string[][], right: boolean[] = []): string[] {
  const all = header.length > 0 ? [header, ...rows] : rows;
  const widths: number[] = [];
  for (const r of all) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return all.map((r) =>
    r
      .map((cell, i) => {
        if (i === r.length - 1 && !right[i]) return cell; // no trailing spaces
        return right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
      })
      .join('  '),
  );
}

function indent(lines: string[], by = '  '): string[] {
  return lines.map((l) => by + l);
}

// C0/C1 controls, bidi embeddings/overrides/isolates and marks, line/paragraph separators, BOM.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** One line of user text, safe to print and at most `width` characters (code points). */
export function printableText(text: string, width: number): string {
  const flat = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= width ? flat : chars.slice(0, width - 1).join('') + '…';
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
