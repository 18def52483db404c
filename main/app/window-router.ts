/**
 * Which window shows a scenario file, decided in one pass. A window already showing the file is
 * focused; a window showing nothing takes the file; otherwise the file gets a new window of its
 * own. Opening happens here, in the window that will show it, so a failure (a damaged file, a
 * missing one) reaches the window that asked: its call fails with the error, the new window is
 * closed again rather than left blank, and a damaged file is remembered for that window so it can
 * offer recovery. Plain Node: windows are created through WindowHost.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { DocumentView } from '../../core/contract';
import { AppError } from '../../core/errors';
import type { RecentFiles } from './recent';
import type { AppServices } from './services';
import { documentView, type SessionRegistry } from './sessions';

export interface RouterDeps {
  services: AppServices;
  sessions: SessionRegistry;
  recent: RecentFiles;
}

/** Where a file went. */
export type Routed =
  /** The window that asked shows it (it took the file, or already had it). */
  | { kind: 'here'; windowId: number; view: DocumentView }
  /** Another window shows it: one that already had it (focused), or a new one. */
  | { kind: 'elsewhere'; windowId: number; how: 'focused' | 'opened' };

/**
 * Show `path` for the window `asker` (null when no window asked: the file came from the OS or a
 * second instance). Throws the AppError of a failed open; nothing is left half-open.
 */
export async function routeFile(deps: RouterDeps, asker: number | null, path: string): Promise<Routed> {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `No file at ${path}.`);
  const holder = deps.sessions.windowOf(path);
  if (holder !== undefined) {
    if (holder === asker) return { kind: 'here', windowId: holder, view: documentView(deps.sessions.require(holder)) };
    deps.services.windows.focusWindow(holder);
    return { kind: 'elsewhere', windowId: holder, how: 'focused' };
  }
  if (asker !== null && !deps.sessions.get(asker)) return { kind: 'here', windowId: asker, view: await openIn(deps, asker, path, asker) };
  const created = deps.services.windows.createWindow();
  // A host with one window only (the node test harness) lets the asking window take the file.
  if (created === null) {
    if (asker === null) throw new AppError('INTERNAL', 'No window to show the file in.');
    return { kind: 'here', windowId: asker, view: await openIn(deps, asker, path, asker) };
  }
  try {
    await openIn(deps, created, path, asker ?? created);
  } catch (err) {
    // The asker hears of it; a window that would only show nothing is closed again, unless
    // nobody asked (the OS opened the file), when it is the one place to say what went wrong.
    if (asker !== null) deps.services.windows.closeWindow(created);
    throw err;
  }
  return { kind: 'elsewhere', windowId: created, how: 'opened' };
}

/** The view for the window that asked, or null when the file went to another window. */
export const viewForAsker = (routed: Routed): DocumentView | null => (routed.kind === 'here' ? routed.view : null);

async function openIn(deps: RouterDeps, windowId: number, path: string, reportTo: number): Promise<DocumentView> {
  let session;
  try {
    session = await deps.sessions.openFile(windowId, path);
  } catch (err) {
    // A damaged file is refused, but the window that asked remembers it: the planner may recover
    // it. A file with a stray -wal beside it likewise: recovery reads the file alone.
    if (err instanceof AppError && (err.code === 'DAMAGED_FILE' || err.code === 'STRAY_SIDE_FILE')) deps.sessions.noteDamaged(reportTo, path);
    throw err;
  }
  if (!session.untitled) deps.recent.touch(path);
  deps.services.windows.documentChanged(windowId, basename(path));
  return documentView(session);
}
