/**
 * Runs inside `unshare -rm` with a private tmpfs mounted at argv[2], for the disk-full and
 * read-only-disk tests. Prints one JSON line describing what the store did.
 *   disk-full MOUNT    create a scenario, then add nodes until an edit fails
 *   read-only MOUNT    create a scenario, remount read-only, open it, try an edit and Save As
 *   read-only-folder MOUNT OUTSIDE   remount read-only, then create, Save As, export and recover into it
 *   recover-full MOUNT OUTSIDE       fill the disk to a few pages, then recover a large scenario into it
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { blankNode } from '../../../core/model';
import { checkScenarioFile, createScenarioFile, openScenarioFile, salvageScenarioFile, writeFileAtomically } from '../../../db';

const say = (value: unknown): void => void writeSync(1, `${JSON.stringify(value)}\n`);
const [mode, mount, outside] = process.argv.slice(2);
if (!mode || !mount) throw new Error('usage: namespace-child.ts MODE MOUNT [OUTSIDE]');
const path = join(mount, 'plan.scenario');

const created = createScenarioFile(path, { title: 'Namespace test' });
if (!created.ok) {
  say({ step: 'create', error: created.error });
  process.exit(0);
}
const crisisId = created.store.load().crises[0]!.id;

if (mode === 'disk-full') {
  const store = created.store;
  let committed = 0;
  let error: { code?: string; message?: string } | null = null;
  for (let i = 0; i < 10_000 && !error; i++) {
    try {
      store.apply([{ op: 'node.create', node: { ...blankNode('trigger', crisisId, `fill-${i}`, { x: 0, y: 0 }), description: 'd'.repeat(19_000) } }]);
      committed++;
    } catch (err) {
      error = { code: (err as { code?: string }).code, message: (err as Error).message };
    }
  }
  // The store stays usable after SQLITE_FULL: a small edit that needs no new page still works or fails cleanly.
  const loaded = store.load().nodes.length;
  store.close();
  const check = checkScenarioFile(path);
  const reopened = openScenarioFile(path);
  const nodesAfter = reopened.ok ? reopened.store.load().nodes.length : -1;
  if (reopened.ok) reopened.store.close();
  say({ step: 'done', committed, error, loaded, nodesAfter, checkOk: check.ok });
} else if (mode === 'read-only') {
  created.store.apply([{ op: 'node.create', node: blankNode('trigger', crisisId, 'before-ro', { x: 0, y: 0 }) }]);
  created.store.close();
  execFileSync('mount', ['-o', 'remount,ro', mount]);
  const opened = openScenarioFile(path);
  if (!opened.ok) {
    say({ step: 'open', error: opened.error });
    process.exit(0);
  }
  let editError: { code?: string } | null = null;
  try {
    opened.store.apply([{ op: 'node.delete', id: 'before-ro' }]);
  } catch (err) {
    editError = { code: (err as { code?: string }).code };
  }
  const nodes = opened.store.load().nodes.map((n) => n.id);
  const rescue = join(outside!, 'rescued.scenario');
  opened.store.saveAs(rescue);
  opened.store.close();
  const rescued = openScenarioFile(rescue);
  const rescuedNodes = rescued.ok ? rescued.store.load().nodes.map((n) => n.id) : null;
  if (rescued.ok) rescued.store.close();
  say({ step: 'done', readOnly: opened.store.readOnly, editError, nodes, rescuedNodes });
} else if (mode === 'read-only-folder') {
  // A scenario outside, opened for editing, and the namespace's disk made read-only: every
  // write into it must name the folder, not say "could not be read or written".
  created.store.close();
  const source = join(outside!, 'source.scenario');
  const made = createScenarioFile(source, { title: 'Outside' });
  if (!made.ok) throw new Error(made.error.message);
  execFileSync('mount', ['-o', 'remount,ro', mount]);
  const attempt = (run: () => unknown): { code?: string; message?: string } | null => {
    try {
      const result = run() as { ok?: boolean; error?: { code: string; message: string } } | undefined;
      return result && result.ok === false ? result.error! : null;
    } catch (err) {
      return { code: (err as { code?: string }).code, message: (err as Error).message };
    }
  };
  const errors = {
    create: attempt(() => createScenarioFile(join(mount, 'new.scenario'), { title: 'New' })),
    saveAs: attempt(() => made.store.saveAs(join(mount, 'copy.scenario'))),
    exportFile: attempt(() => writeFileAtomically(join(mount, 'plan.svg'), new TextEncoder().encode('<svg/>'))),
    recover: attempt(() => salvageScenarioFile(source, join(mount, 'recovered.scenario'))),
  };
  made.store.close();
  say({ step: 'done', errors, left: readdirSync(mount).sort() });
} else if (mode === 'recover-full') {
  // A scenario of about 2 MB outside; the namespace's disk filled to within a few pages.
  created.store.close();
  const source = join(outside!, 'large.scenario');
  const big = createScenarioFile(source, { title: 'Large' });
  if (!big.ok) throw new Error(big.error.message);
  const bigCrisis = big.store.load().crises[0]!.id;
  big.store.apply(Array.from({ length: 200 }, (_, i) => ({ op: 'node.create' as const, node: { ...blankNode('trigger', bigCrisis, `n-${i}`, { x: i, y: 0 }), description: 'd'.repeat(10_000) } })));
  big.store.close();
  const free = (): number => { const s = statfsSync(mount); return s.bavail * s.bsize; };
  writeFileSync(join(mount, 'filler'), Buffer.alloc(Math.max(0, free() - 48 * 1024)));
  const before = readdirSync(mount).sort();
  const result = salvageScenarioFile(source, join(mount, 'recovered.scenario'));
  if (result.ok) result.store.close();
  say({ step: 'done', error: result.ok ? null : result.error, before, left: readdirSync(mount).sort(), freeAfter: free() });
}
