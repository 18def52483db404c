/** The CLI's commands. Each parses its own arguments and throws UsageError or AppError. */
import { resolve } from 'node:path';
import { AppError } from '../../core/errors';
import { reportLibrary } from '../../core/library';
import { checkScenarioFile, createScenarioFile } from '../../db';
import { parseArgs, stringOption, UsageError } from './args';
import { EXCHANGE_COMMANDS, EXCHANGE_USAGE } from './commands-exchange';

export interface CliIo {
  version: string;
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

type Command = (argv: string[], io: CliIo) => Promise<void>;

export const USAGE = `usage: scenario-workbench <command> [options]

  new FILE [--title T] [--from-report]   create a scenario file (--from-report: the report library)
  info FILE                              print the file's version, counts and crises as JSON
  check FILE                             exit 0 if the file is sound, 1 with the reason otherwise
${EXCHANGE_USAGE}  --version                              print the version
`;

const none = new Set<string>();

function onePath(argv: string[], valued: ReadonlySet<string>, switches: ReadonlySet<string>, io: CliIo) {
  const args = parseArgs(argv, valued, switches);
  if (args.positionals.length !== 1) throw new UsageError('expected exactly one FILE');
  return { args, path: resolve(io.cwd, args.positionals[0]!) };
}

export const COMMANDS: Record<string, Command> = {
  async new(argv, io) {
    const { args, path } = onePath(argv, new Set(['title']), new Set(['from-report']), io);
    const library = args.options.has('from-report') ? reportLibrary() : undefined;
    const title = stringOption(args, 'title') ?? library?.scenario.title ?? 'Untitled scenario';
    const document = library && { ...library, scenario: { ...library.scenario, title } };
    const created = createScenarioFile(path, { title, document });
    if (!created.ok) throw new AppError(created.error.code, created.error.message);
    created.store.close();
    io.out(`created ${path}\n`);
  },
  async info(argv, io) {
    const { path } = onePath(argv, none, none, io);
    const checked = checkScenarioFile(path);
    if (!checked.ok) throw new AppError(checked.error.code, checked.error.message);
    io.out(`${JSON.stringify(checked.info, null, 2)}\n`);
  },
  async check(argv, io) {
    const { path } = onePath(argv, none, none, io);
    const checked = checkScenarioFile(path);
    if (!checked.ok) throw new AppError(checked.error.code, checked.error.message);
    io.out(`ok: ${path}\n`);
  },
  ...EXCHANGE_COMMANDS,
};
