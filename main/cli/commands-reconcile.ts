/**
 * The CLI's diff, merge, snapshot and changes commands: comparing and reconciling copies of a
 * scenario. A state is a file, or FILE@SNAPSHOT (a snapshot by id or name); inputs are only
 * ever read. Exit codes: diff 0 whether or not the states differ; merge 0 when written, 1 when
 * conflicts remain (nothing written) or on an error.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  changeLineText, changesBriefHtml, changesBriefMarkdown, describeDiff, diffDocuments, mergeDocuments, type ResolvedConflict,
} from '../../core/diff';
import { AppError } from '../../core/errors';
import type { ScenarioDocument } from '../../core/model';
import { commonBase, openScenarioFileBounded, writeFileAtomically, writeMergedFile, refuseOutputOnto, type ScenarioStore, type SnapshotInfo } from '../../db';
import { outputPath, parseArgs, stringOption, UsageError } from './args';
import { cliChecks, type CliIo } from './io';

type Command = (argv: string[], io: CliIo) => Promise<number | void>;

export const RECONCILE_USAGE = `  diff A B [--json] [--moves apart|hide]  what changed from A to B, field by field; A and B are
                                         files or FILE@SNAPSHOT (a snapshot's id or name); exit 0
  merge OURS THEIRS -o OUT [--base BASE | --two-way] [--prefer ours|theirs] [--json] [--author NAME]
                                         three-way merge into a new file OUT (never an input); the base
                                         is the newest snapshot both files share unless --base is given;
                                         with conflicts and no --prefer nothing is written, exit 1
  snapshot create FILE NAME [--author NAME] | snapshot list FILE [--json] | snapshot delete FILE SNAPSHOT
  changes A B -o OUT.md|OUT.html [--moves]  "What changed since the last meeting" brief from A to B
`;

interface State {
  document: ScenarioDocument;
  /** How the state is named in messages and briefs. */
  label: string;
  path: string;
}

/** Open a file for one use, on the open's bounded path (a large file is checked off the main thread, with a time bound). */
async function withStore<T>(path: string, io: CliIo, use: (store: ScenarioStore) => T, readOnly = true): Promise<T> {
  const opened = await openScenarioFileBounded(path, { readOnly }, cliChecks(io));
  if (!opened.ok) {
    if (opened.error.code === 'FILE_LOCKED') {
      throw new AppError('FILE_LOCKED', `${path} is open for editing in Scenario Workbench, which locks it; close it there and try again.`);
    }
    throw new AppError(opened.error.code, opened.error.message);
  }
  try {
    return use(opened.store);
  } finally {
    opened.store.close();
  }
}

/** A file, or FILE@SNAPSHOT when no file has the whole name. */
export async function readState(spec: string, io: CliIo): Promise<State> {
  const { cwd } = io;
  const whole = resolve(cwd, spec);
  const at = spec.lastIndexOf('@');
  if (existsSync(whole) || at <= 0) {
    return { document: await withStore(whole, io, (s) => s.load()), label: spec, path: whole };
  }
  const path = resolve(cwd, spec.slice(0, at));
  const name = spec.slice(at + 1);
  if (!name) throw new UsageError(`${spec}: name a snapshot after the @`);
  return withStore(path, io, (s) => {
    const snapshot = s.findSnapshot(name);
    return { document: s.readSnapshot(snapshot.id), label: `${spec.slice(0, at)} at snapshot "${snapshot.name}"`, path };
  });
}

async function twoStates(argv: string[], valued: string[], switches: string[], io: CliIo) {
  const args = parseArgs(argv, new Set(valued), new Set(switches));
  if (args.positionals.length !== 2) throw new UsageError('expected two states, A and B');
  return { args, a: await readState(args.positionals[0]!, io), b: await readState(args.positionals[1]!, io) };
}

function movesOption(value: string | undefined): 'apart' | 'hide' {
  if (value === undefined || value === 'apart' || value === 'hide') return value ?? 'apart';
  throw new UsageError('--moves must be apart or hide');
}

const conflictJson = (c: ResolvedConflict) => ({
  type: c.type, id: c.id, field: c.field, kind: c.kind, base: c.base ?? null, ours: c.ours ?? null, theirs: c.theirs ?? null,
  dependents: c.dependents, resolution: c.resolution?.pick ?? null,
});

async function findBase(ours: string, theirs: string, io: CliIo, baseSpec: string | undefined, twoWay: boolean): Promise<State | null> {
  if (baseSpec) return readState(baseSpec, io);
  const snapshotsOf = (path: string): Promise<SnapshotInfo[]> => withStore(path, io, (s) => s.listSnapshots());
  const shared = commonBase(await snapshotsOf(ours), await snapshotsOf(theirs));
  if (shared) return { document: await withStore(ours, io, (s) => s.readSnapshot(shared.id)), label: `their shared snapshot "${shared.name}"`, path: ours };
  if (twoWay) return null;
  throw new AppError('NOT_FOUND', 'The two files share no snapshot, so their common base is unknown. Give --base BASE, or --two-way to decide every difference.');
}

