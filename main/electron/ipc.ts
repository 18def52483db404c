/** ipcMain behind the adapter: the sender must be a top frame of one of our windows, on our origin. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from '../app/security-policy';
import { registerHandlers, type CallContext, type Handlers } from '../ipc/adapter';
import type { WindowManager } from './windows';

export function senderCheck(windows: WindowManager) {
  return (event: IpcMainInvokeEvent): CallContext | null => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return null;
    const win = windows.owning(event.sender);
    return win ? { windowId: win.id } : null;
  };
}

export function registerIpc(handlers: Handlers, windows: WindowManager): () => void {
  return registerHandlers<IpcMainInvokeEvent>(ipcMain, handlers, senderCheck(windows));
}
