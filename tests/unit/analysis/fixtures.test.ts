/**
 * The benchmark's document generator: the analyses are only measured on files the app could
 * really hold, so the generator itself must produce valid, reproducible documents.
 */
import { describe, expect, it } from 'vitest';
import { generateDocument } from '../../../bench/fixtures';
import { cascade, coverageGaps } from '../../../core/analysis';
import { ScenarioDocument, documentIssues } from '../../../core/model';

describe('generateDocument', () => {
  it('produces a schema-valid document with no referential or connection-rule issues', () => {
    const doc = generateDocument({ crises: 3, nodesPerCrisis: 200, edgeFactor: 1.5, seed: 7 });
    expect(() => ScenarioDocument.parse(doc)).not.toThrow();
    expect(documentIssues(doc, 1)).toEqual([]);
    expect(doc.nodes).toHaveLength(600);
    expect(doc.edges).toHaveLength(900); // round(200 × 1.5) per crisis
    expect(doc.crises.map((c) => c.id)).toEqual(['crisis-0', 'crisis-1', 'crisis-2']);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const options = { crises: 2, nodesPerCrisis: 100, edgeFactor: 1.5, seed: 42 };
    expect(JSON.stringify(generateDocument(options))).toBe(JSON.stringify(generateDocument(options)));
    expect(JSON.stringify(generateDocument({ ...options, seed: 43 }))).not.toBe(JSON.stringify(generateDocument(options)));
  });

  it('builds the 20k-node, 30k-edge benchmark file, with gaps and cycles to find', () => {
    const doc = generateDocument({ crises: 10, nodesPerCrisis: 2000, edgeFactor: 1.5, seed: 1 });
    expect(doc.nodes).toHaveLength(20_000);
    expect(doc.edges).toHaveLength(30_000);
    expect(documentIssues(doc, 1)).toEqual([]);
    const gaps = coverageGaps(doc).counts;
    for (const count of Object.values(gaps)) expect(count).toBeGreaterThan(0);
    const triggers = doc.nodes.filter((n) => n.kind === 'trigger').map((n) => n.id);
    expect(cascade(doc, triggers).reached.some((e) => e.inCycle)).toBe(true);
  });

  it('refuses a crisis too small to hold one node of each kind', () => {
    expect(() => generateDocument({ crises: 1, nodesPerCrisis: 3, edgeFactor: 1, seed: 1 })).toThrow(RangeError);
  });
});
