// Runs in the page before the app: builds window.workbench from the same contract code as the
// real preload, but sends calls through Playwright's exposeBinding to the real Node handlers.
import { buildWorkbenchApi } from '../../../preload/build-api';

type Listener = (payload: unknown) => void;
// window.__swInvoke and __swEmit are typed in bridge-globals.d.ts.
const host = window;
const listeners = new Map<string, Set<Listener>>();
host.__swEmit = (channel, payload) => listeners.get(channel)?.forEach((listener) => listener(payload));
host.workbench = buildWorkbenchApi(
  (channel, request) => host.__swInvoke(channel, request),
  (channel, listener) => {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  },
);
