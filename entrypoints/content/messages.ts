/** Answers the background's questions to this page (the protocol's ContentCalls). */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseMessage, type ContentState, type Reply } from '../../lib/messaging/protocol';
import { showNotice } from './notice';
import { pageMinutes } from './page-minutes';
import { isTopFrame } from './site';

export function answerMessages(ctx: ContentScriptContext, state: () => ContentState): void {
  const listener = (raw: unknown, sender: { id?: string }) => {
    // Only our own extension talks to the content script.
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseMessage(raw);
    // A message to a tab reaches every frame and the first answer wins: the
    // page's own questions are answered by the top frame alone, and the
    // selection by the frame that holds one, or else by the top frame (saying
    // none) unless the reader is in a frame it contains.
    const top = isTopFrame();
    switch (message?.type) {
      case 'content/ping':
        return top ? Promise.resolve<Reply<'content/ping'>>({ ok: true, value: { url: location.href } }) : undefined;
      case 'content/selection': {
        const text = String(window.getSelection() ?? '');
        const inFrame = document.activeElement instanceof HTMLIFrameElement || document.activeElement instanceof HTMLFrameElement;
        const mine = text.trim() !== '' || (top && !inFrame);
        return mine ? Promise.resolve<Reply<'content/selection'>>({ ok: true, value: { text } }) : undefined;
      }
      case 'content/state':
        if (!top) return undefined;
        return Promise.resolve<Reply<'content/state'>>({ ok: true, value: state() });
      // "Add this page" reads the page the reader sees: the top frame's.
      case 'content/page-minutes':
        return top ? Promise.resolve<Reply<'content/page-minutes'>>({ ok: true, value: pageMinutes() }) : undefined;
      case 'content/notice':
        if (!top) return undefined;
        showNotice(message.payload.text, message.payload.tone);
        return Promise.resolve<Reply<'content/notice'>>({ ok: true, value: { shown: true } });
      default:
        return undefined; // for the background, or unknown: not ours to answer
    }
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
