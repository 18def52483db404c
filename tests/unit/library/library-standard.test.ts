/**
 * The library held to issue 11's standard: every judged value says its basis and rests on a
 * quote where it claims the report; every stance says who holds it and cites the words it rests
 * on; quotes say whether they support, contradict or only give context. The last block pins the
 * specific mistakes an expert review found in the first library, so they cannot come back.
 */
import { describe, expect, it } from 'vitest';
import { loadReportLibrary } from '../../../core/library';
import type { GraphNode, Provenance } from '../../../core/model';
import { DEFAULT_ACTORS, JUDGED_NODE_FIELDS, PROVENANCE_RELATIONS, isIsoDate } from '../../../core/model';

const library = loadReportLibrary();
const CORE_IDS = DEFAULT_ACTORS.map((a) => a.id);
const entries = library.crises;
const allNodes = entries.flatMap((c) => c.nodes);
const allEdges = entries.flatMap((c) => c.edges);
const allQuotes = entries.flatMap((c) => c.provenance);
const allStances = entries.flatMap((c) => c.stances);
const nodeById = new Map(allNodes.map((n) => [n.id, n]));
const quotesOn = (id: string): Provenance[] => allQuotes.filter((q) => q.elementId === id);
/** A quote that bears on the element (for or against), not one that only sets the scene. */
const evidenceOn = (id: string): Provenance[] => quotesOn(id).filter((q) => q.relation !== 'context');
const SOURCED = new Set(['report', 'inferred']);
/** The date of the Tokyo meeting's closing day: what participants said is dated to it. */
const MEETING = '2016-06-28';

describe('basis of every judged value', () => {
  it('gives every value that is set a basis, and never claims a planner entered it', () => {
    for (const node of allNodes) {
      for (const field of JUDGED_NODE_FIELDS) {
        if (node[field] === null) continue;
        expect(node.basis[field], `${node.id}.${field}`).toBeDefined();
        expect(node.basis[field], `${node.id}.${field}`).not.toBe('planner');
      }
    }
    for (const edge of allEdges) {
      expect(edge.basis.kind, edge.id).toBeDefined();
      expect(edge.basis.kind, edge.id).not.toBe('planner');
      if (edge.confidence !== null) expect(edge.basis.confidence, edge.id).toBeDefined();
    }
  });

  it('backs every value taken from the report (report or inferred) with a quote for or against on that element', () => {
    const unbacked: string[] = [];
    for (const node of allNodes) {
      for (const field of JUDGED_NODE_FIELDS) {
        const basis = node.basis[field];
        if (basis && SOURCED.has(basis) && evidenceOn(node.id).length === 0) unbacked.push(`${node.id}.${field} (${basis})`);
      }
    }
    expect(unbacked).toEqual([]);
  });

  it('backs every edge kind or confidence taken from the report with a quote on one of its ends', () => {
    const unbacked = allEdges.filter((edge) => {
      const sourced = [edge.basis.kind, edge.basis.confidence].some((b) => b !== undefined && SOURCED.has(b));
      return sourced && evidenceOn(edge.source).length + evidenceOn(edge.target).length === 0;
    });
    expect(unbacked.map((e) => e.id)).toEqual([]);
  });

  it('dates every response status taken from the report', () => {
    for (const node of allNodes.filter((n) => n.kind === 'response')) {
      const basis = node.basis.responseStatus;
      if (basis && SOURCED.has(basis)) expect(node.statusAsOf, node.id).not.toBeNull();
      if (node.statusAsOf !== null) expect(isIsoDate(node.statusAsOf), node.id).toBe(true);
    }
  });

  it('uses every basis the library can honestly claim, and marks a share of values as assumptions', () => {
    const bases = allNodes.flatMap((n) => Object.values(n.basis));
    for (const basis of ['report', 'inferred', 'assumption']) expect(bases).toContain(basis);
  });
});

