/** Extension pages ask the background through the one protocol; errors come back as values. */
import type { BackgroundCalls, Reply } from '../messaging/protocol';

type Send = (message: unknown) => Promise<unknown>;

export async function call<K extends keyof BackgroundCalls>(
  send: Send,
  type: K,
  payload: BackgroundCalls[K]['request'],
): Promise<Reply<K>> {
  try {
    const reply = (await send({ type, payload })) as Reply<K> | undefined;
    return reply ?? { ok: false, error: 'no answer from the background' };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
