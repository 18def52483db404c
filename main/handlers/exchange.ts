/**
 * Library, export and import: moving scenarios in and out of the app. The handlers here and the
 * CLI's export/import commands share the exporters (main/export) and the file helpers in db/file-io.ts, so
 * a file exported from the app and one exported from the command line are the same bytes.
 */
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { ExportOptions, ImportFormat } from '../../core/contract';
import { exportFormat } from '../../core/formats';
import { AppError } from '../../core/errors';
import { checkScope, scopedGraph, scopeTitle } from '../../core/export';
import { instantiateLibraryCrisis, libraryCrises, reportLibrary } from '../../core/library';
import { newId, type NodeKind, type ScenarioDocument } from '../../core/model';
import { writeFileAtomically } from '../../db';
import { exportDocument } from '../export';
import { importInWorker, type ImportWorkerOptions } from '../import/run';
import type { Handlers } from '../ipc/adapter';
import { createUntitledFor, safeFileName, type DocumentDeps } from './document';
import { applyEdit, rememberExportAudience } from './edit';

type ExchangeChannels = 'newFromLibrary' | 'libraryCrises' | 'insertLibraryCrisis' | 'exportScenario' | 'revealExport' | 'importScenario';


export function exchangeHandlers(deps: DocumentDeps): Pick<Handlers, ExchangeChannels> {
  // Paths of finished exports, by id, for "Open file" / "Show in folder". Per handler context
  // (one per app, one per test), so the renderer only ever holds an opaque id, never a path.
  const exports = new Map<string, string>();

  return {
    newFromLibrary: (ctx) => {
      const library = reportLibrary();
      return createUntitledFor(deps, ctx.windowId, library.scenario.title, library);
    },
    libraryCrises: () => libraryCrises(),
    insertLibraryCrisis: (ctx, req) => {
      const session = deps.sessions.require(ctx.windowId);
      const ops = instantiateLibraryCrisis(session.store.load(), req.crisisId, newId);
      // A null mark makes the whole insertion one undo step of its own.
      return applyEdit(session, ops, null);
    },
    exportScenario: async (ctx, req) => {
      const session = deps.sessions.require(ctx.windowId);
      const doc = session.store.load();
      checkScope(doc, req.scope);
      const target = await deps.services.dialogs.chooseExportTarget(suggestedExportName(doc, req), req.format);
      if (!target) throw new AppError('CANCELLED', 'Export was cancelled.');
      deps.sessions.refuseOutputOnto(target);
      // Progress goes to the window at most every 5%, so a big export does not flood IPC.
      let reported = -1;
      const file = await exportDocument(doc, req, (fraction) => {
        if (fraction - reported < 0.05 && fraction < 1) return;
        reported = fraction;
        deps.services.windows.send(ctx.windowId, 'exportProgress', { fraction });
      });
      writeFileAtomically(target, file.bytes);
      if (req.audience) rememberExportAudience(session, req.audience);
      const exportId = newId();
      exports.set(exportId, target);
      return { exportId, fileName: basename(target), bytes: file.bytes.byteLength };
    },
    revealExport: async (_ctx, req) => {
      const path = exports.get(req.exportId);
      if (!path) throw new AppError('NOT_FOUND', 'That export is not known to this window.');
      if (!existsSync(path)) throw new AppError('NOT_FOUND', `${basename(path)} is no longer where it was exported.`);
      if (req.how === 'open') await deps.services.shell.openPath(path);
      else deps.services.shell.showInFolder(path);
      return { done: true };
    },
    importScenario: async (ctx, req) => {
      const source = await deps.services.dialogs.chooseImportSource(req.format);
      if (!source) throw new AppError('CANCELLED', 'Import was cancelled.');
      const { document, warnings } = await importFromFile(source, req.format, req.kind, { script: deps.services.importWorker });
      const view = await createUntitledFor(deps, ctx.windowId, document.scenario.title, document);
      if (warnings.length) deps.services.windows.send(ctx.windowId, 'notice', { tone: 'info', text: importWarningText(warnings) });
      return view;
    },
  };
}

export function suggestedExportName(doc: ScenarioDocument, options: ExportOptions): string {
  const title = scopeTitle(doc, scopedGraph(doc, options.scope), options.scope);
  return `${safeFileName(title)}.${exportFormat(options.format).extension}`;
}

/**
 * Read and validate an import source, off the main thread (main/import/run.ts); nothing is
 * written. Errors name the file and the first bad path or row. Canvas and CSV imports take the
 * file's name as the scenario title.
 */
export function importFromFile(path: string, format: ImportFormat, kind: NodeKind | undefined, worker: ImportWorkerOptions): Promise<{ document: ScenarioDocument; warnings: string[] }> {
  const title = basename(path, extname(path)).trim() || 'Imported scenario';
  return importInWorker(path, { format, kind, title }, worker);
}

/** One line for what an import left out on purpose (e.g. edges the connection rules forbid). */
export function importWarningText(warnings: readonly string[]): string {
  const shown = warnings.slice(0, 3).join('; ');
  const more = warnings.length > 3 ? `; and ${warnings.length - 3} more` : '';
  return `Imported, leaving out ${warnings.length} item${warnings.length === 1 ? '' : 's'}: ${shown}${more}.`;
}
