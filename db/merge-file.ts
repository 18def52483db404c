/**
 * Writing a merge to a new file (the CLI's `merge -o OUT`): OUT is a copy of OURS, so it keeps
 * OURS's snapshots and lineage, with a `before-merge` snapshot and then the merged state applied
 * as one batch, recorded as one undo step. It is built under a hidden temp name and renamed into place only when complete,
 * so OUT is either absent (or as it was) or the whole merge. OUT is never one of the inputs.
 */
import { renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { diffToOps } from '../core/diff';
import { AppError } from '../core/errors';
import type { ScenarioDocument } from '../core/model';
import { applyRecorded, historyOfStore } from './history-log';
import { refuseUnwritableFolder } from './file-checks';
import { refuseOutputOnto } from './output-guard';
import { openScenarioFile } from './open';
import { fsyncPath } from './save-as';
import { removeTemp, tempNameBeside } from './temp-files';

export function writeMergedFile(
  oursPath: string, out: string, merged: ScenarioDocument, init: { inputs: readonly string[]; author: string; snapshotName: string },
): void {
  const target = resolve(out);
  refuseOutputOnto(target, [oursPath, ...init.inputs].map((path) => ({ path, role: 'an input of the merge' })));
  refuseUnwritableFolder(target, `Cannot write the merge to ${target}`);
  const ours = openScenarioFile(oursPath, { readOnly: true });
  if (!ours.ok) throw new AppError(ours.error.code, ours.error.message);
  const temp = tempNameBeside(target, 'merging');
  try {
    try {
      ours.store.saveAs(temp);
    } finally {
      ours.store.close();
    }
    const copy = openScenarioFile(temp);
    if (!copy.ok) throw new AppError(copy.error.code, copy.error.message);
    try {
      copy.store.createSnapshot(init.snapshotName, 'before-merge', init.author);
      const ops = diffToOps(copy.store.load(), merged);
      // One undo step in OUT's history, after OURS's own steps: undo there takes the merge back.
      if (ops.length > 0) applyRecorded(copy.store, historyOfStore(copy.store), ops, null, init.author);
    } finally {
      copy.store.close();
    }
    fsyncPath(temp);
    renameSync(temp, target);
    fsyncPath(dirname(target));
  } catch (err) {
    removeTemp(temp);
    throw err;
  }
}
