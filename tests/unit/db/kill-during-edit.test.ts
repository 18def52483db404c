/**
 * SIGKILL during edit bursts. A child process commits one edit after another, printing an ack
 * after each commit; we kill it at a random moment and demand that every acked edit survived and
 * the file passes every open-time check (quick_check included). 50 trials normally,
 * SOAK_TRIALS (e.g. 500 in `npm run soak`) when set.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenarioFile, createScenarioFile, openScenarioFile } from '../../../db';
import { seededRandom, tempDir } from './helpers';
import { startChild } from './spawn';

const TRIALS = Number(process.env.SOAK_TRIALS ?? 50);
const PARALLEL = 4;
const SEED = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);

interface Outcome {
  trial: number;
  acked: number;
  present: number;
  problem: string | null;
}

/** When to kill: after the child acks edit `afterAck` (-1: as soon as it is ready), plus `delayMs`. */
interface KillPlan {
  afterAck: number;
  delayMs: number;
}

async function trial(index: number, dir: string, plan: KillPlan): Promise<Outcome> {
  const path = join(dir, `trial-${index}.scenario`);
  const created = createScenarioFile(path, { title: `Trial ${index}` });
  if (!created.ok) throw new Error(created.error.message);
  const crisisId = created.store.load().crises[0]!.id;
  created.store.close();

  const child = startChild(['burst', path, crisisId]);
  await child.waitFor(plan.afterAck < 0 ? /^ready$/ : new RegExp(`^ack ${plan.afterAck}$`));
  await new Promise((resolve) => setTimeout(resolve, plan.delayMs));
  child.proc.kill('SIGKILL');
  await child.exited;
  const acks = child.lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));
  const acked = acks.length;

  const reopened = openScenarioFile(path);
  if (!reopened.ok) return { trial: index, acked, present: -1, problem: `reopen failed: ${reopened.error.code} ${reopened.error.message}` };
  const ids = new Set(reopened.store.load().nodes.map((n) => n.id));
  reopened.store.close();
  const checked = checkScenarioFile(path);
  if (!checked.ok) return { trial: index, acked, present: ids.size, problem: `check failed: ${checked.error.message}` };
  for (let i = 0; i < acked; i++) if (!ids.has(`burst-${i}`)) return { trial: index, acked, present: ids.size, problem: `acked edit burst-${i} is missing` };
  // At most the one edit in flight at the kill may have landed without its ack.
  if (ids.size > acked + 1) return { trial: index, acked, present: ids.size, problem: `${ids.size} edits present but only ${acked} acked` };
  return { trial: index, acked, present: ids.size, problem: null };
}

describe('SIGKILL during an edit burst', () => {
  it(`keeps every acknowledged edit over ${TRIALS} randomized trials (seed ${SEED})`, { timeout: 60_000 + TRIALS * 3_000 }, async () => {
    const { dir, cleanup } = tempDir('swb-kill-');
    const random = seededRandom(SEED);
    // Mostly mid-burst (after a random number of commits), sometimes before the first commit lands.
    const plans: KillPlan[] = Array.from({ length: TRIALS }, () => ({ afterAck: Math.floor(random() * 8) - 1, delayMs: Math.floor(random() * 40) }));
    const outcomes: Outcome[] = [];
    try {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < TRIALS) {
          const i = next++;
          outcomes.push(await trial(i, dir, plans[i]!));
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
    } finally {
      cleanup();
    }
    const failures = outcomes.filter((o) => o.problem !== null);
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(outcomes).toHaveLength(TRIALS);
    for (const o of outcomes) expect(o.acked, `trial ${o.trial}`).toBeGreaterThanOrEqual(plans[o.trial]!.afterAck + 1);
    console.log(`kill-during-edit: ${TRIALS} trials, seed ${SEED}, acked per trial min ${Math.min(...outcomes.map((o) => o.acked))} max ${Math.max(...outcomes.map((o) => o.acked))}, in-flight edits that landed: ${outcomes.filter((o) => o.present === o.acked + 1).length}`);
  });
});
