/**
 * The CLI's export, import and analyze commands. They use the same exporters, importers and
 * file helpers as the app's handlers (main/export, main/handlers/exchange), and read scenario
 * files read-only: the CLI never changes the file it exports or analyses.
 */
import { extname, resolve } from 'node:path';
import { EXPORT_FORMATS, IMPORT_FORMATS, type ExportFormat, type ExportOptions } from '../../core/contract';
import { analyzeDocument, formatAnalysisText } from '../../core/analysis';
import { exportFormat, importFormatOf, PAPERS, type ExportOptionName } from '../../core/formats';
import { AppError } from '../../core/errors';
import { NODE_KINDS, type NodeKind, type ScenarioDocument } from '../../core/model';
import { createScenarioFile, openScenarioFileBounded, refuseOutputOnto } from '../../db';
import { exportDocument } from '../export';
import { writeFileAtomically } from '../../db';
import { importFromFile } from '../handlers/exchange';
import { outputPath, parseArgs, stringOption, UsageError, type ParsedArgs } from './args';
import { cliChecks, type CliIo } from './io';

type Command = (argv: string[], io: CliIo) => Promise<void>;

export const EXCHANGE_USAGE = `  export FILE --format F -o OUT          write FILE in format F: ${EXPORT_FORMATS.join('|')}
      [--crisis ID[,ID…]] [--scale 1|2] [--bom] [--paper ${PAPERS.join('|')}]
      [--actors CODE,CODE…] [--no-notes] [--report-only] [--marking TEXT] [--caveat TEXT]
  import IN -o FILE.scenario             create a scenario from IN (${IMPORT_FORMATS.join('|')}; by extension)
      [--format F] [--kind ${NODE_KINDS.join('|')}]
  analyze FILE [--crisis ID] [--json]    coverage gaps, risk, consensus and responsibilities
`;

export const EXCHANGE_COMMANDS: Record<string, Command> = {
  async export(argv, io) {
    const args = parseArgs(argv, new Set(['format', 'crisis', 'scale', 'paper', 'actors', 'marking', 'caveat', 'o', 'output']), new Set(['bom', 'no-notes', 'report-only']));
    const source = onlyPositional(args, 'FILE', io);
    const out = outputPath(args, io.cwd);
    const format = oneOf(stringOption(args, 'format'), EXPORT_FORMATS, '--format');
    if (!format) throw new UsageError('--format is required');
    const options = exportOptions(args, format);
    refuseOutputOnto(out, [{ path: source, role: 'the scenario being exported' }]);
    const doc = await readScenario(source, io);
    const file = await exportDocument(doc, { ...options, ...audienceOptions(args, doc) });
    writeFileAtomically(out, file.bytes);
    io.out(`wrote ${out} (${file.bytes.byteLength} bytes)\n`);
  },

  async import(argv, io) {
    const args = parseArgs(argv, new Set(['format', 'kind', 'o', 'output']), new Set());
    const source = onlyPositional(args, 'IN', io);
    const out = outputPath(args, io.cwd);
    const format = oneOf(stringOption(args, 'format'), IMPORT_FORMATS, '--format') ?? importFormatOf(source) ?? undefined;
    if (!format) throw new UsageError(`cannot tell the format of ${extname(source) || 'a file without an extension'}; give --format ${IMPORT_FORMATS.join('|')}`);
    const kind: NodeKind | undefined = oneOf(stringOption(args, 'kind'), NODE_KINDS, '--kind');
    if (kind && format !== 'canvas') throw new UsageError('--kind applies to canvas imports only');
    refuseOutputOnto(out, [{ path: source, role: 'the file being imported' }]);
    // Validated in full before anything is created; createScenarioFile writes under a temp
    // name and never replaces an existing file, so a failure leaves nothing at OUT.
    const { document, warnings } = await importFromFile(source, format, kind, { script: io.importWorker });
    for (const warning of warnings.slice(0, 50)) io.err(`scenario-workbench import: left out ${warning}\n`);
    const created = createScenarioFile(out, { title: document.scenario.title, document });
    if (!created.ok) throw new AppError(created.error.code, created.error.message);
    created.store.close();
    io.out(`created ${out} (${document.crises.length} crises, ${document.nodes.length} nodes, ${document.edges.length} edges)\n`);
  },

  async analyze(argv, io) {
    const args = parseArgs(argv, new Set(['crisis']), new Set(['json']));
    const source = onlyPositional(args, 'FILE', io);
    const crisisId = stringOption(args, 'crisis') ?? null;
    const result = analyzeDocument(await readScenario(source, io), { crisisId });
    io.out(args.options.has('json') ? `${JSON.stringify(result, null, 2)}\n` : formatAnalysisText(result));
  },
};

