import type { OffThreadChecks } from '../../db';
import { openChecksInWorker } from '../open/run';

/** The checks of a large scenario file, in the worker, as the app runs them (db/open-bounded.ts). */
export const cliChecks = (io: CliIo): OffThreadChecks => openChecksInWorker({ script: io.openWorker });

/** What a CLI command is given: the version to print, where its output and errors go, and the folder relative paths start from. */
export interface CliIo {
  version: string;
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** The built import worker (main/import/worker.ts); runCli fills in the one built beside the CLI. */
  importWorker: string;
  /** The built open check's worker (main/open/worker.ts), which checks large scenario files; runCli fills it in too. */
  openWorker: string;
}
