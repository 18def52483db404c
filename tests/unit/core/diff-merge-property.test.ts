/**
 * The guarantees of diff and merge, held on seeded random edit sequences applied to two copies
 * of one base: diff(A, A) is empty; applying diff(A, B) to A gives B; merging a file with itself
 * changes nothing; merge --prefer ours of (base, A, base) is A; every change on either side ends
 * up in the merge or in the conflict list; and every merge, however resolved, is a sound document.
 */
import { describe, expect, it } from 'vitest';
import { generateDocument } from '../../../bench/fixtures';
import {
  RECORD_TYPE_INFO, applyDiff, diffDocuments, getPath, isEmptyDiff, keyed, mergeDocuments,
  type MergeResult, type RecordType,
} from '../../../core/diff';
import { ScenarioDocument, documentIssues } from '../../../core/model';
import { canonicalDocument } from '../../../db';
import { randomEdits, seededRandom } from '../support/random-edits';

const TRIALS = 150;

/** The document as a reader compares it: canonical order, bookkeeping timestamps left out. */
const comparable = (doc: ScenarioDocument): unknown => {
  const c = canonicalDocument(doc);
  return { ...c, scenario: { ...c.scenario, modifiedAt: '', createdAt: '' } };
};

function baseFor(seed: number): ScenarioDocument {
  return generateDocument({ crises: 2, nodesPerCrisis: 10, edgeFactor: 1.2, seed });
}

function expectSound(doc: ScenarioDocument): void {
  expect(ScenarioDocument.safeParse(doc).success).toBe(true);
  expect(documentIssues(doc)).toEqual([]);
}

/** True when the merge result carries `side`'s version of this change, or a conflict or drop names it. */
function accountedFor(result: MergeResult, type: RecordType, id: string, field: string | null, expected: unknown): boolean {
  const merged = keyed(result.document, type).get(id);
  const named = result.conflicts.some(
    (c) => (c.type === type && c.id === id && (field === null || c.field === field || c.field === '*')) || c.dependents.some((d) => d.type === type && d.id === id),
  );
  if (named) return true;
  if (result.dropped.some((d) => d.type === type && d.id === id)) return true;
  if (field === null) return expected === undefined ? merged === undefined : merged !== undefined && JSON.stringify(merged) === JSON.stringify(expected);
  const value = merged === undefined ? undefined : getPath(merged, field);
  // An empty object is a leaf of its own (records.ts): `basis: {}` gaining a key diffs as `basis` going
  // away and `basis.x` arriving. The object filled in is that change; its keys are checked on their own.
  if (expected === undefined && value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) return true;
  return merged !== undefined && JSON.stringify(value) === JSON.stringify(expected);
}

function expectEveryChangeAccountedFor(base: ScenarioDocument, side: ScenarioDocument, result: MergeResult): void {
  const diff = diffDocuments(base, side, { layout: 'include' });
  for (const a of diff.added) expect(accountedFor(result, a.type, a.id, null, a.value), `added ${a.type} ${a.id}`).toBe(true);
  for (const r of diff.removed) expect(accountedFor(result, r.type, r.id, null, undefined), `removed ${r.type} ${r.id}`).toBe(true);
  for (const c of diff.changed) {
    for (const [field, change] of Object.entries(c.fields)) {
      expect(accountedFor(result, c.type, c.id, field, change.to), `changed ${c.type} ${c.id} ${field}`).toBe(true);
    }
  }
}

