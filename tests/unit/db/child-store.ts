/**
 * A separate process driving the store, for the fault tests (bundled and started by spawn.ts).
 * Modes:
 *   open FILE            try to open for writing; print the result as one JSON line; close
 *   hold FILE            open for writing, print "ready", then wait to be killed
 *   burst FILE CRISIS    print "ready", then create nodes burst-0, burst-1, … printing "ack N" after each commit
 *   save-as FILE TARGET  print "ready", then Save As to TARGET repeatedly, printing "saved N"
 *   edit FILE CRISIS N   apply N node creations; print the first error as JSON or "done"
 */
import { writeSync } from 'node:fs';
import { openScenarioFile } from '../../../db';
import { blankNode } from '../../../core/model';

/** Synchronous, so a line is out of the process before the next step starts. */
const say = (line: string): void => void writeSync(1, line);

const [mode, file, arg, count] = process.argv.slice(2);
if (!mode || !file) throw new Error('usage: child-store.ts MODE FILE [ARG]');

const opened = openScenarioFile(file);
if (mode === 'open') {
  say(`${JSON.stringify(opened.ok ? { ok: true, readOnly: opened.store.readOnly } : opened)}\n`);
  if (opened.ok) opened.store.close();
  process.exit(0);
}
if (!opened.ok) {
  say(`${JSON.stringify(opened)}\n`);
  process.exit(2);
}
const store = opened.store;

if (mode === 'hold') {
  say('ready\n');
  setInterval(() => undefined, 60_000);
} else if (mode === 'burst') {
  say('ready\n');
  for (let i = 0; ; i++) {
    store.apply([{ op: 'node.create', node: blankNode('trigger', arg!, `burst-${i}`, { x: i, y: i }) }]);
    say(`ack ${i}\n`);
  }
} else if (mode === 'save-as') {
  say('ready\n');
  for (let i = 0; ; i++) {
    store.saveAs(arg!);
    say(`saved ${i}\n`);
  }
} else if (mode === 'edit') {
  try {
    for (let i = 0; i < Number(count); i++) {
      store.apply([{ op: 'node.create', node: { ...blankNode('trigger', arg!, `edit-${i}`, { x: 0, y: 0 }), description: 'x'.repeat(5000) } }]);
    }
    say('done\n');
  } catch (err) {
    const e = err as { code?: string; message?: string };
    say(`${JSON.stringify({ code: e.code, message: e.message })}\n`);
  }
  store.close();
}
