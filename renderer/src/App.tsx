/**
 * The window: one workbench (document, selection, view, commands) for its whole life, the
 * keyboard and native-menu routing, and the choice between the welcome screen and the workspace.
 * It also sets data-app-state="ready" once the first load is done, for tests.
 */
import { useEffect, useMemo, useState } from 'react';
import { markingBanner, markingLines } from '../../core/export/audience';
import type { ScenarioDocument } from '../../core/model';
import { call } from './api';
import { installKeyboard } from './commands/keyboard';
import { CommandRegistry } from './commands/registry';
import { DocumentStore, useDocument } from './state/document-store';
import { installHistoryStops } from './state/history-stops';
import { SessionStore } from './state/session';
import { Observable, useObservable } from './state/store';
import { ExchangeDialogs } from './exchange/ExchangeDialogs';
import { ReconcileDialogs } from './exchange/ReconcileDialogs';
import { CommandPalette } from './shell/CommandPalette';
import { Notices } from './shell/Notices';
import { useShellCommands } from './shell/useShellCommands';
import { Welcome } from './shell/Welcome';
import { Workspace } from './shell/Workspace';
import { WorkbenchContext, type Notice, type Workbench } from './workspace-context';

function createWorkbench(notices: Observable<Notice[]>): Workbench {
  const session = new SessionStore((crisisId, viewport) => void call('saveViewport', { crisisId, viewport }).catch(() => undefined));
  const doc = new DocumentStore(session);
  const { selection, view } = session;
  let nextNotice = 1;
  const workbench: Workbench = {
    doc,
    session,
    selection,
    view,
    commands: new CommandRegistry(navigator.platform.toLowerCase().includes('mac')),
    canvas: { current: null },
    clipboard: { current: null },
    notify(text, tone = 'info', offer) {
      const notice: Notice = { id: nextNotice++, text, tone, offer };
      notices.update((list) => [...list.slice(-3), notice]);
      if (tone === 'info') setTimeout(() => notices.update((list) => list.filter((n) => n.id !== notice.id)), 6000);
    },
    dismissErrors: () => notices.update((list) => list.filter((n) => n.tone !== 'error')),
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

export function App() {
  const notices = useMemo(() => new Observable<Notice[]>([]), []);
  const workbench = useMemo(() => createWorkbench(notices), [notices]);
  const { view } = useDocument(workbench.doc);
  const noticeList = useObservable(notices);
  const [booted, setBooted] = useState(false);

  useShellCommands(workbench);

  useEffect(() => {
    const report = (e: unknown) => workbench.notify(e instanceof Error ? e.message : String(e), 'error');
    const offKeys = installKeyboard(workbench.commands, report);
    const offMenu = window.workbench.on('command', ({ command }) => {
      workbench.commands.run(command).catch(report);
    });
    const offNotice = window.workbench.on('notice', ({ tone, text }) => workbench.notify(text, tone));
    const offStops = installHistoryStops(workbench.doc);
    return () => {
      offStops();
      offKeys();
      offMenu();
      offNotice();
    };
  }, [workbench]);

  useEffect(() => {
    let live = true;
    call('currentScenario', {})
      .then((current) => live && workbench.doc.setView(current))
      .catch(() => undefined)
      .finally(() => live && setBooted(true));
    return () => {
      live = false;
    };
  }, [workbench]);

  useEffect(() => {
    const root = document.getElementById('root');
    if (root) root.dataset.appState = booted ? 'ready' : 'loading';
  }, [booted]);

  useEffect(() => {
    // The marking leads the window title, so a marked scenario is never on screen unmarked.
    const marking = view ? markingBanner(markingLines(view.document)) : '';
    document.title = view ? `${marking ? `${marking} — ` : ''}${view.fileName} — Scenario Workbench` : 'Scenario Workbench';
  }, [view]);

  if (!booted) return null;
  return (
    <WorkbenchContext.Provider value={workbench}>
      {view ? <Workspace /> : <Welcome />}
      <ExchangeDialogs />
      <ReconcileDialogs />
      <CommandPalette />
      <Notices notices={noticeList} dismiss={(id) => notices.update((list) => list.filter((n) => n.id !== id))} />
    </WorkbenchContext.Provider>
  );
}
