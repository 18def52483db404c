/**
 * `npm run bench`: runs every benchmark (or those named on the command line: store, layout,
 * analysis, export), prints each section, and writes them all to docs/benchmarks.md. Each
 * benchmark measures a peer doing comparable work in the same run, since machines are noisy.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

interface Section {
  title: string;
  markdown: string;
}

const BENCHES: Record<string, () => Promise<{ run(): Promise<Section> }>> = {
  store: () => import('./store.bench'),
  layout: () => import('./layout.bench'),
  analysis: () => import('./analysis.bench'),
  export: () => import('./export.bench'),
  reconcile: () => import('./reconcile.bench'),
  canvas: () => import('./canvas.bench'),
};

const root = resolve(import.meta.dirname, '..');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(BENCHES);
for (const name of names) if (!BENCHES[name]) throw new Error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);

const sections: Section[] = [];
for (const name of names) {
  const started = Date.now();
  process.stdout.write(`running ${name}…\n`);
  const module = await BENCHES[name]!();
  const section = await module.run();
  sections.push(section);
  process.stdout.write(`\n## ${section.title}\n\n${section.markdown}\n(${((Date.now() - started) / 1000).toFixed(1)} s)\n\n`);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const header = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (all) or `npm run bench -- NAME…` (some: store, layout, analysis, export, reconcile, canvas).',
  'Every figure is set against a peer doing comparable work in the same run, because these machines are shared and noisy:',
  'read the ratios, not only the milliseconds.',
  '',
  `Last run: ${new Date().toISOString()} · Node ${process.version} · ${cpus().length} × ${cpu} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  '',
].join('\n');
// A partial run replaces only its own sections, keeping the others from the last full run.
const path = join(root, 'docs/benchmarks.md');
const previous = wanted.length && existsSync(path) ? readFileSync(path, 'utf8') : '';
const kept = new Map<string, string>();
for (const chunk of previous.split(/^(?=## )/m).slice(1)) kept.set(chunk.split('\n', 1)[0]!.slice(3).trim(), chunk.trim());
for (const s of sections) kept.set(s.title, `## ${s.title}\n\n${s.markdown.trim()}`);
writeFileSync(path, `${header}\n${[...kept.values()].join('\n\n')}\n`);
process.stdout.write(`wrote ${wanted.length ? `the ${names.join(', ')} section(s) of ` : ''}docs/benchmarks.md\n`);
