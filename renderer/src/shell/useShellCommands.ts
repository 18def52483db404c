/** Commands of the window as a whole: files, history, panels, find. */
import { useEffect } from 'react';
import type { DocumentView } from '../../../core/contract';
import { AppError } from '../../../core/errors';
import { call } from '../api';
import type { Command } from '../commands/registry';
import { reportError, type Workbench } from '../workspace-context';

export function useShellCommands(workbench: Workbench): void {
  useEffect(() => {
    const { doc, view } = workbench;
    const report = (e: unknown) => {
      if (e instanceof AppError && e.code === 'CANCELLED') return;
      reportError(workbench, e);
    };
    const openWith = (load: () => Promise<DocumentView | null>) => async () => {
      try {
        const next = await load();
        if (next) {
          workbench.dismissErrors();
          workbench.selection.clear();
          view.patch({ crisisId: null, whatIf: [], mode: 'normal' });
          doc.setView(next);
        }
      } catch (e) {
        report(e);
      }
    };
    const blurField = () => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && active !== document.body) active.blur();
    };
    const history = (step: 'undo' | 'redo') => async () => {
      blurField(); // commits a field being typed in, so undo sees it
      try {
        await (step === 'undo' ? doc.undo() : doc.redo());
      } catch (e) {
        report(e);
      }
    };
    const toggle = (key: 'showMinimap' | 'showInspector' | 'showAnalysis' | 'reportOnly') => () => view.patch({ [key]: !view.get()[key] });
    const commands: Command[] = [
      { id: 'file.new', keys: ['Mod+N'], inTextFields: true, run: openWith(() => call('newScenario', {})) },
      { id: 'file.open', keys: ['Mod+O'], inTextFields: true, run: openWith(() => call('openScenario', {})) },
      { id: 'file.newFromLibrary', run: openWith(() => call('newFromLibrary', {})) },
      { id: 'file.saveAs', keys: ['Shift+Mod+S'], inTextFields: true, run: openWith(() => call('saveScenarioAs', {})) },
      {
        id: 'file.saveCopy',
        run: async () => {
          try {
            const { fileName } = await call('saveScenarioCopy', {});
            workbench.notify(`Saved a copy as ${fileName}. You are still editing this file.`, 'info');
          } catch (e) {
            report(e);
          }
        },
      },
      { id: 'file.recoverDamaged', run: openWith(() => call('recoverDamaged', {})) },
      {
        id: 'file.close',
        run: async () => {
          await call('closeScenario', {}).catch(report);
          workbench.selection.clear();
          doc.setView(null);
        },
      },
      { id: 'edit.undo', keys: ['Mod+Z'], inTextFields: true, enabled: () => !!doc.getSnapshot().view?.history.canUndo, run: history('undo') },
      { id: 'edit.redo', keys: ['Shift+Mod+Z', 'Mod+Y'], inTextFields: true, enabled: () => !!doc.getSnapshot().view?.history.canRedo, run: history('redo') },
      { id: 'edit.find', keys: ['Mod+F'], inTextFields: true, run: () => view.patch({ findOpen: true, centre: 'canvas' }) },
      { id: 'view.toggleMinimap', run: toggle('showMinimap') },
      { id: 'view.toggleInspector', keys: ['Mod+I'], run: toggle('showInspector') },
      { id: 'view.toggleAnalysis', keys: ['Shift+Mod+A'], run: toggle('showAnalysis') },
      { id: 'view.reportOnly', run: toggle('reportOnly') },
      {
        id: 'help.about',
        run: async () => {
          const info = await call('appInfo', {});
          workbench.notify(`${info.name} ${info.version} (${info.platform}). Scenario files are SQLite; see docs/file-format.md.`, 'info');
        },
      },
    ];
    const unregister = commands.map((c) => workbench.commands.register(c));
    return () => unregister.forEach((off) => off());
  }, [workbench]);
}
