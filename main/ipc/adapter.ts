/**
 * The only path from IPC to a handler: check the sender, validate the request against the
 * contract (unknown keys rejected), run the handler, and wrap the outcome in an envelope.
 * Plain Node: Electron is reached through IpcMainLike, so this runs and is tested without it.
 */
import { CHANNEL_NAMES, CHANNELS, ipcChannel, type ChannelName, type Envelope, type ResponseOf } from '../../core/contract';
import { AppError, oneLine } from '../../core/errors';
import type { z } from 'zod';

/** Who is calling: the window a trusted sender belongs to. */
export interface CallContext {
  windowId: number;
}

export type Handler<K extends ChannelName> = (
  ctx: CallContext,
  request: z.output<(typeof CHANNELS)[K]['request']>,
) => Promise<ResponseOf<K>> | ResponseOf<K>;

export type Handlers = { [K in ChannelName]: Handler<K> };

/** The part of Electron's ipcMain this adapter needs. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Maps an IPC event to the calling window, or null when the sender is not one of ours. */
export type SenderCheck<E> = (event: E) => CallContext | null;

export interface Logger {
  error(message: string, cause?: unknown): void;
}

/** Validate, run, and wrap one call. Exported for the integration tests and the e2e bridge. */
export async function invokeHandler<K extends ChannelName>(
  handlers: Handlers,
  name: K,
  ctx: CallContext,
  raw: unknown,
  log: Logger = consoleLogger,
): Promise<Envelope<ResponseOf<K>>> {
  const parsed = CHANNELS[name].request.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: { code: 'BAD_REQUEST', message: oneLine(`${name}: ${where}${issue?.message ?? 'invalid request'}`) } };
  }
  try {
    const handler = handlers[name] as Handler<K>;
    const value = await handler(ctx, parsed.data as z.output<(typeof CHANNELS)[K]['request']>);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toJSON() };
    log.error(`handler ${name} failed`, error);
    return { ok: false, error: { code: 'INTERNAL', message: `Unexpected failure in ${name}.` } };
  }
}

/** Register every contract channel; returns a function that removes them again. */
export function registerHandlers<E>(
  ipc: IpcMainLike<E>,
  handlers: Handlers,
  senderCheck: SenderCheck<E>,
  log: Logger = consoleLogger,
): () => void {
  for (const name of CHANNEL_NAMES) {
    ipc.handle(ipcChannel(name), async (event, ...args) => {
      const ctx = senderCheck(event);
      if (!ctx) return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Request refused: unknown sender.' } };
      if (args.length > 1) return { ok: false, error: { code: 'BAD_REQUEST', message: `${name}: expected one argument` } };
      return invokeHandler(handlers, name, ctx, args[0], log);
    });
  }
  return () => CHANNEL_NAMES.forEach((name) => ipc.removeHandler(ipcChannel(name)));
}

const consoleLogger: Logger = {
  error: (message, cause) => console.error(`[scenario-workbench] ${message}`, cause),
};