/**
 * The whole document of a scenario file, opened read-only. The app keeps an exclusive lock on
 * a file it has open for editing, so reading that file fails; say so plainly.
 */
export async function readScenario(path: string, io: CliIo): Promise<ScenarioDocument> {
  const opened = await openScenarioFileBounded(path, { readOnly: true }, cliChecks(io));
  if (!opened.ok) {
    if (opened.error.code === 'FILE_LOCKED') {
      throw new AppError('FILE_LOCKED', `${path} is open for editing in Scenario Workbench, which locks it; close it there (or export from the app) and try again.`);
    }
    throw new AppError(opened.error.code, opened.error.message);
  }
  try {
    return opened.store.load();
  } finally {
    opened.store.close();
  }
}

/**
 * Who the export is for, from --actors (codes or ids, comma-separated), --no-notes,
 * --report-only (only what a cited source states or grounds; no notes), and the
 * marking overrides --marking and --caveat. A marked scenario cannot be exported unmarked:
 * an empty --marking is refused rather than ignored.
 */
function audienceOptions(args: ParsedArgs, doc: ScenarioDocument): Pick<ExportOptions, 'audience' | 'marking'> {
  const actorsGiven = stringOption(args, 'actors');
  const marking = stringOption(args, 'marking');
  const caveat = stringOption(args, 'caveat');
  if (marking !== undefined && !marking.trim() && doc.scenario.marking) {
    throw new UsageError(`this scenario is marked ${doc.scenario.marking}; --marking can change the marking but not remove it`);
  }
  if (caveat !== undefined && !caveat.trim() && doc.scenario.markingCaveat) {
    throw new UsageError(`this scenario carries the caveat ${doc.scenario.markingCaveat}; --caveat can change it but not remove it`);
  }
  const out: Pick<ExportOptions, 'audience' | 'marking'> = {};
  if (marking?.trim() || caveat?.trim()) out.marking = { ...(marking?.trim() ? { marking: marking.trim() } : {}), ...(caveat?.trim() ? { caveat: caveat.trim() } : {}) };
  const reportOnly = args.options.has('report-only');
  if (actorsGiven === undefined && !args.options.has('no-notes') && !reportOnly) return out;
  let actorIds: string[] | null = null;
  if (actorsGiven !== undefined) {
    actorIds = actorsGiven.split(',').map((s) => s.trim()).filter(Boolean).map((wanted) => {
      const actor = doc.actors.find((a) => a.id === wanted) ?? doc.actors.find((a) => a.code.toLowerCase() === wanted.toLowerCase());
      if (!actor) throw new UsageError(`--actors: no actor "${wanted}" in this scenario (codes: ${doc.actors.map((a) => a.code).join(', ')})`);
      return actor.id;
    });
  }
  out.audience = { actorIds, notes: !args.options.has('no-notes') && !reportOnly, reportOnly, crisisIds: null };
  return out;
}

function exportOptions(args: ParsedArgs, format: ExportFormat): ExportOptions {
  const crisisIds = (stringOption(args, 'crisis') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const scale = oneOf(stringOption(args, 'scale'), ['1', '2'] as const, '--scale');
  const paper = oneOf(stringOption(args, 'paper'), PAPERS, '--paper');
  const refuseUnless = (given: unknown, option: ExportOptionName) => {
    if (!given || exportFormat(format).options.some((o) => o === option)) return;
    const takers = EXPORT_FORMATS.filter((f) => exportFormat(f).options.some((o) => o === option));
    throw new UsageError(`--${option} applies to ${takers.join(', ')} only`);
  };
  refuseUnless(scale, 'scale');
  refuseUnless(paper, 'paper');
  refuseUnless(args.options.has('bom'), 'bom');
  return {
    format,
    scope: crisisIds.length === 0 ? { kind: 'all' } : crisisIds.length === 1 ? { kind: 'crisis', crisisId: crisisIds[0]! } : { kind: 'crises', crisisIds },
    ...(scale ? { scale: scale === '2' ? 2 : 1 } : {}),
    ...(paper ? { paper } : {}),
    ...(args.options.has('bom') ? { bom: true } : {}),
  };
}

function onlyPositional(args: ParsedArgs, name: string, io: CliIo): string {
  if (args.positionals.length !== 1) throw new UsageError(`expected exactly one ${name}`);
  return resolve(io.cwd, args.positionals[0]!);
}

/** The value if it is one of `allowed`, undefined if absent; a usage error otherwise. */
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join('|')}`);
}
