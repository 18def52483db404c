/**
 * The shape of the seeded report library (report-library.json). It is built from the core
 * schemas, so the shipped data cannot drift from the model: a crisis entry holds exactly the
 * records a scenario document holds for that crisis, with positions left at 0 for the loader.
 */
import { z } from 'zod';
import { Actor, Crisis, GraphEdge, GraphNode, IsoDate, LongText, Provenance, Source, Stance, Title } from '../model';

/**
 * Bump when the file's shape changes; the loader refuses any other version.
 * 2: basis on values, holders on stances, relations on quotes (issue 11).
 * 3: the date the library's positions and statuses describe (`asOf`).
 */
export const LIBRARY_VERSION = 3 as const;

export const LibraryCrisis = z
  .strictObject({
    crisis: Crisis,
    nodes: z.array(GraphNode).min(1),
    edges: z.array(GraphEdge),
    stances: z.array(Stance),
    provenance: z.array(Provenance),
  })
  .superRefine((entry, ctx) => {
    // Each entry must be self-contained, or inserting one crisis on its own would dangle.
    const crisisId = entry.crisis.id;
    const nodeIds = new Set(entry.nodes.map((n) => n.id));
    entry.nodes.forEach((n, i) => {
      if (n.crisisId !== crisisId) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'crisisId'], message: `belongs to "${n.crisisId}", not "${crisisId}"` });
    });
    entry.edges.forEach((e, i) => {
      if (e.crisisId !== crisisId) ctx.addIssue({ code: 'custom', path: ['edges', i, 'crisisId'], message: `belongs to "${e.crisisId}", not "${crisisId}"` });
      if (!nodeIds.has(e.source) || !nodeIds.has(e.target)) ctx.addIssue({ code: 'custom', path: ['edges', i], message: 'edge leaves its crisis' });
    });
    const quoteOn = new Map(entry.provenance.map((p) => [p.id, p.elementId]));
    entry.stances.forEach((s, i) => {
      if (!nodeIds.has(s.elementId)) ctx.addIssue({ code: 'custom', path: ['stances', i, 'elementId'], message: 'stance on a node outside its crisis' });
      if (s.provenanceId !== null && quoteOn.get(s.provenanceId) !== s.elementId) {
        ctx.addIssue({ code: 'custom', path: ['stances', i, 'provenanceId'], message: `cites "${s.provenanceId}", which is not a quote on the same node` });
      }
    });
    entry.provenance.forEach((p, i) => {
      if (!nodeIds.has(p.elementId)) ctx.addIssue({ code: 'custom', path: ['provenance', i, 'elementId'], message: 'quote for a node outside its crisis' });
    });
  });
export type LibraryCrisis = z.infer<typeof LibraryCrisis>;

export const ReportLibrary = z
  .strictObject({
    libraryVersion: z.literal(LIBRARY_VERSION),
    /** Title and description of the scenario that "New from report library" creates. */
    title: Title,
    description: LongText,
    /** The date its stances and response statuses describe (the scenario's `asOf`). */
    asOf: IsoDate.nullable(),
    /** The report itself; every quote cites it. */
    source: Source,
    actors: z.array(Actor).min(1),
    crises: z.array(LibraryCrisis).min(1),
  })
  .superRefine((library, ctx) => {
    library.crises.forEach((entry, i) => {
      entry.provenance.forEach((p, j) => {
        if (p.sourceId !== library.source.id) {
          ctx.addIssue({ code: 'custom', path: ['crises', i, 'provenance', j, 'sourceId'], message: `unknown source "${p.sourceId}"` });
        }
      });
    });
  });
export type ReportLibrary = z.infer<typeof ReportLibrary>;
