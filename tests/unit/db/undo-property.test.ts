/**
 * Randomized: batches of random ops (mostly valid, some not) applied to a store. After each batch
 * the inverse must restore the document exactly, and re-applying the batch must reproduce it.
 * At the end, undoing every batch in reverse order must give back the starting document.
 */
import { describe, expect, it } from 'vitest';
import type { Op } from '../../../core/ops';
import { createRich, seededRandom, tempDir, withoutModifiedAt } from './helpers';
import { randomOp, type Pick } from './random-ops';

const SEED = Number(process.env.PROPERTY_SEED ?? Date.now() % 1_000_000);
const BATCHES = 150;

describe('undo is exact (randomized)', () => {
  it(`${BATCHES} random batches: inverse restores, re-apply reproduces (seed ${SEED})`, { timeout: 60_000 }, () => {
    const { dir, cleanup } = tempDir('swb-prop-');
    const store = createRich(dir);
    const r = seededRandom(SEED);
    const pick: Pick = (list) => list[Math.floor(r() * list.length)]!;
    try {
      const start = store.load();
      const undoStack: Op[][] = [];
      let applied = 0;
      let refused = 0;
      const opsSeen = new Set<string>();
      let serial = 0;
      for (let b = 0; b < BATCHES; b++) {
        const before = store.load();
        // Each op is generated against the document as it will be when the op runs.
        const batch: Op[] = [];
        const size = 1 + Math.floor(r() * 3);
        for (let i = 0; i < size; i++) batch.push(randomOp(before, r, pick, serial++));
        let change;
        try {
          change = store.apply(batch);
        } catch (err) {
          refused++;
          expect(err, `seed ${SEED} batch ${b}`).toHaveProperty('code');
          expect(withoutModifiedAt(store.load()), `seed ${SEED}: refused batch ${b} changed the file`).toEqual(withoutModifiedAt(before));
          continue;
        }
        applied++;
        for (const op of change.applied) opsSeen.add(op.op);
        const after = store.load();
        store.apply(change.inverse);
        expect(withoutModifiedAt(store.load()), `seed ${SEED}: undo of batch ${b} ${JSON.stringify(batch)}`).toEqual(withoutModifiedAt(before));
        store.apply(change.applied);
        expect(withoutModifiedAt(store.load()), `seed ${SEED}: redo of batch ${b}`).toEqual(withoutModifiedAt(after));
        undoStack.push(change.inverse);
      }
      for (let i = undoStack.length - 1; i >= 0; i--) store.apply(undoStack[i]!);
      expect(withoutModifiedAt(store.load())).toEqual(withoutModifiedAt(start));
      expect(applied).toBeGreaterThan(BATCHES / 3);
      expect(refused).toBeGreaterThan(0);
      expect(opsSeen.size).toBeGreaterThanOrEqual(15);
    } finally {
      store.close();
      cleanup();
    }
  });
});
