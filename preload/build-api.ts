/**
 * Builds the renderer's API object from the contract: a method per channel and a typed event
 * subscription. Shared by the Electron preload and the e2e bridge, so both expose the same thing.
 */
import { CHANNEL_NAMES, EVENTS, ipcChannel, ipcEvent, type EventName, type WorkbenchApi } from '../core/contract';

export type Invoke = (channel: string, request: unknown) => Promise<unknown>;
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;

export function buildWorkbenchApi(invoke: Invoke, subscribe: Subscribe): WorkbenchApi {
  const api: Record<string, unknown> = {};
  for (const name of CHANNEL_NAMES) {
    api[name] = (request: unknown) => invoke(ipcChannel(name), request ?? {});
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!(event in EVENTS)) throw new Error(`unknown event ${String(event)}`);
    return subscribe(ipcEvent(event), (payload) => {
      const parsed = EVENTS[event].safeParse(payload);
      if (parsed.success) listener(parsed.data);
    });
  };
  return Object.freeze(api) as WorkbenchApi;
}
