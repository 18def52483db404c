/**
 * Runs inside `unshare -rm` with a private tmpfs mounted at argv[2], for the disk-full and
 * read-only-disk tests. Prints one JSON line describing what the store did.
 *   disk-full MOUNT    create a scenario, then add nodes until an edit fails
 *   read-only MOUNT    create a scenario, remount read-only, open it, try an edit and Save As
 */
import { execFileSync } from 'node:child_process';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { blankNode } from '../../../core/model';
import { checkScenarioFile, createScenarioFile, openScenarioFile } from '../../../db';

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
}
