/**
 * Two ways to run the CLI in tests, both on the built entry the package's bin loads
 * (out/main/cli.js, built by `npm test`'s pretest):
 * - `binCli`: the package's bin in a real Node process, exactly as a user runs it; for the tests of
 *   what a process shows (exit codes, one-line errors, stdout);
 * - `builtCli`: the same built `runCli` called in this process with its output captured; for the
 *   many-call suites, where starting Node for each call cost most of their time.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'bin/scenario-workbench.mjs');

/** Run the package's bin in a new process, with `cwd` as its working folder. */
export function binCli(cwd: () => string): (...args: string[]) => CliResult {
  return (...args) => {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: cwd(), encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
}

interface BuiltCli {
  runCli(argv: string[], io: { version: string; out(text: string): void; err(text: string): void; cwd: string }): Promise<number>;
}

function isBuiltCli(value: unknown): value is BuiltCli {
  return typeof value === 'object' && value !== null && 'runCli' in value && typeof value.runCli === 'function';
}

let loaded: Promise<BuiltCli> | null = null;
function builtEntry(): Promise<BuiltCli> {
  loaded ??= import(pathToFileURL(join(root, 'out/main/cli.js')).href).then((module: unknown) => {
    if (!isBuiltCli(module)) throw new Error('out/main/cli.js does not export runCli: run `npm run build`');
    return module;
  });
  return loaded;
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

/** Run the built CLI in this process, with `cwd` as the folder relative paths start from. */
export function builtCli(cwd: () => string): (...args: string[]) => Promise<CliResult> {
  return async (...args) => {
    const { runCli } = await builtEntry();
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { version, out: (t) => (stdout += t), err: (t) => (stderr += t), cwd: cwd() });
    return { code, stdout, stderr };
  };
}
