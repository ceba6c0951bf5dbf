/**
 * Who may talk to the background service worker, proven in Chromium: only the
 * extension's own pages and content scripts, and only in messages whose shape
 * it knows (lib/messaging/protocol.ts's `parseMessage`). Everything else is
 * ignored: no answer, nothing done, and the worker goes on answering.
 *
 * 1. Our own page (search.html) sending malformed messages: each is left
 *    unanswered, logged as ignored, and opens nothing; a well-formed search is
 *    still answered afterwards.
 * 2. Another extension (tests/browser/fixtures/other-extension), loaded beside
 *    ours: its messages and ports are refused by Chrome itself, because we
 *    listen to no external messages; as a control, the same calls to its own
 *    id are answered.
 * 3. A web page: it has no `chrome.runtime` to reach us, and what it posts to
 *    itself (window.postMessage, custom events) reaches nothing of ours.
 *
 * What Chrome answers is asserted exactly, as found in Debian's Chromium:
 * - An extension message nobody answers: the promise form of `sendMessage`
 *   resolves `undefined`, which an answer of `undefined` would too; the
 *   callback form is what tells them apart, with `runtime.lastError` "The
 *   message port closed before a response was received."
 * - A message or port to an extension that does not listen to other
 *   extensions: "Could not establish connection. Receiving end does not
 *   exist." (a rejection, `lastError`, or a port's disconnect).
 *
 * "Nothing done" is watched from the worker itself (every tab created and
 * every storage write, e.g. the side panel's pending query, which the panel
 * takes out again as soon as it opens) and from Playwright (every new page).
 * The watch is shown to work by the well-formed messages, which open a tab
 * and write the query.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page, Worker } from 'playwright-core';
import type { ContentState } from '../../lib/messaging/protocol';
import {
  contentState,
  EXTENSION_DIR,
  extensionWorker,
  launchWithExtension,
  ROOT,
  startServer,
  type Chrome,
  type ExtensionBrowser,
  type TestServer,
  unpackedExtensionId,
} from './harness';

const OTHER_EXTENSION_DIR = join(ROOT, 'tests', 'browser', 'fixtures', 'other-extension');

/** A remark in the shipped index: a malformed message naming a real one must still open nothing. */
const REMARK = 'soumu-cstf-24-r7';

/** How long nothing must happen after a message that should do nothing (a new tab shows within a few hundred ms). */
const SETTLE_MS = 1_000;

/** What Chrome says when an extension message gets no answer (callback form; the promise resolves undefined). */
const NO_ANSWER = 'The message port closed before a response was received.';
/** What Chrome says when the receiving extension has no listener for this kind of message. */
const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

/** The background's warning for a message it does not know (entrypoints/background.ts). */
const IGNORED = 'Minutes Lens: ignored an unknown message';

/**
 * The parts of Chrome's own API that the polyfill's types (`Chrome`) leave
 * out: the callback forms, where `lastError` tells "nobody answered" from an
 * answer of `undefined`, and `hasListeners`.
 */
interface ChromeCallbacks {
  runtime: {
    sendMessage(...args: unknown[]): void;
    connect(extensionId: string): {
      postMessage(message: unknown): void;
      disconnect(): void;
      onMessage: { addListener(listener: (message: unknown) => void): void };
      onDisconnect: { addListener(listener: () => void): void };
    };
    lastError?: { message?: string };
    onMessageExternal: { hasListeners(): boolean };
    onConnectExternal: { hasListeners(): boolean };
  };
}


// ---------------------------------------------------------------- watching

/**
 * The background's "ignored" warnings, each with the message it names. The
 * worker logs `raw` as a second argument, so the message comes back as sent,
 * not as Chrome's abbreviated text for it.
 */
function watchIgnored(worker: Worker) {
  const seen: ConsoleMessage[] = [];
  worker.on('console', (message) => {
    if (message.type() === 'warning' && message.text().startsWith(IGNORED)) seen.push(message);
  });
  return {
    count: () => seen.length,
    messages: () => Promise.all(seen.map((m) => m.args()[1]?.jsonValue())),
    clear: () => void seen.splice(0),
  };
}

/**
 * Every tab created and every storage write, recorded by listeners in our
 * worker. They see what the background does whether or not Playwright ever
 * attaches to it: a tab it opens, the query it hands to the side panel.
 */
async function watchEffects(worker: Worker) {
  await worker.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    const g = globalThis as unknown as { messagesTestEffects?: string[] };
    if (g.messagesTestEffects) return;
    const effects: string[] = (g.messagesTestEffects = []);
    chrome.tabs.onCreated.addListener(() => void effects.push('tab created'));
    chrome.storage.onChanged.addListener((changes, area) => void effects.push(`${area} storage: ${Object.keys(changes).join(', ')}`));
  });
  return {
    list: () => worker.evaluate(() => (globalThis as unknown as { messagesTestEffects: string[] }).messagesTestEffects.slice()),
    clear: () => worker.evaluate(() => void (globalThis as unknown as { messagesTestEffects: string[] }).messagesTestEffects.splice(0)),
  };
}

