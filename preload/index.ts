/**
 * Exposes exactly the contract's methods as `window.workbench`, one per channel, derived from
 * core/contract. Never ipcRenderer itself, and no generic invoke.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildWorkbenchApi } from './build-api';

const api = buildWorkbenchApi(
  (channel, request) => ipcRenderer.invoke(channel, request),
  (channel, listener) => {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
);

contextBridge.exposeInMainWorld('workbench', api);
