/**
 * The window: one workbench (document, selection, view, commands) for its whole life, the
 * keyboard and native-menu routing, and the choice between the welcome screen and the workspace.
 * It also sets data-app-state="ready" once the first load is done, for tests.
 */
import { useEffect, useMemo, useState } from 'react';
import { markingBanner, markingLines } from '../../core/export/audience';
import { call } from './api';
import { installKeyboard } from './commands/keyboard';
import { useDocument } from './state/document-store';
import { installHistoryStops } from './state/history-stops';
import { Observable, useObservable } from './state/store';
import { ExchangeDialogs } from './exchange/ExchangeDialogs';
import { ReconcileDialogs } from './exchange/ReconcileDialogs';
import { CommandPalette } from './shell/CommandPalette';
import { Notices } from './shell/Notices';
import { useShellCommands } from './shell/useShellCommands';
import { Welcome } from './shell/Welcome';
import { Workspace } from './shell/Workspace';
import { createWorkbench } from './workbench';
import { WorkbenchContext, type Notice } from './workspace-context';

export function App() {
  const notices = useMemo(() => new Observable<Notice[]>([]), []);
  const workbench = useMemo(() => createWorkbench(notices), [notices]);
  const { view } = useDocument(workbench.doc);
  const noticeList = useObservable(notices);
  const [booted, setBooted] = useState(false);

  useShellCommands(workbench);

  useEffect(() => {
    const report = (e: unknown) => workbench.notify(e instanceof Error ? e.message : String(e), 'error');
    // Focus in the pane beside the live scenario asks that pane's commands first.
    const offKeys = installKeyboard(() => {
      const beside = workbench.session.beside.get()?.workbench;
      return beside?.owns(document.activeElement) ? [beside.commands, workbench.commands] : [workbench.commands];
    }, report);
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
