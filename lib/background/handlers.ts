/** The background's answers to each message type. */
import type { BackgroundCalls, Message, Reply } from '../messaging/protocol';
import type { MinutesIndex } from '../search/engine';
import { toHitView } from '../search/views';

type BackgroundMessage = Extract<Message, { type: keyof BackgroundCalls }>;

export async function answer(
  message: BackgroundMessage,
  index: () => Promise<MinutesIndex>,
): Promise<Reply<keyof BackgroundCalls>> {
  try {
    switch (message.type) {
      case 'lens/search': {
        const hits = (await index()).search(message.payload.query, message.payload.options);
        return { ok: true, value: { hits: hits.map(toHitView) } };
      }
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