export const RECONCILE_COMMANDS: Record<string, Command> = {
  async diff(argv, io) {
    const { args, a, b } = await twoStates(argv, ['moves'], ['json'], io);
    const diff = diffDocuments(a.document, b.document, { layout: movesOption(stringOption(args, 'moves')) });
    if (args.options.has('json')) {
      io.out(`${JSON.stringify(diff, null, 2)}\n`);
      return 0;
    }
    const lines = describeDiff(a.document, b.document, diff);
    if (lines.length === 0) io.out(`no differences between ${a.label} and ${b.label}\n`);
    for (const line of lines) io.out(`${changeLineText(line)}\n`);
    return 0;
  },

  async merge(argv, io) {
    const args = parseArgs(argv, new Set(['base', 'prefer', 'o', 'output', 'author']), new Set(['json', 'two-way']));
    if (args.positionals.length !== 2) throw new UsageError('expected OURS and THEIRS');
    const out = outputPath(args, io.cwd);
    const prefer = stringOption(args, 'prefer');
    if (prefer !== undefined && prefer !== 'ours' && prefer !== 'theirs') throw new UsageError('--prefer must be ours or theirs');
    if (args.options.has('two-way') && args.options.has('base')) throw new UsageError('--two-way and --base exclude each other');
    const oursPath = resolve(io.cwd, args.positionals[0]!);
    if (!existsSync(oursPath)) throw new UsageError('OURS must be a scenario file (OUT starts as a copy of it)');
    const theirs = await readState(args.positionals[1]!, io);
    const inputs = [oursPath, theirs.path];
    // Refused before any work, by file identity: OUT may be an input spelled another way.
    refuseOutputOnto(out, inputs.map((path) => ({ path, role: 'an input of the merge' })));
    const ours = await readState(args.positionals[0]!, io);
    const base = await findBase(oursPath, theirs.path, io, stringOption(args, 'base'), args.options.has('two-way'));
    if (base) inputs.push(base.path);
    const result = mergeDocuments(base?.document ?? null, ours.document, theirs.document, { prefer });
    const json = args.options.has('json');
    const summary = {
      written: result.unresolved === 0 ? out : null, mode: result.mode, base: base?.label ?? null,
      conflicts: result.conflicts.map(conflictJson), dropped: result.dropped,
    };
    if (result.unresolved > 0) {
      if (json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
      else {
        io.err(`scenario-workbench merge: ${result.unresolved} conflict(s); nothing written. Resolve with --prefer ours|theirs, or merge in the app.\n`);
        for (const c of result.conflicts) io.err(`  ${c.type} ${c.id} ${c.field}: ours ${JSON.stringify(c.ours ?? null)}, theirs ${JSON.stringify(c.theirs ?? null)}\n`);
      }
      return 1;
    }
    writeMergedFile(oursPath, out, result.document, {
      inputs, author: stringOption(args, 'author') ?? 'scenario-workbench CLI', snapshotName: `Before merging ${theirs.label}`,
    });
    if (json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
    else io.out(`merged ${theirs.label} into a copy of ${ours.label} (${result.mode}${base ? `, base: ${base.label}` : ''}); ${result.conflicts.length} conflict(s) resolved to ${prefer ?? 'none'}; wrote ${out}\n`);
    return 0;
  },

  async snapshot(argv, io) {
    const [action, ...rest] = argv;
    const args = parseArgs(rest, new Set(['author']), new Set(['json']));
    const [file, name] = args.positionals;
    if (!file) throw new UsageError('snapshot needs a FILE');
    const path = resolve(io.cwd, file);
    if (action === 'list') {
      const list = await withStore(path, io, (s) => s.listSnapshots());
      if (args.options.has('json')) io.out(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0) io.out('no snapshots\n');
      else for (const s of list) io.out(`${s.createdAt}  ${s.name}  (${s.kind}${s.author ? `, ${s.author}` : ''}; id ${s.id})\n`);
      return 0;
    }
    if (!name || args.positionals.length !== 2) throw new UsageError(`snapshot ${action ?? ''} needs FILE and a NAME or SNAPSHOT`);
    if (action === 'create') {
      const made = await withStore(path, io, (s) => s.createSnapshot(name, 'manual', stringOption(args, 'author') ?? ''), false);
      io.out(`created snapshot "${made.name}" (id ${made.id})\n`);
      return 0;
    }
    if (action === 'delete') {
      const gone = await withStore(path, io, (s) => {
        const found = s.findSnapshot(name);
        s.deleteSnapshot(found.id);
        return found;
      }, false);
      io.out(`deleted snapshot "${gone.name}"\n`);
      return 0;
    }
    throw new UsageError('snapshot takes create, list or delete');
  },

  async changes(argv, io) {
    const { args, a, b } = await twoStates(argv, ['o', 'output', 'title'], ['moves'], io);
    const out = outputPath(args, io.cwd);
    const html = /\.html?$/i.test(out);
    if (!html && !/\.(md|markdown)$/i.test(out)) throw new UsageError('OUT must end in .md or .html');
    refuseOutputOnto(out, [a.path, b.path].map((path) => ({ path, role: 'an input of the brief' })));
    const options = { fromLabel: a.label, toLabel: b.label, listMoves: args.options.has('moves'), title: stringOption(args, 'title') };
    const text = html ? changesBriefHtml(a.document, b.document, options) : changesBriefMarkdown(a.document, b.document, options);
    writeFileAtomically(out, new TextEncoder().encode(text));
    io.out(`wrote ${out}\n`);
    return 0;
  },
};
