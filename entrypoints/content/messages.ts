/** Answers the background's questions to this page (the protocol's ContentCalls). */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseMessage, type ContentState, type Reply } from '../../lib/messaging/protocol';

export function answerMessages(ctx: ContentScriptContext, state: () => ContentState): void {
  const listener = (raw: unknown, sender: { id?: string }) => {
    // Only our own extension talks to the content script.
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseMessage(raw);
    switch (message?.type) {
      case 'content/ping':
        return Promise.resolve<Reply<'content/ping'>>({ ok: true, value: { url: location.href } });
      case 'content/selection':
        return Promise.resolve<Reply<'content/selection'>>({ ok: true, value: { text: String(window.getSelection() ?? '') } });
      case 'content/state':
        return Promise.resolve<Reply<'content/state'>>({ ok: true, value: state() });
      default:
        return undefined; // for the background, or unknown: not ours to answer
    }
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
