import { parseMessage, type Reply } from '../lib/messaging/protocol';

// Runs on every page. It must stay small: no kuromoji, no index.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    browser.runtime.onMessage.addListener((raw: unknown, sender) => {
      // Only our own extension talks to the content script.
      if (sender.id !== browser.runtime.id) return undefined;
      const message = parseMessage(raw);
      if (message?.type !== 'content/ping') return undefined;
      const reply: Reply<'content/ping'> = { ok: true, value: { url: location.href } };
      return Promise.resolve(reply);
    });
  },
});
