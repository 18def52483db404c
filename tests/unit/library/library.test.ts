/**
 * The seeded report library: its data validates against the core schemas, meets the issue's
 * minimums, and every quote can be found, word for word, in the section of the report it cites.
 */
import { describe, expect, it } from 'vitest';
import rawLibrary from '../../../core/library/report-library.json';
import { LIBRARY_VERSION, libraryCrises, loadReportLibrary, parseReportLibrary, reportLibrary } from '../../../core/library';
import type { GraphEdge, GraphNode } from '../../../core/model';
import { Actor, Crisis, DEFAULT_ACTORS, GraphEdge as GraphEdgeSchema, GraphNode as GraphNodeSchema, Provenance, ScenarioDocument, Source, Stance, documentIssues } from '../../../core/model';
import { REPORT_AVAILABLE, REPORT_HEADINGS, readReport, sentenceCount, wordRuns } from './report-text';

const library = loadReportLibrary();
const CORE_IDS = DEFAULT_ACTORS.map((a) => a.id);
const NO_REPORT = 'the source report ../shared/report/us-japan-alliance-2016.txt is not present in this checkout and REPORT_TEXT does not name it';
const report = REPORT_AVAILABLE ? readReport() : null;

const allNodes = library.crises.flatMap((c) => c.nodes);
const allQuotes = library.crises.flatMap((c) => c.provenance);

describe('report library data', () => {
  it('parses as the current library version and every record passes its core schema', () => {
    expect(parseReportLibrary(rawLibrary).libraryVersion).toBe(LIBRARY_VERSION);
    expect(Source.safeParse(library.source).success).toBe(true);
    for (const actor of library.actors) expect(Actor.safeParse(actor).error).toBeUndefined();
    for (const entry of library.crises) {
      expect(Crisis.safeParse(entry.crisis).error).toBeUndefined();
      for (const node of entry.nodes) expect(GraphNodeSchema.safeParse(node).error).toBeUndefined();
      for (const edge of entry.edges) expect(GraphEdgeSchema.safeParse(edge).error).toBeUndefined();
      for (const stance of entry.stances) expect(Stance.safeParse(stance).error).toBeUndefined();
      for (const quote of entry.provenance) expect(Provenance.safeParse(quote).error).toBeUndefined();
    }
  });

  it('rejects a library of another version or with a stray field', () => {
    expect(() => parseReportLibrary({ ...library, libraryVersion: LIBRARY_VERSION + 1 })).toThrow(/invalid at libraryVersion/);
    expect(() => parseReportLibrary({ ...library, libraryVersion: LIBRARY_VERSION - 1 })).toThrow(/invalid at libraryVersion/);
    expect(() => parseReportLibrary({ ...library, extra: true })).toThrow(/report library is invalid/);
  });

  it('cites the report with its full citation', () => {
    expect(library.source.author).toBe('Brad Glosserman');
    for (const part of ['The US-Japan Alliance as a Regional Problem Solving Mechanism: A Conference Report', 'Issues & Insights Vol. 16, No. 15', 'Pacific Forum CSIS', 'Tokyo', 'September 2016']) {
      expect(library.source.citation).toContain(part);
    }
  });

  it('includes the four governments exactly as new scenarios define them', () => {
    for (const core of DEFAULT_ACTORS) expect(library.actors.find((a) => a.id === core.id)).toEqual(core);
  });

  it('leaves every position at 0 for the loader to lay out', () => {
    expect(allNodes.filter((n) => n.x !== 0 || n.y !== 0)).toEqual([]);
  });

  it('forms a sound scenario document with the four governments as core actors', () => {
    const doc = reportLibrary(new Date('2026-01-02T03:04:05.000Z'));
    expect(ScenarioDocument.safeParse(doc).error).toBeUndefined();
    expect(documentIssues(doc)).toEqual([]);
    expect(doc.scenario.coreActorIds).toEqual(CORE_IDS);
    expect(doc.scenario.createdAt).toBe('2026-01-02T03:04:05.000Z');
    // The positions and statuses it records are those of the Tokyo meeting's closing day.
    expect(doc.scenario.asOf).toBe('2016-06-28');
    expect(doc.crises.map((c) => c.id)).toEqual(library.crises.map((c) => c.crisis.id));
    expect(doc.nodes).toHaveLength(allNodes.length);
    expect(doc.provenance).toHaveLength(allQuotes.length);
  });

  it('lays out each crisis of the document without overlapping boxes', () => {
    const doc = reportLibrary();
    for (const crisis of doc.crises) {
      const boxes = doc.nodes.filter((n) => n.crisisId === crisis.id);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
        }
      }
    }
  });

  it('lists its crises in library order', () => {
    expect(libraryCrises()).toEqual(library.crises.map(({ crisis }) => ({ id: crisis.id, title: crisis.title, region: crisis.region, summary: crisis.summary })));
  });

  it('hands out copies, so editing one result never changes the next', () => {
    const first = loadReportLibrary();
    first.crises[0]!.crisis.title = 'changed';
    expect(loadReportLibrary().crises[0]!.crisis.title).not.toBe('changed');
  });
});

