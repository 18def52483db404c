/**
 * The words the analyses are read in, one source for the Analysis panel, the CLI and every
 * brief: a blank score is "unscored" (never a number), and a consensus says what it rests on
 * ("agreed by all four (official)" is not "all four participants agree") and names its
 * weakest holder. Rules: docs/analysis.md.
 */
import { HOLDER_LABELS, STANCE_HOLDERS, type Position, type StanceHolder } from '../model';
import type { ConsensusHolders, ConsensusSummary, ElementConsensus } from './consensus';

/** A likelihood or severity nobody has set. */
export const UNSCORED = 'unscored';
/** A risk that cannot be computed because a likelihood or severity is unscored. */
export const UNRATED = 'unrated';

/** A 1–5 score as text; a blank one is "unscored", never 0 or a dash. */
export function scoreText(score: number | null): string {
  return score === null ? UNSCORED : String(score);
}

/** A risk (1–25) as text; "unrated" when a factor is unscored. */
export function riskText(risk: number | null): string {
  return risk === null ? UNRATED : String(risk);
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "four" for 4; digits past ten. */
export function countWord(count: number): string {
  return NUMBER_WORDS[count] ?? String(count);
}

/** "all four" for the report's four governments, "all three core actors" otherwise, "the core actor" for one. */
export function allCoreActors(coreCount: number): string {
  if (coreCount === 1) return 'the core actor';
  return `all ${countWord(coreCount)}${coreCount === 4 ? '' : ' core actors'}`;
}

/** Plural of each holder label: "official positions", "participant views", "analyst estimates". */
export const HOLDER_PLURALS: Record<StanceHolder, string> = {
  official: 'official positions',
  participant: 'participant views',
  analyst: 'analyst estimates',
};

/** "2 official positions, 1 analyst estimate": the holders of the known core positions, strongest first. */
export function holderCountsText(counts: Record<StanceHolder, number>): string {
  return STANCE_HOLDERS.filter((h) => counts[h] > 0)
    .map((h) => `${counts[h]} ${counts[h] === 1 ? HOLDER_LABELS[h] : HOLDER_PLURALS[h]}`)
    .join(', ');
}

/** The holder when every known core position has the same one; null when mixed or none. */
export function soleHolder(holders: ConsensusHolders): StanceHolder | null {
  const present = STANCE_HOLDERS.filter((h) => holders.counts[h] > 0);
  return present.length === 1 ? present[0]! : null;
}

/**
 * What an agreement rests on, in the report's words:
 * "agreed by all four (official)", "all four participants agree", "all four agree (analyst
 * estimates)", or for a mix "all four agree (2 official positions, 2 participant views)".
 */
export function agreementText(holders: ConsensusHolders, coreCount: number): string {
  const all = allCoreActors(coreCount);
  switch (soleHolder(holders)) {
    case 'official':
      return `agreed by ${all} (official)`;
    case 'participant':
      return coreCount === 1 ? "the core actor's participant agrees" : `all ${countWord(coreCount)} participants agree`;
    case 'analyst':
      return coreCount === 1 ? 'the core actor agrees (analyst estimate)' : `${all} agree (analyst estimates)`;
    default:
      return `${all} agree${coreCount === 1 ? 's' : ''} (${holderCountsText(holders.counts)})`;
  }
}

/** "weakest: CN, JP (analyst estimate)"; null when no core position is known or all share one holder. */
export function weakestText(holders: ConsensusHolders, nameOf: (actorId: string) => string): string | null {
  if (holders.weakest === null || soleHolder(holders) !== null) return null;
  return `weakest: ${holders.weakestActorIds.map(nameOf).join(', ')} (${HOLDER_LABELS[holders.weakest]})`;
}

/**
 * One line saying where the core actors stand on an element and what that rests on, starting
 * with the state: "contested: PRC (official position) disagrees". `core` are the core actor ids
 * in the order of ElementConsensus.holders.core; `nameOf` names them. Unknown stays unknown: it
 * is listed as unknown, never counted for or against.
 */
export function consensusText(element: ElementConsensus, core: readonly string[], nameOf: (actorId: string) => string): string {
  const detail = consensusDetail(element, core, nameOf);
  switch (element.state) {
    case 'unasked':
      return core.length === 0 ? 'no core actors set' : 'nobody has asked';
    case 'agreed':
      return detail!;
    case 'split':
      return `contested: ${detail!}`;
    case 'partly-unknown':
      return `partly unknown: ${detail!}`;
  }
}

/**
 * consensusText without the state word, for a view that shows the state beside it: "all four
 * participants agree", "PRC (official position) disagrees", "US agree; JP, ROK unknown". null
 * when nobody has been asked (there is nothing more to say).
 */
export function consensusDetail(element: ElementConsensus, core: readonly string[], nameOf: (actorId: string) => string): string | null {
  const { holders } = element;
  const weakest = weakestText(holders, nameOf);
  const withWeakest = (text: string): string => (weakest ? `${text}; ${weakest}` : text);
  switch (element.state) {
    case 'unasked':
      return null;
    case 'agreed':
      return withWeakest(agreementText(holders, core.length));
    case 'split': {
      const who = element.disagreeing.map((id) => `${nameOf(id)} (${holderOf(element, core, id)})`).join(', ');
      return withWeakest(`${who} disagree${element.disagreeing.length === 1 ? 's' : ''}`);
    }
    case 'partly-unknown':
      return withWeakest(positionGroups(element, core, nameOf));
  }
}

/** "US, JP agree; CN uncertain; KR unknown": the core actors grouped by position. */
function positionGroups(element: ElementConsensus, core: readonly string[], nameOf: (actorId: string) => string): string {
  const groups: [Position, string][] = [
    ['agree', 'agree'],
    ['disagree', 'disagree'],
    ['uncertain', 'uncertain'],
    ['unknown', 'unknown'],
  ];
  return groups
    .map(([position, word]) => {
      const who = core.filter((_, k) => element.holders.corePositions[k] === position);
      return who.length > 0 ? `${who.map(nameOf).join(', ')} ${word}` : null;
    })
    .filter((part): part is string => part !== null)
    .join('; ');
}

function holderOf(element: ElementConsensus, core: readonly string[], actorId: string): string {
  const holder = element.holders.core[core.indexOf(actorId)];
  return holder ? HOLDER_LABELS[holder] : 'holder unknown';
}

/**
 * The agreed count split by what it rests on: "5 agreed by all four: 1 official, 3 participant
 * views at weakest, 1 analyst estimates at weakest". Each agreed element counts once, under its weakest holder.
 */
export function agreedSummaryText(summary: ConsensusSummary): string {
  const head = `${summary.agreed} agreed by ${allCoreActors(summary.coreActorIds.length)}`;
  if (summary.agreed === 0) return head;
  const parts = STANCE_HOLDERS.filter((h) => summary.agreedBy[h] > 0).map((h) =>
    h === 'official' ? `${summary.agreedBy[h]} official` : `${summary.agreedBy[h]} resting on ${summary.agreedBy[h] === 1 ? 'a ' + HOLDER_LABELS[h] : HOLDER_PLURALS[h]}`,
  );
  return `${head}: ${parts.join(', ')}`;
}
