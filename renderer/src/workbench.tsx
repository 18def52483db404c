/**
 * Everything a part of the workspace needs, passed down through one context: the document, the
 * selection, the view options, the command registry, and a handle on the canvas.
 */
import { createContext, useContext } from 'react';
import type { Clip } from '../../core/clipboard';
import type { ScenarioDocument, Viewport } from '../../core/model';
import type { CommandRegistry } from './commands/registry';
import type { DocumentStore } from './state/document-store';
import type { SelectionStore } from './state/selection';
import type { ViewStore } from './state/view';

/** What the canvas lets others do to it; registered by the canvas while it is mounted. */
export interface CanvasHandle {
  focusNodes(ids: readonly string[]): void;
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** The flow coordinates at the centre of the visible canvas. */
  centre(): { x: number; y: number };
}

export interface Notice {
  id: number;
  tone: 'info' | 'error';
  text: string;
  /** Offer Save As alongside the message (a failed edit on a read-only or vanished file). */
  offerSaveAs?: boolean;
}

export interface Workbench {
  doc: DocumentStore;
  selection: SelectionStore;
  view: ViewStore;
  commands: CommandRegistry;
  canvas: { current: CanvasHandle | null };
  /** The last copied clip, shared by every file shown in this window (the system clipboard is used too where allowed). */
  clipboard: { current: Clip | null };
  /** Where each crisis's canvas was last looking in this window (also saved to the file). */
  viewports: Map<string, Viewport>;
  notify(text: string, tone?: Notice['tone'], offerSaveAs?: boolean): void;
  /** Drop error notices once what they reported is resolved (e.g. after Save As). */
  dismissErrors(): void;
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
