/** The CLI's commands. Each parses its own arguments and throws UsageError or AppError. */
import { resolve } from 'node:path';
import { AppError } from '../../core/errors';
import { reportLibrary } from '../../core/library';
import { checkScenarioFileBounded, createScenarioFile, openScenarioFileBounded, refuseOutputOnto, salvageScenarioFile, salvageSummary, type FileInfo } from '../../db';
import { outputPath, parseArgs, stringOption, UsageError } from './args';
import { EXCHANGE_COMMANDS, EXCHANGE_USAGE } from './commands-exchange';
import { RECONCILE_COMMANDS, RECONCILE_USAGE } from './commands-reconcile';
import { cliChecks, type CliIo } from './io';

/** A command resolves to its exit code, or to nothing for 0. */
type Command = (argv: string[], io: CliIo) => Promise<number | void>;

export const USAGE = `usage: scenario-workbench <command> [options]

  new FILE [--title T] [--from-report]   create a scenario file (--from-report: the report library)
  info FILE                              print the file's version, counts and crises as JSON
  check FILE                             exit 0 if the file is sound, 1 with the reason otherwise
  recover FILE -o NEW.scenario [--json]  copy what can be read from a damaged FILE into a new file
${EXCHANGE_USAGE}${RECONCILE_USAGE}  --version                              print the version
`;

const none = new Set<string>();

function onePath(argv: string[], valued: ReadonlySet<string>, switches: ReadonlySet<string>, io: CliIo) {
  const args = parseArgs(argv, valued, switches);
  if (args.positionals.length !== 1) throw new UsageError('expected exactly one FILE');
  return { args, path: resolve(io.cwd, args.positionals[0]!) };
}

/**
 * What `info` prints: the checked file's details. A file from a newer version is not checked
 * (this version cannot vouch for it) but can still be described, read-only, with that reason.
 */
async function describeFile(path: string, io: CliIo): Promise<FileInfo> {
  const checked = await checkScenarioFileBounded(path, {}, cliChecks(io));
  if (checked.ok) return checked.info;
  if (checked.error.code === 'NEWER_VERSION') {
    const opened = await openScenarioFileBounded(path, { readOnly: true }, cliChecks(io));
    if (opened.ok) {
      try {
        return opened.store.info();
      } finally {
        opened.store.close();
      }
    }
  }
  throw new AppError(checked.error.code, checked.error.message);
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
    io.out(`${JSON.stringify(await describeFile(path, io), null, 2)}\n`);
  },
  async check(argv, io) {
    const { path } = onePath(argv, none, none, io);
    const checked = await checkScenarioFileBounded(path, {}, cliChecks(io));
    if (!checked.ok) throw new AppError(checked.error.code, checked.error.message);
    io.out(`ok: ${path}\n`);
  },
  async recover(argv, io) {
    const args = parseArgs(argv, new Set(['o', 'output']), new Set(['json']));
    if (args.positionals.length !== 1) throw new UsageError('expected exactly one FILE');
    const source = resolve(io.cwd, args.positionals[0]!);
    const out = outputPath(args, io.cwd);
    refuseOutputOnto(out, [{ path: source, role: 'the file being recovered' }]);
    const result = salvageScenarioFile(source, out);
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    result.store.close();
    if (args.options.has('json')) io.out(`${JSON.stringify({ target: out, ...result.report }, null, 2)}\n`);
    else {
      io.out(`created ${out}\n${salvageSummary(result.report)}\n`);
      for (const problem of result.report.problems) io.out(`  ${problem}\n`);
      const more = result.report.problemCount - result.report.problems.length;
      if (more > 0) io.out(`  … and ${more} more\n`);
    }
  },
  ...EXCHANGE_COMMANDS,
  ...RECONCILE_COMMANDS,
};
