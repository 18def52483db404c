/**
 * The seeded contingency library from the 2016 Pacific Forum CSIS conference report: the whole
 * library as a scenario document ("New from report library"), a catalogue of its crises, and
 * the ops that insert one crisis into an open scenario ("Insert contingency from library").
 */
import { AppError } from '../errors';
import type { ScenarioDocument } from '../model';
import { DOCUMENT_FORMAT, DOCUMENT_FORMAT_VERSION, DEFAULT_ACTORS, UNMARKED, ScenarioDocument as ScenarioDocumentSchema, documentIssues, formatPath } from '../model';
import { loadReportLibrary } from './load';
import { placeCrisisNodes } from './place';

export { instantiateLibraryCrisis } from './instantiate';
export { loadReportLibrary, parseReportLibrary } from './load';
export { LIBRARY_VERSION, LibraryCrisis, ReportLibrary } from './schema';

export interface LibraryCrisisSummary {
  id: string;
  title: string;
  region: string;
  summary: string;
}

/** Every library crisis, laid out, as one validated scenario document. */
export function reportLibrary(now: Date = new Date()): ScenarioDocument {
  const library = loadReportLibrary();
  const stamp = now.toISOString();
  const doc: ScenarioDocument = {
    format: DOCUMENT_FORMAT,
    formatVersion: DOCUMENT_FORMAT_VERSION,
    scenario: {
      title: library.title,
      description: library.description,
      createdAt: stamp,
      modifiedAt: stamp,
      coreActorIds: DEFAULT_ACTORS.map((a) => a.id),
      ...UNMARKED,
      asOf: library.asOf,
      language: null,
    },
    actors: library.actors,
    crises: library.crises.map((entry) => entry.crisis),
    nodes: library.crises.flatMap((entry) => placeCrisisNodes(entry.nodes, entry.edges)),
    edges: library.crises.flatMap((entry) => entry.edges),
    stances: library.crises.flatMap((entry) => entry.stances),
    sources: [library.source],
    provenance: library.crises.flatMap((entry) => entry.provenance),
  };
  const parsed = ScenarioDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('INVALID_DATA', `The report library does not form a valid scenario: ${issue?.message ?? 'unknown problem'}`);
  }
  const [problem] = documentIssues(parsed.data, 1);
  if (problem) throw new AppError('INVALID_DATA', `The report library does not form a valid scenario at ${formatPath(problem.path)}: ${problem.message}`);
  return parsed.data;
}

/** The catalogue shown by "Insert contingency from library", in library order. */
export function libraryCrises(): LibraryCrisisSummary[] {
  return loadReportLibrary().crises.map(({ crisis }) => ({ id: crisis.id, title: crisis.title, region: crisis.region, summary: crisis.summary }));
}
