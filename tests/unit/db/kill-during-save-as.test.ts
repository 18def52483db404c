/** SIGKILL during Save As: the target is absent or complete, and the source is untouched. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankNode } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { checkScenarioFile, createScenarioFile, openScenarioFile } from '../../../db';
import { seededRandom, sha256, tempDir } from './helpers';
import { startChild } from './spawn';

const TRIALS = 8;
const SEED = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);

describe('SIGKILL during Save As', () => {
  it(`leaves the target absent or complete and the source untouched (${TRIALS} trials, seed ${SEED})`, { timeout: 90_000 }, async () => {
    const { dir, cleanup } = tempDir('swb-saveas-');
    const random = seededRandom(SEED);
    try {
      const source = join(dir, 'big.scenario');
      const created = createScenarioFile(source, { title: 'Big' });
      if (!created.ok) throw new Error(created.error.message);
      const crisisId = created.store.load().crises[0]!.id;
      // A few MB, so a copy takes long enough to be interrupted.
      const ops: Op[] = Array.from({ length: 3000 }, (_, i) => ({ op: 'node.create', node: { ...blankNode('impact', crisisId, `n-${i}`, { x: i, y: i }), description: 'x'.repeat(1500) } }));
      created.store.apply(ops);
      created.store.close();
      const sourceHash = sha256(source);
      let sawAbsent = 0;
      let sawComplete = 0;
      for (let t = 0; t < TRIALS; t++) {
        const target = join(dir, `copy-${t}.scenario`);
        const child = startChild(['save-as', source, target]);
        await child.waitFor(/^ready$/);
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 60)));
        child.proc.kill('SIGKILL');
        await child.exited;
        expect(sha256(source)).toBe(sourceHash);
        if (!existsSync(target)) {
          sawAbsent++;
          continue;
        }
        sawComplete++;
        const checked = checkScenarioFile(target);
        expect(checked).toMatchObject({ ok: true, info: { counts: { impact: 3000 } } });
      }
      expect(sawAbsent + sawComplete).toBe(TRIALS);
      const reopened = openScenarioFile(source);
      expect(reopened.ok).toBe(true);
      if (reopened.ok) reopened.store.close();
      // Interrupted copies leave only hidden temp files, never a partial file under the target name.
      const visible = readdirSync(dir).filter((f) => !f.startsWith('.'));
      for (const f of visible) if (f !== 'big.scenario') expect(checkScenarioFile(join(dir, f)).ok, f).toBe(true);
      console.log(`kill-during-save-as: ${sawAbsent} absent, ${sawComplete} complete`);
    } finally {
      cleanup();
    }
  });
});
