/**
 * The scenario-workbench command line: plain Node, no Electron. Exit codes: 0 success,
 * 1 user error (one line on stderr, no stack trace), 2 bad usage.
 */
import { fileURLToPath } from 'node:url';
import { AppError, oneLine } from '../../core/errors';
import { COMMANDS, USAGE } from './commands';
import type { CliIo } from './io';
import { UsageError } from './args';

/** The import worker electron-vite builds beside this entry (out/main/import-worker.js). */
const BUILT_IMPORT_WORKER = fileURLToPath(new URL('./import-worker.js', import.meta.url));
/** The open check's worker, built beside it too (out/main/open-worker.js). */
const BUILT_OPEN_WORKER = fileURLToPath(new URL('./open-worker.js', import.meta.url));

export async function runCli(argv: string[], given: Omit<CliIo, 'importWorker' | 'openWorker'> & Partial<Pick<CliIo, 'importWorker' | 'openWorker'>>): Promise<number> {
  const io: CliIo = { ...given, importWorker: given.importWorker ?? BUILT_IMPORT_WORKER, openWorker: given.openWorker ?? BUILT_OPEN_WORKER };
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    io.out(`${io.version}\n`);
    return 0;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.err : io.out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`scenario-workbench: unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  try {
    return (await run(rest, io)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`scenario-workbench ${command}: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof AppError) {
      io.err(`scenario-workbench: ${oneLine(error.message)}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`scenario-workbench: unexpected failure: ${oneLine(message)}\n`);
    return 1;
  }
}
