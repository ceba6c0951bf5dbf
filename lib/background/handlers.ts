/** The background's answers to each message type. */
import type { BackgroundCalls, Message, PanelView, Reply } from '../messaging/protocol';
import type { Library } from './library';
import type { MinutesIndex } from '../search/engine';
import { toHitView, toPageView, toTimelineView } from '../search/views';
import { passageUrl } from '../ui/urls';
import { badgeFor, type Badge } from './badge';
import type { FrameMarks } from './frame-marks';

export type BackgroundMessage = Extract<Message, { type: keyof BackgroundCalls }>;

/** What the handlers need from the browser: the index, and ways to open our pages. */
export interface BackgroundContext {
  index: () => Promise<MinutesIndex>;
  openPage: (path: string) => Promise<void>;
  /** The side panel searching for `query` (on its results or its timeline), beside the tab that asked. */
  openSearch: (query: string, tabId: number | undefined, view?: PanelView) => Promise<void>;
  /** The toolbar button's badge and title for one tab. */
  showBadge: (tabId: number, badge: Badge) => Promise<void>;
  /** Each tab's marks by frame, summed for its badge. */
  frameMarks: FrameMarks;
  library: Library;
}

export async function answer(
  message: BackgroundMessage,
  ctx: BackgroundContext,
  sender: { tabId?: number; frameId?: number } = {},
): Promise<Reply<keyof BackgroundCalls>> {
  try {
    switch (message.type) {
      case 'lens/search':
        return { ok: true, value: toPageView((await ctx.index()).searchPage(message.payload.query, message.payload.options)) };
      case 'lens/timeline':
        return { ok: true, value: toTimelineView((await ctx.index()).timeline(message.payload.query, message.payload.options)) };
      case 'lens/related': {
        const hits = (await ctx.index()).related(message.payload.term, message.payload.limit);
        return { ok: true, value: { hits: hits.map(toHitView) } };
      }
      case 'lens/meeting': {
        const index = await ctx.index();
        const meeting = index.meeting(message.payload.meetingId);
        return { ok: true, value: meeting ? { meeting, remarks: index.remarksOf(meeting.id), yours: index.isYours(meeting.id) } : null };
      }
      case 'lens/open-passage':
        await ctx.openPage(passageUrl(message.payload.remarkId, message.payload.term));
        return { ok: true, value: { opened: true } };
      case 'lens/open-search':
        await ctx.openSearch(message.payload.query, sender.tabId, message.payload.view);
        return { ok: true, value: { opened: true } };
      case 'lens/marks': {
        // Only a page in a tab has a badge; an extension page has nothing to count.
        if (sender.tabId === undefined) return { ok: false, error: 'lens/marks comes from a tab' };
        const total = ctx.frameMarks.report(sender.tabId, sender.frameId ?? 0, message.payload);
        await ctx.showBadge(sender.tabId, badgeFor(total.count, total.on));
        return { ok: true, value: { shown: true } };
      }
      case 'lens/library-add': {
        const { file, parsed, text } = message.payload;
        return { ok: true, value: await ctx.library.outcome(file, parsed, text) };
      }
      case 'lens/library-list':
        return { ok: true, value: await ctx.library.totals() };
      case 'lens/library-remove':
        return { ok: true, value: { removed: await ctx.library.remove(message.payload.id) } };
      case 'lens/library-clear':
        return { ok: true, value: { removed: await ctx.library.clear() } };
      case 'lens/library-export':
        return { ok: true, value: await ctx.library.exportAll() };
      case 'lens/library-import':
        return { ok: true, value: { outcomes: await ctx.library.importAll(message.payload.data) } };
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
