/** The background's answers to each message type. */
import type { BackgroundCalls, Message, Reply } from '../messaging/protocol';
import type { MinutesIndex } from '../search/engine';
import { toHitView } from '../search/views';
import { passageUrl, searchUrl } from '../ui/urls';

export type BackgroundMessage = Extract<Message, { type: keyof BackgroundCalls }>;

/** What the handlers need from the browser: the index, and a way to open one of our pages. */
export interface BackgroundContext {
  index: () => Promise<MinutesIndex>;
  openPage: (path: string) => Promise<void>;
}

export async function answer(message: BackgroundMessage, ctx: BackgroundContext): Promise<Reply<keyof BackgroundCalls>> {
  try {
    switch (message.type) {
      case 'lens/search': {
        const hits = (await ctx.index()).search(message.payload.query, message.payload.options);
        return { ok: true, value: { hits: hits.map(toHitView) } };
      }
      case 'lens/related': {
        const hits = (await ctx.index()).related(message.payload.term, message.payload.limit);
        return { ok: true, value: { hits: hits.map(toHitView) } };
      }
      case 'lens/meeting': {
        const index = await ctx.index();
        const meeting = index.meeting(message.payload.meetingId);
        return { ok: true, value: meeting ? { meeting, remarks: index.remarksOf(meeting.id) } : null };
      }
      case 'lens/open-passage':
        await ctx.openPage(passageUrl(message.payload.remarkId, message.payload.term));
        return { ok: true, value: { opened: true } };
      case 'lens/open-search':
        await ctx.openPage(searchUrl(message.payload.query));
        return { ok: true, value: { opened: true } };
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
