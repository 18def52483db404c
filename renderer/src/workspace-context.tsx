/**
 * Everything a part of the workspace needs, passed down through one context: the document, the
 * selection, the view options, the command registry, and a handle on the canvas.
 */
import { createContext, useCallback, useContext } from 'react';
import type { Clip } from '../../core/clipboard';
import { AppError } from '../../core/errors';
import type { Op } from '../../core/ops';
import type { ScenarioDocument, Viewport } from '../../core/model';
import type { CommandRegistry } from './commands/registry';
import type { DocumentStore } from './state/document-store';
import type { SelectionStore } from './state/selection';
import type { SessionStore } from './state/session';
import type { ViewStore } from './state/view';

/** What the canvas lets others do to it; registered by the canvas while it is mounted. */
export interface CanvasHandle {
  focusNodes(ids: readonly string[]): void;
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** The flow coordinates at the centre of the visible canvas. */
  centre(): { x: number; y: number };
  /** Where the canvas is looking now. */
  viewport(): Viewport;
  /** Look where another canvas looks (the pane beside the live scenario matching it). */
  show(viewport: Viewport): void;
}

/** A past state shown read-only beside the live scenario, in its own workbench (see workbench.ts). */
export interface Beside {
  /** e.g. 'the snapshot “Before the meeting” (04/12/2026, 10:00:00)'. */
  label: string;
  workbench: Workbench;
}

export interface Notice {
  id: number;
  /** Info fades after a few seconds; warnings and errors stay until dismissed. */
  tone: 'info' | 'warning' | 'error';
  text: string;
  /** A way out offered beside the message. */
  offer?: NoticeOffer;
}

/**
 * Save As, for a file that can no longer be written; recovery, for a damaged file that was
 * refused; a copy without the stray -wal/-shm beside a refused file (recovery reads the file alone).
 */
export type NoticeOffer = 'saveAs' | 'recover' | 'copyWithoutSideFile';

/** The way out an error suggests, if any. */
export function offerFor(error: unknown): NoticeOffer | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code === 'READ_ONLY' || error.code === 'FILE_GONE' || error.code === 'DISK_FULL') return 'saveAs';
  if (error.code === 'STRAY_SIDE_FILE') return 'copyWithoutSideFile';
  return error.code === 'DAMAGED_FILE' ? 'recover' : undefined;
}

/** Report an error as a notice, with the way out it suggests. */
export function reportError(workbench: Pick<Workbench, 'notify'>, error: unknown): void {
  workbench.notify(error instanceof Error ? error.message : String(error), 'error', offerFor(error));
}

export interface Workbench {
  doc: DocumentStore;
  /** Session state: selection, view options and viewports, pruned after every applied change. */
  session: SessionStore;
  /** The session's selection (the same object as session.selection). */
  selection: SelectionStore;
  /** The session's view options (the same object as session.view). */
  view: ViewStore;
  commands: CommandRegistry;
  canvas: { current: CanvasHandle | null };
  /** The last copied clip, shared by every file shown in this window (the system clipboard is used too where allowed). */
  clipboard: { current: Clip | null };
  notify(text: string, tone?: Notice['tone'], offer?: NoticeOffer): void;
  /** Drop error notices once what they reported is resolved (e.g. after Save As). */
  dismissErrors(): void;
  /**
   * Whether focus on `element` is this workbench's: the beside pane's for the beside workbench,
   * the rest of the window's for the window's own. Keys and clipboard events act only there.
   */
  owns(element: Element | null): boolean;
  /** The document as it is now (for event handlers; components subscribe with useDocument). */
  current(): ScenarioDocument | null;
  /** Select nodes, switch to their crisis and canvas, and bring them into view. */
  focusNodes(ids: readonly string[]): void;
}

export const WorkbenchContext = createContext<Workbench | null>(null);

export function useWorkbench(): Workbench {
  const workbench = useContext(WorkbenchContext);
  if (!workbench) throw new Error('useWorkbench outside the workspace');
  return workbench;
}

export type Edit = (ops: Op[], mark?: string | null) => Promise<boolean>;

/**
 * How panels write: every change goes through doc.edit, and a refusal reaches the user as one
 * notice (with the way out it suggests), never thrown into React. Resolves true when main
 * applied the ops, false when it refused.
 */
export function useEdit(): Edit {
  const { doc, notify } = useWorkbench();
  return useCallback(
    async (ops: Op[], mark: string | null = null) => {
      if (ops.length === 0) return true;
      try {
        await doc.edit(ops, mark);
        return true;
      } catch (error) {
        reportError({ notify }, error);
        return false;
      }
    },
    [doc, notify],
  );
}