describe('semantic diff', () => {
  it('diff(A, A) is empty and applying diff(A, B) to A gives B', () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const random = seededRandom(1000 + trial);
      const a = randomEdits(baseFor(trial), 5, random);
      const b = randomEdits(a, 1 + Math.floor(random() * 25), random);
      expect(isEmptyDiff(diffDocuments(a, a))).toBe(true);
      expect(isEmptyDiff(diffDocuments(a, structuredClone(a)))).toBe(true);
      const diff = diffDocuments(a, b, { layout: 'include' });
      expect(comparable(applyDiff(a, diff))).toEqual(comparable(b));
      // In canonical order (as loaded from a file) records are paired by a merge walk, not a map.
      const [ca, cb] = [canonicalDocument(a), canonicalDocument(b)];
      expect(comparable(applyDiff(ca, diffDocuments(ca, cb, { layout: 'include' })))).toEqual(comparable(b));
      expect(isEmptyDiff(diffDocuments(ca, canonicalDocument(structuredClone(a))))).toBe(true);
      // Moves reported apart still carry everything.
      const apart = diffDocuments(a, b);
      expect(comparable(applyDiff(a, apart))).toEqual(comparable(b));
      for (const m of apart.moved) for (const f of Object.keys(m.fields)) expect(RECORD_TYPE_INFO[m.type].layout.some((l) => f === l || f.startsWith(`${l}.`))).toBe(true);
    }
  });
});

describe('three-way merge', () => {
  it('merging a file with itself changes nothing, with or without a base', () => {
    for (let trial = 0; trial < 40; trial++) {
      const random = seededRandom(2000 + trial);
      const base = baseFor(trial);
      const a = randomEdits(base, 20, random);
      for (const result of [mergeDocuments(base, a, a), mergeDocuments(null, a, a), mergeDocuments(a, a, a)]) {
        expect(result.conflicts).toEqual([]);
        expect(result.dropped).toEqual([]);
        expect(comparable(result.document)).toEqual(comparable(a));
      }
    }
  });

  it('merge --prefer ours of (base, A, base) is A, and of (base, base, B) is B without conflicts', () => {
    for (let trial = 0; trial < 60; trial++) {
      const random = seededRandom(3000 + trial);
      const base = baseFor(trial);
      const a = randomEdits(base, 1 + Math.floor(random() * 30), random);
      const ours = mergeDocuments(base, a, base, { prefer: 'ours' });
      expect(ours.conflicts).toEqual([]);
      expect(comparable(ours.document)).toEqual(comparable(a));
      const theirs = mergeDocuments(base, base, a);
      expect(theirs.conflicts).toEqual([]);
      expect(comparable(theirs.document)).toEqual(comparable(a));
    }
  });

  it('every change on either side ends up in the merge or the conflict list, and every resolution is sound', () => {
    let conflicted = 0;
    let dropped = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const random = seededRandom(4000 + trial);
      const base = randomEdits(baseFor(trial), 10, random);
      const ours = randomEdits(base, 1 + Math.floor(random() * 30), random);
      const theirs = randomEdits(base, 1 + Math.floor(random() * 30), random);
      for (const prefer of [undefined, 'ours', 'theirs'] as const) {
        const result = mergeDocuments(base, ours, theirs, { prefer });
        expectEveryChangeAccountedFor(base, ours, result);
        expectEveryChangeAccountedFor(base, theirs, result);
        expectSound(result.document);
        if (prefer) expect(result.unresolved).toBe(0);
        else expect(result.unresolved).toBe(result.conflicts.length);
        conflicted += result.conflicts.length > 0 ? 1 : 0;
        dropped += result.dropped.length;
      }
    }
    // The generator must actually make conflicts and orphans, or the test proves little.
    expect(conflicted).toBeGreaterThan(TRIALS / 4);
    expect(dropped).toBeGreaterThan(0);
  });

  it('a two-way merge makes every difference a decision, and each side wins when preferred', () => {
    for (let trial = 0; trial < 40; trial++) {
      const random = seededRandom(5000 + trial);
      const base = baseFor(trial);
      const ours = randomEdits(base, 10, random);
      const theirs = randomEdits(base, 10, random);
      const result = mergeDocuments(null, ours, theirs);
      const diff = diffDocuments(ours, theirs, { layout: 'include' });
      const differing = diff.added.length + diff.removed.length + diff.changed.length;
      expect(result.conflicts.length >= differing || differing === 0).toBe(true);
      expect(result.mode).toBe('two-way');
      expect(comparable(mergeDocuments(null, ours, theirs, { prefer: 'ours' }).document)).toEqual(comparable(ours));
      const preferTheirs = mergeDocuments(null, ours, theirs, { prefer: 'theirs' });
      expect(comparable(preferTheirs.document)).toEqual(comparable(theirs));
    }
  });
});
