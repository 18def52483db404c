/** Chooses between the welcome screen and the workspace, and signals readiness for tests. */
import { useEffect, useMemo, useState } from 'react';
import { call } from './api';
import { DocumentStore, useDocument } from './state/document-store';
import { Welcome } from './shell/Welcome';
import { Workspace } from './shell/Workspace';

export function App() {
  const store = useMemo(() => new DocumentStore(), []);
  const { view } = useDocument(store);
  const [booted, setBooted] = useState(false);

  useEffect(() => {
    let live = true;
    call('currentScenario', {})
      .then((current) => live && store.setView(current))
      .catch(() => undefined)
      .finally(() => live && setBooted(true));
    return () => {
      live = false;
    };
  }, [store]);

  useEffect(() => {
    const root = document.getElementById('root');
    if (root) root.dataset.appState = booted ? 'ready' : 'loading';
  }, [booted]);

  if (!booted) return null;
  return view ? <Workspace store={store} /> : <Welcome store={store} />;
}
