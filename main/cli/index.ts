/**
 * The scenario-workbench command line: plain Node, no Electron. Exit codes: 0 success,
 * 1 user error (one line on stderr, no stack trace), 2 bad usage.
 */
import { AppError, oneLine } from '../../core/errors';
import { COMMANDS, USAGE } from './commands';
import type { CliIo } from './io';
import { UsageError } from './args';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
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
