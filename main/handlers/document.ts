/** Creating, opening, saving and closing scenarios for a window. */
import { rmSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { DocumentView } from '../../core/contract';
import { AppError } from '../../core/errors';
import { fileNameFrom, type ScenarioDocument } from '../../core/model';
import { openScenarioFile, salvageScenarioFile, salvageSummary, type SalvageReport } from '../../db';
import type { RecentFiles } from '../app/recent';
import type { AppSettings } from '../app/settings';
import type { AppServices } from '../app/services';
import { documentView, unwrap, type SessionRegistry } from '../app/sessions';
import { routeFile, viewForAsker } from '../app/window-router';

export interface DocumentDeps {
  services: AppServices;
  sessions: SessionRegistry;
  recent: RecentFiles;
  settings: AppSettings;
}

/** Open a file for a window: see main/app/window-router.ts. Null when it went to another window. */
export async function openPathFor(deps: DocumentDeps, windowId: number, path: string): Promise<DocumentView | null> {
  return viewForAsker(await routeFile(deps, windowId, path));
}

/**
 * A new untitled scenario. A window that already shows one keeps it, and the new scenario gets
 * a window of its own (null is returned); where there is only one window, this one takes it.
 */
export async function createUntitledFor(deps: DocumentDeps, windowId: number, title: string, document?: ScenarioDocument): Promise<DocumentView | null> {
  if (deps.sessions.get(windowId)) return openPathFor(deps, windowId, deps.sessions.createUntitledFile(title, document));
  const session = deps.sessions.createUntitled(windowId, title, document);
  deps.services.windows.documentChanged(windowId, 'Untitled scenario');
  return documentView(session);
}

export async function saveAsFor(deps: DocumentDeps, windowId: number): Promise<DocumentView> {
  const session = deps.sessions.require(windowId);
  const suggested = session.untitled ? `${safeFileName(session.store.info().title)}.scenario` : basename(session.store.path);
  const target = await deps.services.dialogs.chooseScenarioTarget(suggested);
  if (!target) throw new AppError('CANCELLED', 'Save As was cancelled.');
  deps.sessions.refuseOutputOnto(target);
  session.store.saveAs(target);
  const previous = session.store;
  const copy = unwrap(openScenarioFile(target, { nativeBinding: deps.services.nativeBinding }));
  previous.close();
  if (session.untitled) rmSync(previous.path, { force: true });
  const next = deps.sessions.rebind(windowId, copy, false);
  deps.recent.touch(target);
  deps.services.windows.documentChanged(windowId, basename(target));
  return documentView(next);
}

/**
 * Write a copy of this window's scenario where the planner chooses, and keep editing the original.
 * A writable scenario records a snapshot first and the copy remembers it (lineage), so merging
 * the copy back later has a common base; a read-only one is copied as it is.
 */
export async function saveCopyFor(deps: DocumentDeps, windowId: number): Promise<{ fileName: string }> {
  const session = deps.sessions.require(windowId);
  const title = session.store.info().title;
  const suggested = `${safeFileName(session.untitled ? title : basename(session.store.path, extname(session.store.path)))} (copy).scenario`;
  const target = await deps.services.dialogs.chooseScenarioTarget(suggested);
  if (!target) throw new AppError('CANCELLED', 'Save a Copy was cancelled.');
  deps.sessions.refuseOutputOnto(target);
  if (session.store.readOnly) session.store.saveAs(target);
  else session.store.saveCopyForReview(target, deps.settings.author());
  deps.recent.touch(target);
  return { fileName: basename(target) };
}

/**
 * Recover what can be read from a damaged file into a new file the planner names: the file this
 * window last failed to open, or else one chosen in the open dialog. The damaged file is only
 * read, never changed.
 */
export async function recoverDamagedFor(deps: DocumentDeps, windowId: number): Promise<DocumentView> {
  const source = deps.sessions.takeDamaged(windowId) ?? (await deps.services.dialogs.chooseScenarioToOpen());
  if (!source) throw new AppError('CANCELLED', 'Recovery was cancelled.');
  const target = await deps.services.dialogs.chooseScenarioTarget(`${safeFileName(basename(source, extname(source)))} (recovered).scenario`);
  if (!target) {
    deps.sessions.noteDamaged(windowId, source); // still on offer
    throw new AppError('CANCELLED', 'Recovery was cancelled.');
  }
  deps.sessions.refuseOutputOnto(target, [{ path: source, role: 'the file being recovered' }]);
  const result = salvageScenarioFile(source, target, { nativeBinding: deps.services.nativeBinding });
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  const session = deps.sessions.adopt(windowId, result.store, false);
  deps.recent.touch(target);
  deps.services.windows.documentChanged(windowId, basename(target));
  deps.services.windows.send(windowId, 'notice', noticeForSalvage(result.report));
  return documentView(session);
}

/** What a recovery kept and left out, as a notice that stays until dismissed when anything was lost. */
export function noticeForSalvage(report: SalvageReport): { tone: 'info' | 'warning'; text: string } {
  const firstProblems = report.problems.slice(0, 3).join(' · ');
  const text = `${salvageSummary(report)}${firstProblems ? ` ${firstProblems}${report.problemCount > 3 ? ' …' : ''}` : ''}`;
  return { tone: report.problemCount > 0 || report.unreadable.length > 0 ? 'warning' : 'info', text: text.slice(0, 4000) };
}

/** A suggested file name: the one rule in core/model/text.ts (no bidi overrides, no path characters). */
export const safeFileName = (title: string): string => fileNameFrom(title);
