/** The renderer's only door to main: the contract's methods, unwrapped into values or AppErrors. */
import type { ChannelName, RequestOf, ResponseOf } from '../../core/contract';
import { AppError } from '../../core/errors';

export async function call<K extends ChannelName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const method = window.workbench[name] as (req: RequestOf<K>) => Promise<{ ok: true; value: ResponseOf<K> } | { ok: false; error: { code: AppError['code']; message: string } }>;
  const envelope = await method(request);
  if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message);
  return envelope.value;
}
