/**
 * The panel sizes of the open workspace, fitted to the window as it is resized, with the
 * "Sidebar" command (Ctrl+B) to fold the sidebar to its rail and back.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Workbench } from '../workspace-context';
import { fitPanels, loadPanels, savePanels, type PanelSizes } from './panel-layout';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

export function usePanelLayout(workbench: Workbench, shown: { inspector: boolean; analysis: boolean }) {
  const windowSize = useWindowSize();
  const [asked, setAsked] = useState<PanelSizes>(() => loadPanels({ width: window.innerWidth, height: window.innerHeight }, storage()));
  useEffect(() => savePanels(asked, storage()), [asked]);
  useEffect(
    () =>
      workbench.commands.register({
        id: 'view.toggleSidebar',
        keys: ['Mod+B'],
        run: () => setAsked((a) => ({ ...a, sidebarOpen: !a.sidebarOpen })),
      }),
    [workbench],
  );
  const sizes = useMemo(() => fitPanels(asked, windowSize, shown), [asked, windowSize, shown.inspector, shown.analysis]); // eslint-disable-line react-hooks/exhaustive-deps
  return { sizes, set: (change: Partial<PanelSizes>) => setAsked((a) => ({ ...a, ...change })) };
}
