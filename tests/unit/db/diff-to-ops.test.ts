/**
 * diffToOps turns one state into another through the real store, as one batch: the way a merge
 * or a snapshot restore reaches the file, and undoes as one step.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDocument } from '../../../bench/fixtures';
import { diffToOps, mergeDocuments } from '../../../core/diff';
import type { ScenarioDocument } from '../../../core/model';
import { canonicalDocument, createScenarioFile } from '../../../db';
import { randomEdits, seededRandom } from '../support/random-edits';
import { tempDir } from './helpers';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

const comparable = (doc: ScenarioDocument): unknown => {
  const c = canonicalDocument(doc);
  return { ...c, scenario: { ...c.scenario, modifiedAt: '', createdAt: '' } };
};

function storeWith(doc: ScenarioDocument, name: string) {
  const created = createScenarioFile(join(dir.dir, name), { title: 'x', document: doc });
  if (!created.ok) throw new Error(created.error.message);
  return created.store;
}

describe('diffToOps through the store', () => {
  it('takes A to B in one batch', () => {
    for (let trial = 0; trial < 12; trial++) {
      const random = seededRandom(7000 + trial);
      const a = randomEdits(generateDocument({ crises: 2, nodesPerCrisis: 10, edgeFactor: 1.2, seed: trial }), 5, random);
      const b = randomEdits(a, 1 + Math.floor(random() * 30), random);
      const store = storeWith(a, `t${trial}.scenario`);
      const ops = diffToOps(store.load(), b);
      if (ops.length > 0) store.apply(ops);
      expect(comparable(store.load())).toEqual(comparable(b));
      store.close();
    }
  });

  it('applies a resolved three-way merge to ours', () => {
    for (let trial = 0; trial < 12; trial++) {
      const random = seededRandom(8000 + trial);
      const base = generateDocument({ crises: 2, nodesPerCrisis: 10, edgeFactor: 1.2, seed: trial });
      const ours = randomEdits(base, 15, random);
      const theirs = randomEdits(base, 15, random);
      const merged = mergeDocuments(base, ours, theirs, { prefer: trial % 2 ? 'ours' : 'theirs' }).document;
      const store = storeWith(ours, `m${trial}.scenario`);
      const ops = diffToOps(store.load(), merged);
      if (ops.length > 0) store.apply(ops);
      expect(comparable(store.load())).toEqual(comparable(merged));
      store.close();
    }
  });
});
