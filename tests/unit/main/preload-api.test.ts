import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, ipcChannel, ipcEvent } from '../../../core/contract';
import { buildWorkbenchApi } from '../../../preload/build-api';

describe('the preload API', () => {
  it('exposes exactly one method per contract channel, plus `on`', () => {
    const api = buildWorkbenchApi(async () => undefined, () => () => undefined);
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect('invoke' in api).toBe(false);
  });

  it('sends each method to its own channel', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    const api = buildWorkbenchApi(invoke, () => () => undefined);
    await api.openRecent({ id: 'abc' });
    await api.undo({});
    expect(invoke.mock.calls).toEqual([
      [ipcChannel('openRecent'), { id: 'abc' }],
      [ipcChannel('undo'), {}],
    ]);
  });

  it('delivers only well-formed events', () => {
    let deliver: ((payload: unknown) => void) | undefined;
    const subscribe = vi.fn((channel: string, listener: (payload: unknown) => void) => {
      expect(channel).toBe(ipcEvent('command'));
      deliver = listener;
      return () => undefined;
    });
    const api = buildWorkbenchApi(async () => undefined, subscribe);
    const seen: unknown[] = [];
    api.on('command', (payload) => seen.push(payload));
    deliver?.({ command: 'edit.undo' });
    deliver?.({ command: 42 });
    deliver?.({ command: 'x', extra: 1 });
    expect(seen).toEqual([{ command: 'edit.undo' }]);
  });
});
