/**
 * isSoundDocument is a fast second implementation of "zod accepts it unchanged and
 * documentIssues finds nothing". This holds it to the full path's verdict on thousands of
 * seeded mutations of real documents: any drift between the two fails here.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateDocument, seededRandom } from '../../../bench/fixtures';
import { ScenarioDocument, documentIssues, isSoundDocument } from '../../../core/model';
import { reportLibrary } from '../../../core/library';
import { validateDocument } from '../../../db';

type Path = (string | number)[];
type Mutable = Record<string | number, unknown>;

/** The full path's verdict: accepted and returned unchanged, accepted but normalised, or rejected. */
function fullVerdict(value: unknown): 'unchanged' | 'normalised' | 'rejected' {
  const parsed = ScenarioDocument.safeParse(value);
  if (!parsed.success || documentIssues(parsed.data, 1).length > 0) return 'rejected';
  return isDeepStrictEqual(parsed.data, value) ? 'unchanged' : 'normalised';
}

function allPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (path.length > 0) out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...path, k], out);
  return out;
}

function parentOf(doc: unknown, path: Path): Mutable {
  let at = doc as Mutable;
  for (const part of path.slice(0, -1)) at = at[part] as Mutable;
  return at;
}

function baseDocuments(): ScenarioDocument[] {
  // Two of the report's crises, with their stances, sources and provenance: small, so that
  // thousands of trials stay quick, and real, so every field the library uses is covered.
  const full = reportLibrary(new Date('2026-01-01T00:00:00.000Z'));
  const kept = new Set(full.crises.slice(0, 2).map((c) => c.id));
  const nodes = full.nodes.filter((n) => kept.has(n.crisisId));
  const nodeIds = new Set(nodes.map((n) => n.id));
  const library: ScenarioDocument = {
    ...full,
    crises: full.crises.filter((c) => kept.has(c.id)),
    nodes,
    edges: full.edges.filter((e) => kept.has(e.crisisId)),
    stances: full.stances.filter((st) => nodeIds.has(st.elementId)),
    provenance: full.provenance.filter((p) => nodeIds.has(p.elementId)),
  };
  const generated = generateDocument({ crises: 2, nodesPerCrisis: 12, edgeFactor: 1.5, seed: 7 });
  // Give the generated one every optional field a value somewhere, so each can be mutated.
  generated.sources.push({ id: 'src-1', title: 'Report', author: 'Pacific Forum', date: '2016', citation: 'Issues & Insights' });
  generated.provenance.push({ id: 'prov-1', elementId: generated.nodes[0]!.id, sourceId: 'src-1', locator: 'p. 3', quote: 'identify crises', relation: 'supports' });
  generated.nodes[0]!.tags = ['sea lanes', 'piracy'];
  return [library, generated];
}