/** The URLs (as they are now) of the pages Playwright has seen open in the context since the last clear. */
function watchPages(browser: ExtensionBrowser) {
  const opened: Page[] = [];
  browser.context.on('page', (page) => void opened.push(page));
  return { list: () => opened.map((page) => page.url()), clear: () => void opened.splice(0) };
}

const settle = (ms = SETTLE_MS) => new Promise((wake) => setTimeout(wake, ms));

// ---------------------------------------------------------------- 1. our own page

describe('messages from our own page that the background does not know', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  let ignored: ReturnType<typeof watchIgnored>;
  let effects: Awaited<ReturnType<typeof watchEffects>>;
  let pages: ReturnType<typeof watchPages>;

  beforeAll(async () => {
    browser = await launchWithExtension();
    ignored = watchIgnored(browser.serviceWorker);
    effects = await watchEffects(browser.serviceWorker);
    page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/search.html`);
    // A mark in this worker instance: if a message crashed it and Chrome
    // started a new one, the later answer would come from a worker without it.
    await browser.serviceWorker.evaluate(() => ((globalThis as unknown as { messagesTestProbe: string }).messagesTestProbe = 'first worker'));
    pages = watchPages(browser);
  });
  afterAll(() => browser?.close());

  /**
   * Sends `message` from search.html twice: with the promise (as the
   * extension's pages do) and with a callback (where Chrome tells whether
   * anybody answered). Each outcome as text, so a failure shows what came back.
   */
  const send = (message: unknown) =>
    page.evaluate(async (message) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const runtime = (globalThis as unknown as { chrome: ChromeCallbacks }).chrome.runtime;
      const promised = await chrome.runtime.sendMessage(message).then(
        (value) => (value === undefined ? 'resolved undefined' : `resolved ${JSON.stringify(value).slice(0, 60)}`),
        (error: Error) => `rejected: ${error.message}`,
      );
      const called = await new Promise<string>((done) =>
        runtime.sendMessage(message, (value: unknown) => {
          const error = runtime.lastError?.message;
          done(error !== undefined ? `lastError: ${error}` : `answered ${JSON.stringify(value)?.slice(0, 60)}`);
        }),
      );
      return { promised, called };
    }, message);

  // Each breaks parseMessage in a different place: the envelope, the type, the payload, a field.
  const MALFORMED: [string, unknown][] = [
    ['an unknown type', { type: 'lens/delete-everything', payload: {} }],
    ['a search whose query is a number', { type: 'lens/search', payload: { query: 42 } }],
    ['a search with a negative limit', { type: 'lens/search', payload: { query: 'テレワーク', options: { limit: -1 } } }],
    ['a search without a payload', { type: 'lens/search' }],
    ['a search whose payload is an array', { type: 'lens/search', payload: ['テレワーク'] }],
    ['a bare string', 'lens/search'],
    ['a number', 42],
    ['null', null],
    ['an array holding a good message', [{ type: 'lens/search', payload: { query: 'テレワーク' } }]],
    ['an open-passage whose remark id is a number', { type: 'lens/open-passage', payload: { remarkId: 7 } }],
    ['an open-passage whose term is an object', { type: 'lens/open-passage', payload: { remarkId: REMARK, term: {} } }],
    ['an open-search without a query', { type: 'lens/open-search', payload: { q: 'テレワーク' } }],
    ['an open-search on a view there is none of', { type: 'lens/open-search', payload: { query: 'テレワーク', view: 'graph' } }],
    ['a timeline whose options are a string', { type: 'lens/timeline', payload: { query: 'テレワーク', options: 'all' } }],
    ['marks with a fractional count', { type: 'lens/marks', payload: { count: 1.5, on: true } }],
  ];

  it('leaves each malformed message unanswered, warns that it ignored it, and does nothing', async () => {
    ignored.clear();
    await effects.clear();
    for (const [what, message] of MALFORMED) {
      expect(await send(message), what).toEqual({ promised: 'resolved undefined', called: `lastError: ${NO_ANSWER}` });
    }
    // One warning per send (two per message), naming the message as it arrived.
    await expect.poll(() => ignored.count()).toBe(MALFORMED.length * 2);
    expect(await ignored.messages()).toEqual(MALFORMED.flatMap(([, message]) => [message, message]));

    // The open-passage ones would open a viewer tab, the open-search one would write the pending query.
    await settle();
    expect(await effects.list()).toEqual([]);
    expect(pages.list()).toEqual([]);
  });

  it('leaves a message meant for content scripts unanswered, without calling it unknown', async () => {
    ignored.clear();
    expect(await send({ type: 'content/state', payload: {} })).toEqual({ promised: 'resolved undefined', called: `lastError: ${NO_ANSWER}` });
    await settle(300);
    expect(ignored.count()).toBe(0);
  });

  it('still answers well-formed messages afterwards, from the same worker, and the watch sees what they do', async () => {
    const reply = await page.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'lens/search', payload: { query: 'テレワーク' } }),
    );
    expect(reply).toMatchObject({ ok: true });
    expect((reply as { value: { hits: unknown[] } }).value.hits.length).toBeGreaterThan(0);
    await expect(
      browser.serviceWorker.evaluate(() => (globalThis as unknown as { messagesTestProbe?: string }).messagesTestProbe),
    ).resolves.toBe('first worker');

    // The controls for the "does nothing" above: the same calls, well formed, are seen doing it.
    ignored.clear();
    await effects.clear();
    pages.clear();
    const opened = await page.evaluate((remarkId) =>
      (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'lens/open-passage', payload: { remarkId, term: 'テレワーク' } }),
      REMARK,
    );
    expect(opened).toEqual({ ok: true, value: { opened: true } });
    await expect.poll(() => pages.list().some((url) => url.includes('/viewer.html?remark='))).toBe(true);
    await expect.poll(() => effects.list()).toContain('tab created');

    await effects.clear();
    const searched = await page.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'lens/open-search', payload: { query: 'テレワーク' } }),
    );
    expect(searched).toEqual({ ok: true, value: { opened: true } });
    await expect.poll(() => effects.list()).toContain('session storage: pendingQuery');
    expect(ignored.count()).toBe(0);
  });
});

// ---------------------------------------------------------------- 2. another extension

/** Chromium with our extension and the fixture `otherDir` both loaded, and each one's service worker. */
async function launchBeside(otherDir: string): Promise<{ browser: ExtensionBrowser; other: Worker; otherId: string }> {
  const browser = await launchWithExtension({ alongside: [otherDir] });
  try {
    const otherId = unpackedExtensionId(otherDir);
    return { browser, other: await extensionWorker(browser.context, otherId), otherId };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

describe('messages from another extension', () => {
  let browser: ExtensionBrowser;
  let other: Worker;
  let otherId: string;
  let ignored: ReturnType<typeof watchIgnored>;
  let effects: Awaited<ReturnType<typeof watchEffects>>;
  let pages: ReturnType<typeof watchPages>;

  beforeAll(async () => {
    ({ browser, other, otherId } = await launchBeside(OTHER_EXTENSION_DIR));
    ignored = watchIgnored(browser.serviceWorker);
    effects = await watchEffects(browser.serviceWorker);
    // The fixture's own page, which answers its messages and ports: the control's receiver.
    const echo = await browser.context.newPage();
    await echo.goto(`chrome-extension://${otherId}/echo.html`);
    pages = watchPages(browser);
  });
  afterAll(() => browser?.close());

  /**
   * From the other extension's service worker to extension `to`: two messages
   * (promise and callback forms) and a port, each outcome as text.
   */
  const sendFromOther = (to: string, message: unknown) =>
    other.evaluate(
      async ({ to, message }) => {
        const { chrome } = globalThis as unknown as { chrome: Chrome };
        const runtime = (globalThis as unknown as { chrome: ChromeCallbacks }).chrome.runtime;
        const promised = await chrome.runtime.sendMessage(to, message).then(
          (value) => `resolved ${JSON.stringify(value)}`,
          (error: Error) => `rejected: ${error.message}`,
        );
        const called = await new Promise<string>((done) =>
          runtime.sendMessage(to, message, (value: unknown) => {
            const error = runtime.lastError?.message;
            done(error !== undefined ? `lastError: ${error}` : `answered ${JSON.stringify(value)}`);
          }),
        );
        const connected = await new Promise<string>((done) => {
          const port = runtime.connect(to);
          const timer = setTimeout(() => done('open, no answer'), 5_000);
          port.onDisconnect.addListener(() => {
            clearTimeout(timer);
            done(`disconnected: ${runtime.lastError?.message}`);
          });
          port.onMessage.addListener((reply) => {
            clearTimeout(timer);
            port.disconnect();
            done(`answered ${JSON.stringify(reply)}`);
          });
          port.postMessage(message);
        });
        return { promised, called, connected };
      },
      { to, message },
    );

  const SEARCH = { type: 'lens/search', payload: { query: 'テレワーク' } };
  const OPEN_PASSAGE = { type: 'lens/open-passage', payload: { remarkId: REMARK, term: 'テレワーク' } };

  it('can message itself, so the fixture is able to send (control)', async () => {
    const echoed = JSON.stringify({ echo: SEARCH, from: otherId });
    expect(await sendFromOther(otherId, SEARCH)).toEqual({
      promised: `resolved ${echoed}`,
      called: `answered ${echoed}`,
      connected: `answered ${echoed}`,
    });
  });

  it('is refused by Chrome: our extension listens to no other extension', async () => {
    ignored.clear();
    await effects.clear();
    pages.clear();
    for (const message of [SEARCH, OPEN_PASSAGE]) {
      expect(await sendFromOther(browser.extensionId, message)).toEqual({
        promised: `rejected: ${NO_RECEIVER}`,
        called: `lastError: ${NO_RECEIVER}`,
        connected: `disconnected: ${NO_RECEIVER}`,
      });
    }
    await settle();
    expect(pages.list()).toEqual([]); // the open-passage would open the viewer
    expect(await effects.list()).toEqual([]);
    expect(ignored.count()).toBe(0); // never reached our onMessage, not even to be ignored
  });

  it('has no external listener and no externally_connectable, which is why', async () => {
    // Said directly, so that adding either fails here by name and not only through an error text.
    await expect(
      browser.serviceWorker.evaluate(() => {
        const { chrome } = globalThis as unknown as { chrome: ChromeCallbacks };
        return { message: chrome.runtime.onMessageExternal.hasListeners(), connect: chrome.runtime.onConnectExternal.hasListeners() };
      }),
    ).resolves.toEqual({ message: false, connect: false });
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('externally_connectable');
  });
});