describe('report library minimums', () => {
  it('has at least 10 crises', () => {
    expect(library.crises.length).toBeGreaterThanOrEqual(10);
  });

  it.each(library.crises.map((c) => [c.crisis.id, c] as const))('%s has one crisis, 2+ triggers, 3+ impacts, 3+ responses', (_id, entry) => {
    const count = (kind: GraphNode['kind']) => entry.nodes.filter((n) => n.kind === kind).length;
    expect(count('crisis')).toBe(1);
    expect(count('trigger')).toBeGreaterThanOrEqual(2);
    expect(count('impact')).toBeGreaterThanOrEqual(3);
    expect(count('response')).toBeGreaterThanOrEqual(3);
  });

  it.each(library.crises.map((c) => [c.crisis.id, c] as const))('%s: triggers lead to the crisis, impacts follow from it, responses act on it', (_id, entry) => {
    const crisisNode = entry.nodes.find((n) => n.kind === 'crisis')!;
    const downstream = reachable(entry.edges, crisisNode.id, 'forward');
    const upstream = reachable(entry.edges, crisisNode.id, 'backward');
    for (const node of entry.nodes) {
      if (node.kind === 'trigger') expect(upstream.has(node.id), `${node.id} does not lead to the crisis`).toBe(true);
      if (node.kind === 'impact') expect(downstream.has(node.id), `${node.id} does not follow from the crisis`).toBe(true);
      if (node.kind === 'response') expect(entry.edges.some((e) => e.source === node.id), `${node.id} averts or contains nothing`).toBe(true);
    }
  });

  it('gives every response a lead actor and at least one other supporting actor', () => {
    const actorIds = new Set(library.actors.map((a) => a.id));
    for (const response of allNodes.filter((n) => n.kind === 'response')) {
      expect(response.leadActorId, response.id).not.toBeNull();
      expect(actorIds.has(response.leadActorId!)).toBe(true);
      expect(response.supportingActorIds.length, response.id).toBeGreaterThanOrEqual(1);
      expect(response.supportingActorIds, response.id).not.toContain(response.leadActorId);
    }
  });

  it('scores every crisis for likelihood and every impact for severity, saying on what basis', () => {
    // Triggers may be left unscored; crises and impacts feed the risk matrix, so the library scores
    // them, and marks a score the report gives no ground for as the authors' assumption.
    for (const node of allNodes) {
      if (node.kind === 'crisis') expect(node.basis.likelihood, node.id).toBeDefined();
      if (node.kind === 'impact') expect(node.basis.severity, node.id).toBeDefined();
    }
  });

  it('records stances only for the four governments, with a note on what the report says', () => {
    const stances = library.crises.flatMap((c) => c.stances);
    expect(stances.length).toBeGreaterThan(0);
    for (const stance of stances) {
      expect(CORE_IDS).toContain(stance.actorId);
      expect(stance.position).not.toBe('unknown');
      expect(stance.note.trim().length).toBeGreaterThan(20);
    }
  });

  it('names only other actors that the report mentions, or that its description lists as added by the authors', () => {
    const others = library.actors.filter((a) => !CORE_IDS.includes(a.id));
    expect(others.length).toBeGreaterThanOrEqual(5);
    const added = library.description.slice(library.description.indexOf('Actors not named in the report'));
    expect(added.length).toBeGreaterThan(0);
    if (!report) return;
    for (const actor of others) {
      // Names in any case ("private sector"); codes only as written, so "IN" cannot match "in".
      const named = new RegExp(`\\b${escapeRegExp(actor.name)}\\b`, 'i').test(report.folded) || new RegExp(`\\b${escapeRegExp(actor.code)}\\b`).test(report.folded);
      const listed = new RegExp(`(?:: |, )${escapeRegExp(actor.name)}(?=,|\\.|\\s\\(|$)`).test(added);
      expect(named || listed, `${actor.name} is neither in the report nor listed as added`).toBe(true);
      if (listed) expect(named, `${actor.name} is in the report, yet listed as added`).toBe(false);
    }
  });
});