describe('isSoundDocument agrees with the full zod + documentIssues validation', () => {
  const bases = baseDocuments();

  it('accepts the real documents it is given', () => {
    for (const doc of bases) {
      expect(fullVerdict(doc)).toBe('unchanged');
      expect(isSoundDocument(doc)).toBe(true);
    }
  });

  // 2,000 seeded mutations in the suite (the full path rejects about 1,700 and accepts about 300
  // as given), half the earlier 4,000 for CI's time; the verdicts are compared on every one.
  // FAST_VALIDATE_TRIALS asks for more (e.g. 20000) when the fast path changes.
  const trials = Number(process.env.FAST_VALIDATE_TRIALS ?? 2000);

  it(`gives the same verdict on ${trials} seeded mutations`, () => {
    const random = seededRandom(20261129);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const ids = (doc: ScenarioDocument): string[] => [...doc.nodes.slice(0, 6), ...doc.edges.slice(0, 3), ...doc.actors, ...doc.crises, ...doc.sources].map((x) => x.id);
    const pool: unknown[] = [
      '', ' ', 'x', ' x', 'x ', 'a'.repeat(61), 'a'.repeat(65), 'a'.repeat(121), 'a'.repeat(201), 'a'.repeat(301), 'bad id', 'ok-id_1', 'é',
      '#12345g', '#a1b2c3', '2026-01-01T00:00:00Z', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00+09:00',
      0, -0, -1, 1, 3, 5, 6, 2.5, 1e7, 1e7 + 1, -1e7, 0.005, 0.01, 10, 10.5, 10_000, 10_001, NaN, Infinity, -Infinity, 2 ** 53,
      null, undefined, true, [], ['x'], [' x'], [''], {}, { x: 0, y: 0, zoom: 1 },
      'trigger', 'crisis', 'impact', 'response', 'leads-to', 'averts', 'contains', 'low', 'high', 'agree', 'unknown',
      'idea', 'in-place', 'hours', 'years', 'draft', 'archived', 'scenario-workbench',
    ];
    const counts = { unchanged: 0, normalised: 0, rejected: 0 };
    const baseIds = new Map(bases.map((base) => [base, ids(base)]));
    for (let trial = 0; trial < trials; trial++) {
      const base = pick(bases);
      const doc = structuredClone(base);
      const steps = 1 + Math.floor(random() * 2);
      for (let s = 0; s < steps; s++) mutate(doc, random, pick, baseIds.get(base)!, pool);
      const verdict = fullVerdict(doc);
      counts[verdict]++;
      if (isSoundDocument(doc) !== (verdict === 'unchanged')) {
        throw new Error(`disagreement on trial ${trial}: full path says ${verdict}; first issue ${JSON.stringify(firstIssue(doc))}`);
      }
    }
    // Both verdicts must be well represented, or the test proves nothing.
    console.log(`fast-validate: ${trials} mutations, ${JSON.stringify(counts)}`);
    expect(counts.unchanged).toBeGreaterThan(trials / 10);
    expect(counts.rejected).toBeGreaterThan(trials * 0.375);
    // A fixed amount of work (no timing is asserted); on a machine shared by many runs it can take
    // longer than the 30 s default, which would report a timeout and hide the verdicts.
  }, 60_000 + trials * 30);

  it('leaves normalising to the full path: a padded title is not "sound as given" but imports trimmed', () => {
    const doc = structuredClone(bases[1]!);
    doc.nodes[2]!.title = '  Refugee flows across the Yellow Sea ';
    expect(isSoundDocument(doc)).toBe(false);
    expect(validateDocument(doc).nodes[2]!.title).toBe('Refugee flows across the Yellow Sea');
  });

  it('rejects a wrong edge kind, an edge across crises and a duplicate stance', () => {
    const doc = bases[1]!;
    const wrongKind = structuredClone(doc);
    wrongKind.edges[0]!.kind = wrongKind.edges[0]!.kind === 'leads-to' ? 'contains' : 'leads-to';
    const otherCrisis = structuredClone(doc);
    otherCrisis.edges[0]!.target = otherCrisis.nodes.find((n) => n.crisisId !== otherCrisis.edges[0]!.crisisId)!.id;
    const twice = structuredClone(doc);
    twice.stances.push({ ...twice.stances[0]! });
    for (const bad of [wrongKind, otherCrisis, twice]) {
      expect(isSoundDocument(bad)).toBe(false);
      expect(fullVerdict(bad)).toBe('rejected');
    }
  });
});

function firstIssue(doc: unknown): unknown {
  const parsed = ScenarioDocument.safeParse(doc);
  return parsed.success ? documentIssues(parsed.data, 1)[0] : parsed.error.issues[0];
}

/** One random change: a field set to a pool value or another id, a key removed or added, an item duplicated or dropped. */
function mutate(doc: ScenarioDocument, random: () => number, pick: <T>(list: readonly T[]) => T, ids: string[], pool: unknown[]): void {
  const path = pick(allPaths(doc));
  const parent = parentOf(doc, path);
  const key = path[path.length - 1]!;
  const roll = random();
  if (roll < 0.45) parent[key] = pick(pool);
  else if (roll < 0.7) parent[key] = pick(ids);
  else if (roll < 0.78) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (roll < 0.84) {
    if (!Array.isArray(parent)) parent.extra = 1;
  } else if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)]));
  else parent[key] = structuredClone(parent[key]);
}
