/** A small argument parser: positionals, `--flag value`, `--flag=value` and boolean switches. */
import { resolve } from 'node:path';
import { pushAll } from '../../core/arrays';

export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[], valued: ReadonlySet<string>, switches: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      pushAll(positionals, argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const [rawName, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
      const name = rawName.replace(/^--?/, '');
      if (switches.has(name)) {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        options.set(name, true);
      } else if (valued.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        options.set(name, value);
      } else {
        throw new UsageError(`unknown option ${rawName}`);
      }
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** The -o/--output path, resolved against `cwd`; required. */
export function outputPath(args: ParsedArgs, cwd: string): string {
  const out = stringOption(args, 'o') ?? stringOption(args, 'output');
  if (!out) throw new UsageError('-o OUT is required');
  return resolve(cwd, out);
}