describe('report library provenance', () => {
  it('quotes the report for at least 80% of elements', () => {
    const quoted = new Set(allQuotes.map((q) => q.elementId));
    const share = allNodes.filter((n) => quoted.has(n.id)).length / allNodes.length;
    expect(share).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps every quote short (one to three sentences) and already folded', () => {
    for (const quote of allQuotes) {
      expect(quote.quote, quote.id).toBe(quote.quote.replace(/\s+/g, ' ').trim());
      expect(sentenceCount(quote.quote), quote.id).toBeGreaterThanOrEqual(1);
      expect(sentenceCount(quote.quote), quote.id).toBeLessThanOrEqual(3);
      expect(quote.quote.length, quote.id).toBeLessThanOrEqual(400);
    }
  });

  it('cites only the report\'s section headings', () => {
    for (const quote of allQuotes) expect(REPORT_HEADINGS, quote.id).toContain(quote.locator);
  });

  it.skipIf(!report)(`finds every quote verbatim in the section it cites (skipped when ${NO_REPORT})`, () => {
    for (const heading of new Set(allQuotes.map((q) => q.locator))) {
      expect(report!.sections.has(heading), `"${heading}" is not a heading line in the report`).toBe(true);
    }
    for (const quote of allQuotes) {
      expect(report!.folded.includes(quote.quote), `${quote.id} is not verbatim in the report`).toBe(true);
      expect(report!.sections.get(quote.locator)?.includes(quote.quote), `${quote.id} is not under "${quote.locator}"`).toBe(true);
    }
  });

  it.skipIf(!report)(`writes titles, descriptions and summaries in its own words (skipped when ${NO_REPORT})`, () => {
    const RUN = 7;
    const reportRuns = new Set(wordRuns(report!.folded, RUN));
    const texts = [
      ...library.crises.flatMap(({ crisis }) => [[`${crisis.id} title`, crisis.title], [`${crisis.id} summary`, crisis.summary]]),
      ...allNodes.flatMap((n) => [[`${n.id} title`, n.title], [`${n.id} description`, n.description]]),
    ] as [string, string][];
    for (const [where, text] of texts) {
      const copied = wordRuns(text, RUN).filter((run) => reportRuns.has(run));
      expect(copied, `${where} copies the report`).toEqual([]);
    }
  });
});

function reachable(edges: readonly GraphEdge[], start: string, direction: 'forward' | 'backward'): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const edge of edges) {
      if (edge.kind !== 'leads-to') continue;
      const [from, to] = direction === 'forward' ? [edge.source, edge.target] : [edge.target, edge.source];
      if (from === at && !seen.has(to)) {
        seen.add(to);
        stack.push(to);
      }
    }
  }
  return seen;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