// ---------------------------------------------------------------- 3. web pages

describe('messages from a web page', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let page: Page;
  let before: ContentState;
  let ignored: ReturnType<typeof watchIgnored>;
  let effects: Awaited<ReturnType<typeof watchEffects>>;
  let pages: ReturnType<typeof watchPages>;

  /** The content script's state once its first scan has marked the article. */
  const scanned = async (): Promise<ContentState> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const state = await contentState(browser.serviceWorker, page);
      if (state.on && !state.busy && state.marked.length > 0) return state;
      if (Date.now() > deadline) throw new Error(`not scanned in time: ${JSON.stringify({ on: state.on, busy: state.busy })}`);
      await settle(100);
    }
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchWithExtension();
    ignored = watchIgnored(browser.serviceWorker);
    effects = await watchEffects(browser.serviceWorker);
    page = await browser.context.newPage();
    await page.goto(server.url('/article-ja.html'));
    before = await scanned();
    pages = watchPages(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('gives the page no chrome.runtime to reach the extension with', async () => {
    // Chromium's own `chrome` object is there (loadTimes, csi, app); `runtime`
    // appears only on pages an extension's externally_connectable names.
    await expect(
      page.evaluate(() => {
        const chrome = (globalThis as { chrome?: { runtime?: unknown } }).chrome;
        return { chrome: typeof chrome, runtime: typeof chrome?.runtime };
      }),
    ).resolves.toEqual({ chrome: 'object', runtime: 'undefined' });
  });

  it('does nothing for our messages posted in the page, and the content script goes on as before', async () => {
    ignored.clear();
    await effects.clear();
    pages.clear();
    const delivered = await page.evaluate((remarkId) => {
      const messages = [
        { type: 'lens/open-search', payload: { query: 'x' } },
        { type: 'lens/open-passage', payload: { remarkId } },
        { type: 'lens/search', payload: { query: 'テレワーク' } },
      ];
      // The page's own listeners count what arrived, so the posting itself is shown to happen.
      const heard = { posted: 0, events: 0 };
      window.addEventListener('message', () => void heard.posted++);
      for (const message of messages) {
        window.postMessage(message, '*');
        for (const target of [window, document, document.body]) {
          target.addEventListener(message.type, () => void heard.events++);
          target.dispatchEvent(new CustomEvent(message.type, { detail: message, bubbles: true }));
          target.dispatchEvent(new CustomEvent('minutes-lens', { detail: message, bubbles: true }));
        }
      }
      // postMessage is delivered in a later task.
      return new Promise<typeof heard>((done) => setTimeout(() => done(heard), 200));
    }, REMARK);
    // Each message type's event, dispatched on window, document and body in
    // turn, bubbles to the listeners added so far: 1 + 2 + 3 calls per type.
    expect(delivered).toEqual({ posted: 3, events: 3 * 6 });

    await settle();
    expect(pages.list()).toEqual([]);
    expect(await effects.list()).toEqual([]);
    expect(ignored.count()).toBe(0);
    const after = await contentState(browser.serviceWorker, page);
    expect(after).toMatchObject({ on: true, busy: false, scans: before.scans });
    expect(after.marked).toEqual(before.marked);
  });
});
