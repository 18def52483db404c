/**
 * Building a workbench: the window's own, and the read-only one a past state (a snapshot, or the
 * scenario before a history step) is shown in beside the live scenario. Both are built here, so
 * the beside pane's canvas runs the very same code as the live one, on its own document,
 * selection, view options and commands.
 */
import type { DocumentView } from '../../core/contract';
import type { ScenarioDocument } from '../../core/model';
import { call } from './api';
import { CommandRegistry } from './commands/registry';
import { DocumentStore } from './state/document-store';
import { SessionStore } from './state/session';
import type { Observable } from './state/store';
import type { Beside, Notice, Workbench } from './workspace-context';

/** Marks the beside pane in the DOM: focus inside it belongs to the beside workbench. */
export const BESIDE_ATTRIBUTE = 'data-beside';
const inBeside = (element: Element | null): boolean => !!element?.closest(`[${BESIDE_ATTRIBUTE}]`);

const isMac = (): boolean => navigator.platform.toLowerCase().includes('mac');

interface Parts {
  session: SessionStore;
  doc: DocumentStore;
  notify: Workbench['notify'];
  dismissErrors: Workbench['dismissErrors'];
  clipboard: Workbench['clipboard'];
  owns: Workbench['owns'];
}

function assemble({ session, doc, notify, dismissErrors, clipboard, owns }: Parts): Workbench {
  const { selection, view } = session;
  const workbench: Workbench = {
    doc,
    session,
    selection,
    view,
    commands: new CommandRegistry(isMac()),
    canvas: { current: null },
    clipboard,
    notify,
    dismissErrors,
    owns,
    current: (): ScenarioDocument | null => doc.getSnapshot().view?.document ?? null,
    focusNodes(ids) {
      const document = doc.getSnapshot().view?.document;
      const first = document?.nodes.find((n) => n.id === ids[0]);
      if (!first) return;
      view.patch({ crisisId: first.crisisId, centre: 'canvas' });
      selection.selectNodes(ids);
      // The canvas may be mounting for another crisis: focus once it has laid out.
      requestAnimationFrame(() => requestAnimationFrame(() => workbench.canvas.current?.focusNodes(ids)));
    },
  };
  return workbench;
}

/** The window's workbench, for its whole life. */
export function createWorkbench(notices: Observable<Notice[]>): Workbench {
  const session = new SessionStore((crisisId, viewport) => void call('saveViewport', { crisisId, viewport }).catch(() => undefined));
  let nextNotice = 1;
  return assemble({
    session,
    doc: new DocumentStore(session),
    notify(text, tone = 'info', offer) {
      const notice: Notice = { id: nextNotice++, text, tone, offer };
      notices.update((list) => [...list.slice(-3), notice]);
      if (tone === 'info') setTimeout(() => notices.update((list) => list.filter((n) => n.id !== notice.id)), 6000);
    },
    dismissErrors: () => notices.update((list) => list.filter((n) => n.tone !== 'error')),
    clipboard: { current: null },
    owns: (element) => !inBeside(element),
  });
}

/**
 * Show `document` read-only beside the live scenario, in place of whatever was beside it. The
 * pane opens on the crisis the live canvas shows, fitted to the pane ("Match the live view" then
 * moves it to where the live canvas looks). Nothing in it can be changed; what is copied from it
 * can be pasted into the live scenario (the clip is shared).
 */
export function openBeside(main: Workbench, label: string, document: ScenarioDocument): void {
  const live = main.doc.getSnapshot().view;
  if (!live) return;
  const session = new SessionStore(() => undefined);
  const doc = new DocumentStore(session);
  const view: DocumentView = {
    ...live,
    document,
    readOnly: { code: 'READ_ONLY', message: `showing ${label} beside the live scenario. Nothing there can be changed.` },
    history: { canUndo: false, canRedo: false },
  };
  doc.setView(view);
  // The viewports saved with a snapshot were for a whole canvas: the pane fits each crisis instead.
  session.viewports.seed(null);
  session.view.patch({ crisisId: main.view.get().crisisId, showInspector: false, showAnalysis: false });
  const workbench = assemble({
    session,
    doc,
    notify: main.notify,
    dismissErrors: main.dismissErrors,
    clipboard: main.clipboard,
    owns: inBeside,
  });
  const beside: Beside = { label, workbench };
  main.session.beside.set(beside);
}

/** Close the pane beside the live scenario. */
export function closeBeside(main: Workbench): void {
  main.session.beside.set(null);
}
