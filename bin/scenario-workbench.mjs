#!/usr/bin/env node
// Entry for the `scenario-workbench` command: runs the CLI built into out/main/cli.js.
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const built = new URL('out/main/cli.js', root);
if (!existsSync(built)) {
  process.stderr.write('scenario-workbench: not built yet; run `npm run build` in the project folder\n');
  process.exit(1);
}
const { runCli } = await import(built.href);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
process.exitCode = await runCli(process.argv.slice(2), {
  version,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