describe('stances: who holds them and what they rest on', () => {
  it('records only participants\' views, each with a note saying whose and that it is not official', () => {
    expect(allStances.length).toBeGreaterThan(0);
    for (const stance of allStances) {
      const where = `${stance.actorId} on ${stance.elementId}`;
      expect(CORE_IDS, where).toContain(stance.actorId);
      expect(stance.holder, where).toBe('participant');
      expect(SOURCED.has(stance.basis), where).toBe(true);
      expect(stance.note, where).toMatch(/participant|Americans|Japanese|South Koreans|Chinese/);
      expect(stance.note, where).toMatch(/not (an?|the) [\w\s'-]*(official|government)/i);
      expect(stance.asOf, where).toBe(MEETING);
    }
  });

  it('cites, for every stance, a quote on the same element', () => {
    for (const stance of allStances) {
      const quote = allQuotes.find((q) => q.id === stance.provenanceId);
      expect(quote, `${stance.actorId} on ${stance.elementId}`).toBeDefined();
      expect(quote!.elementId).toBe(stance.elementId);
    }
  });
});

describe('quotes for and against', () => {
  it('uses all three relations', () => {
    const used = new Set(allQuotes.map((q) => q.relation));
    for (const relation of PROVENANCE_RELATIONS) expect(used.has(relation), relation).toBe(true);
  });

  it('never leaves a contradicting quote as an element\'s only evidence unless the element says so', () => {
    for (const node of allNodes) {
      const evidence = evidenceOn(node.id);
      const onlyAgainst = evidence.length > 0 && evidence.every((q) => q.relation === 'contradicts');
      if (onlyAgainst) expect(node.description, node.id).toMatch(/Evidence against:/);
    }
  });
});

describe('gaps and triggers', () => {
  it('never draws an "averts" edge to a trigger marked unavertable', () => {
    const unavertable = new Set(allNodes.filter((n) => n.unavertable).map((n) => n.id));
    expect(unavertable.size).toBeGreaterThan(0);
    expect(allEdges.filter((e) => e.kind === 'averts' && unavertable.has(e.target)).map((e) => e.id)).toEqual([]);
  });

  it('accepts a gap only where no response covers the node, and always says why', () => {
    const covered = new Set(allEdges.filter((e) => e.kind !== 'leads-to').map((e) => e.target));
    const accepted = allNodes.filter((n) => n.gapAccepted !== null);
    expect(accepted.length).toBeGreaterThan(0);
    for (const node of accepted) {
      expect(covered.has(node.id), `${node.id} is covered, yet its gap is accepted`).toBe(false);
      expect(node.gapAccepted!.trim().length, node.id).toBeGreaterThan(30);
    }
  });
});

describe('coverage of the report', () => {
  const crisisIds = new Set(entries.map((c) => c.crisis.id));
  const usedActors = new Set(allNodes.flatMap((n) => [n.leadActorId, ...n.supportingActorIds]));

  it.each([
    ['North Korean collapse and its weapons', 'nk-collapse'],
    ['China against the Philippines or Vietnam', 'scs-claimants'],
    ['terrorism', 'maritime-terrorism'],
    ['pandemic disease', 'pandemic'],
    ['Russia and Japan', 'russia-japan'],
    ['a Taiwan Strait crisis', 'taiwan-strait'],
  ])('has %s as a crisis of its own', (_name, id) => {
    expect(crisisIds.has(id)).toBe(true);
  });

  it('has the alliance\'s roles in the Taiwan Strait crisis', () => {
    const taiwan = entries.find((c) => c.crisis.id === 'taiwan-strait')!;
    const responses = taiwan.nodes.filter((n) => n.kind === 'response');
    expect(responses.some((n) => /Alliance Coordination Mechanism/.test(n.title))).toBe(true);
    expect(responses.some((n) => /alliance roles/i.test(n.title))).toBe(true);
  });

  it.each(['iaea', 'unhcr', 'adb', 'aha', 'cg', 'who'])('gives %s a part in at least one response', (actorId) => {
    expect(library.actors.some((a) => a.id === actorId)).toBe(true);
    expect(usedActors.has(actorId)).toBe(true);
  });
});

describe('what the expert review found stays fixed', () => {
  const node = (id: string): GraphNode => {
    const found = nodeById.get(id);
    if (!found) throw new Error(`no node ${id}`);
    return found;
  };

  it('no longer cites everyday search and rescue for the refugees\' boats in distress', () => {
    expect(quotesOn('nk-refugees-i1').some((q) => q.quote.includes('search and rescue'))).toBe(false);
  });

  it('marks "piracy is diminishing" as evidence against a piracy resurgence, and scores it unlikely', () => {
    const against = quotesOn('sea-lane-piracy-crisis').find((q) => q.quote.includes('piracy is diminishing'));
    expect(against?.relation).toBe('contradicts');
    expect(node('sea-lane-piracy-crisis').likelihood).toBeLessThanOrEqual(2);
  });

  it('invents no Chinese agreement with "Leave Beijing room to step back"', () => {
    expect(allStances.filter((s) => s.elementId === 'scs-clash-r4')).toEqual([]);
  });

  it('records the alliance "split" as one ROK and one Japanese participant, each with their own words', () => {
    const split = allStances.filter((s) => s.elementId === 'japan-rok-rift-i3');
    expect(split.map((s) => [s.actorId, s.position, s.holder])).toEqual([
      ['kr', 'agree', 'participant'],
      ['jp', 'disagree', 'participant'],
    ]);
    expect(new Set(split.map((s) => s.provenanceId)).size).toBe(2);
  });

  it('does not claim that planning averts a refugee exodus, that deterrence averts gray-zone pressure, or that observers avert an arms build-up', () => {
    const averts = (source: string, target: string) => allEdges.some((e) => e.source === source && e.target === target && e.kind === 'averts');
    expect(averts('nk-refugees-r2', 'nk-refugees-crisis')).toBe(false);
    expect(allEdges.filter((e) => e.source === 'ecs-grayzone-r2' && e.kind === 'averts')).toEqual([]);
    expect(allEdges.filter((e) => e.source === 'taiwan-strait-r2' && e.target === 'taiwan-strait-t3')).toEqual([]);
  });

  it('has no trigger that is a mood rather than a signpost', () => {
    const titles = allNodes.filter((n) => n.kind === 'trigger').map((n) => n.title);
    expect(titles).not.toContain('Diplomacy runs out of ideas');
    expect(titles).not.toContain('Complacency after a long calm');
    expect(titles).not.toContain('Each side misreads the other');
  });

  it('dates what the report dates: the July 2016 award and the May 2016 government in Taipei', () => {
    expect(node('scs-claimants-t1').description).toContain('July 2016');
    expect(node('scs-clash-t2').title).toContain('July 2016');
    expect(node('taiwan-strait-t1').description).toContain('May 2016');
  });
});
