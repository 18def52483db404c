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
const code = await runCli(process.argv.slice(2), {
  version,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
// Exit once the output is flushed, without waiting for a worker still inside a native SQLite
// call after its check was refused past its bound (main/bounded-worker.ts): a normal exit would
// wait for that call to return.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
