/**
 * Temp files written beside a scenario while it is created, saved as, or upgraded:
 * `.NAME.PURPOSE-PID-RANDOM` (plus SQLite's `-journal` for it). Each is renamed or linked into
 * place, or removed, when the work ends; a crash or power cut mid-way leaves it behind.
 *
 * Those leftovers are swept when the same name is next created, saved to or opened: only temp
 * files of that name, only if the process that made them is gone from this machine, and only
 * if they are over an hour old, so work in progress on another machine sharing the folder is
 * never touched.
 */
import { lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const TEMP_PURPOSES = ['creating', 'saving', 'migrating', 'exporting', 'merging'] as const;
export type TempPurpose = (typeof TEMP_PURPOSES)[number];

const STALE_AFTER_MS = 60 * 60 * 1000;

export function tempNameBeside(target: string, purpose: TempPurpose): string {
  const rand = globalThis.crypto.randomUUID().slice(0, 8);
  return join(dirname(target), `.${basename(target)}.${purpose}-${process.pid}-${rand}`);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, but not ours
  }
}

/** Remove stale temp files left beside `target` by interrupted work; returns what was removed. Never throws. */
export function sweepStaleTemps(target: string, now: number = Date.now()): string[] {
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(target))}\\.(?:${TEMP_PURPOSES.join('|')})-(\\d+)-[0-9a-f]{8}(?:-journal)?$`);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const path = join(dirname(target), name);
    try {
      const stats = lstatSync(path);
      if (!stats.isFile() || now - stats.mtimeMs < STALE_AFTER_MS || processAlive(Number(match[1]))) continue;
      unlinkSync(path);
      removed.push(path);
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
  return removed;
}

/** Remove a temp file of ours and any SQLite side file beside it (a full disk can leave a -journal). Never throws. */
export function removeTemp(temp: string): void {
  for (const path of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) {
    try {
      unlinkSync(path);
    } catch {
      // never created, or already gone
    }
  }
}
