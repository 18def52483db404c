/** The shape of `window.workbench`, derived from the contract. */
import type { AppErrorShape } from '../errors';
import type { ChannelName, EventName, RequestOf, ResponseOf } from './channels';
import type { EVENTS } from './channels';
import type { z } from 'zod';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export type WorkbenchApi = {
  [K in ChannelName]: (request: RequestOf<K>) => Promise<Envelope<ResponseOf<K>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: z.output<(typeof EVENTS)[E]>) => void): () => void;
};
