/**
 * The Firefox harness: Debian's Firefox ESR with the built Firefox package
 * (.output/firefox-mv2) installed as a temporary add-on, driven through
 * puppeteer-core over WebDriver BiDi. The fixture server and the page readers
 * are the Chromium suite's (../support/); what is Firefox's own is here, in
 * ./drivers.ts (its pages for those readers) and in ./browser-ui.ts (its
 * sidebar, menus, toolbar and keyboard).
 *
 * How it reaches what a test needs:
 * - web pages: Puppeteer pages, as Playwright's are in Chromium;
 * - our extension pages in tabs: navigated over BiDi without waiting, since
 *   Puppeteer's goto() never resolves for moz-extension:// (the tab changes
 *   process), then waited for in the document;
 * - the extension's APIs (tabs, storage, the badge): run in `control`, a tab
 *   on our options page, where `browser` is the extension's own;
 * - the browser's own window (sidebar, menus, toolbar, key presses): scripts
 *   run in its chrome over BiDi, which Firefox allows with
 *   `-remote-allow-system-access`.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { ContentState, Message, MessageType, Reply } from '../../../lib/messaging/protocol';
import { ROOT } from '../support/server';

export const FIREFOX_PATH = process.env.MINUTES_LENS_FIREFOX || '/usr/bin/firefox-esr';
export const FIREFOX_INSTALL = 'apt-get update && apt-get install -y firefox-esr firefox-esr-l10n-ja';
export const FIREFOX_EXTENSION_DIR = process.env.MINUTES_LENS_FIREFOX_EXTENSION_DIR || join(ROOT, '.output', 'firefox-mv2');
/** The Chromium suite's window (Playwright's default viewport), so pages lay out alike. */
export const VIEWPORT = { width: 1280, height: 720 } as const;

/**
 * The extension's APIs as its pages see them (`browser`), with the Firefox MV2
 * ones the Chrome-shaped types lack or type with callbacks.
 */
export type WebExt = typeof browser & {
  browserAction: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getTitle(details: { tabId: number }): Promise<string>;
  };
  sidebarAction: { isOpen(details: { windowId?: number }): Promise<boolean> };
};

/** The add-on id, from the package itself (wxt.config.ts writes it). */
export function geckoId(dir = FIREFOX_EXTENSION_DIR): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings.gecko.id;
}

/** How Firefox names an add-on in the ids of its own UI (ExtensionCommon's makeWidgetId). */
export const widgetId = (id: string): string => id.toLowerCase().replace(/[^a-z0-9_-]/g, '_');

/** The browser's UI language, which picks the extension's messages, and the pages' Accept-Language. */
function languagePrefs(lang: string): Record<string, string> {
  const locale = lang === 'en' ? 'en-US' : lang;
  return { 'intl.locale.requested': locale, 'intl.accept_languages': lang === 'en' ? 'en-US, en' : lang };
}

type BidiResult = { type?: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } };
type BidiSend = (method: string, params: object) => Promise<{ result: unknown }>;

export interface FirefoxExtension {
  browser: Browser;
  /** The add-on id and Firefox's UI id for it. */
  id: string;
  widget: string;
  /** The extension's host, fixed by the `extensions.webextensions.uuids` pref. */
  uuid: string;
  /** `moz-extension://<uuid>` */
  origin: string;
  /** A tab on our options page: `ext()` runs there. */
  control: Page;
  /** Raw WebDriver BiDi commands on Puppeteer's session. */
  bidi: BidiSend;
  newPage(url?: string): Promise<Page>;
  /** A new tab on one of our pages (`/viewer.html?…`), loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Navigates `page` to one of our pages and waits for it. */
  gotoExtensionPage(page: Page, path: string): Promise<void>;
  /** The tab whose address matches, once it is there (Puppeteer does not follow tabs into moz-extension://). */
  waitForPage(match: (href: string) => boolean, timeoutMs?: number): Promise<Page>;
  /** The address `page` shows, as the browser knows it. */
  urlOf(page: Page): Promise<string>;
  /** Runs `fn(arg)` in the control tab, with the extension's `browser` API, and returns its JSON result. */
  ext<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Runs `fn(arg)` in the browser window's privileged chrome (SidebarController, gBrowser, Services…). */
  chrome<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** The tab id of `page` (asked once: the page is brought to the front, the active tab taken). */
  tabIdOf(page: Page): Promise<number>;
  /** A message to the content script of a tab, retried until one listens (it starts at document_idle). */
  sendToTab<K extends MessageType>(tabId: number, message: Message<K>, timeoutMs?: number): Promise<Reply<K>>;
  contentState(page: Page): Promise<ContentState>;
  /** The toolbar button's badge text and title on the tab of `page`. */
  badgeOf(page: Page): Promise<{ text: string; title: string }>;
  close(): Promise<void>;
}

/** The BiDi browsing context of a Puppeteer page (its main frame's id). */
export const contextOf = (page: Page): string => (page.mainFrame() as unknown as { _id: string })._id;

/**
 * Source text that calls `fn` with `args` (each given as source) and resolves
 * to its result as JSON: for evaluations Puppeteer does not make for us (the
 * browser's chrome, BiDi sandboxes, other windows of the extension).
 */
export const jsonCall = (fn: { toString(): string }, ...args: string[]): string =>
  `(async () => JSON.stringify(await (${fn.toString()})(${args.join(', ')})))()`;

/** The value a `jsonCall` resolved to. */
export const fromJson = <R>(value: unknown): R => (typeof value === 'string' ? JSON.parse(value) : undefined) as R;

/** The result of a BiDi `script.evaluate` of a `jsonCall`, or its exception as an error. */
export function bidiValue<R>(reply: unknown, where: string): R {
  const r = reply as BidiResult;
  if (r.type === 'exception') throw new Error(`${where}: ${r.exceptionDetails?.text}`);
  return fromJson<R>(r.result?.value);
}

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

/**
 * Launches Firefox ESR in a fresh temporary profile, in `lang` (default
 * Japanese), and installs the built package as a temporary add-on.
 */
export async function launchFirefox(options: { lang?: string; extensionDir?: string } = {}): Promise<FirefoxExtension> {
  const dir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const id = geckoId(dir);
  const uuid = randomUUID();
  const browser = await launchPlainFirefox({ lang: options.lang, prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }) } });
  try {
    return await prepare(browser, dir, id, uuid);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

/** The same Firefox (language, window, flags) without any extension: where a page lays out on its own. */
export function launchPlainFirefox(options: { lang?: string; prefs?: Record<string, string> } = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: VIEWPORT,
    // Without it Firefox refuses navigation to moz-extension:// and scripts in its chrome.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: { ...languagePrefs(options.lang ?? 'ja'), ...options.prefs },
  });
}

async function prepare(browser: Browser, dir: string, id: string, uuid: string): Promise<FirefoxExtension> {
  const connection = (browser as unknown as { connection: { send: BidiSend } }).connection;
  const bidi: BidiSend = (method, params) => connection.send(method, params);
  const installed = await browser.installExtension(dir);
  if (installed !== id) throw new Error(`installed ${installed}, expected ${id}`);

  const tree = (await bidi('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string; url: string }[] };
  const browserWindow = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!browserWindow) throw new Error('no browser window among the chrome contexts');

  const chrome = async <A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> => {
    const expression = jsonCall(fn, JSON.stringify(arg ?? null));
    const reply = await bidi('script.evaluate', { expression, target: { context: browserWindow.context }, awaitPromise: true, resultOwnership: 'none' });
    return bidiValue<R>(reply.result, "in the browser's chrome");
  };

  const origin = `moz-extension://${uuid}`;
  const urlOf = async (page: Page): Promise<string> => {
    const contexts = ((await bidi('browsingContext.getTree', { root: contextOf(page), maxDepth: 0 })).result as { contexts: { url: string }[] }).contexts;
    return contexts[0]?.url ?? '';
  };
  const gotoExtensionPage = async (page: Page, path: string) => {
    const url = origin + path;
    await bidi('browsingContext.navigate', { context: contextOf(page), url, wait: 'none' });
    // The same page, loaded (a page may rewrite its query string once it has rendered, as the viewer does).
    const { pathname } = new URL(url);
    await page.waitForFunction(
      ({ origin, pathname }) => location.origin === origin && location.pathname === pathname && document.readyState === 'complete',
      { timeout: 15_000 },
      { origin, pathname },
    );
  };
  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    await gotoExtensionPage(page, path);
    return page;
  };

  const control = await openExtensionPage('/options.html');
  const ext = async <A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
    (await control.evaluate(fn as (arg: unknown) => R | Promise<R>, (arg ?? null) as unknown)) as R;

  const tabIds = new WeakMap<Page, number>();
  const tabIdOf = async (page: Page) => {
    const known = tabIds.get(page);
    if (known !== undefined) return known;
    await page.bringToFront();
    const ids = await ext(async () => {
      const b = (globalThis as unknown as { browser: WebExt }).browser;
      return (await b.tabs.query({ active: true, currentWindow: true })).map((t) => t.id);
    });
    const [tabId] = ids;
    if (ids.length !== 1 || tabId === undefined) throw new Error(`no single active tab: ${ids}`);
    tabIds.set(page, tabId);
    return tabId;
  };

  const sendToTab = <K extends MessageType>(tabId: number, message: Message<K>, timeoutMs = 5_000) =>
    ext(
      async ({ tabId, message, timeoutMs }) => {
        const b = (globalThis as unknown as { browser: WebExt }).browser;
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          try {
            return await b.tabs.sendMessage(tabId, message);
          } catch (error) {
            // Firefox: "Could not establish connection. Receiving end does not exist."
            if (!String(error).includes('Receiving end does not exist') || Date.now() > deadline) throw error;
            await new Promise((wake) => setTimeout(wake, 50));
          }
        }
      },
      { tabId, message, timeoutMs },
    ) as Promise<Reply<K>>;

  const contentState = async (page: Page) => {
    const reply = await sendToTab(await tabIdOf(page), { type: 'content/state', payload: {} });
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };

  const badgeOf = async (page: Page) =>
    ext(
      async (tabId) => {
        const b = (globalThis as unknown as { browser: WebExt }).browser;
        return { text: await b.browserAction.getBadgeText({ tabId }), title: await b.browserAction.getTitle({ tabId }) };
      },
      await tabIdOf(page),
    );

  const waitForPage = async (match: (href: string) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const page of await browser.pages()) if (match(await urlOf(page).catch(() => ''))) return page;
      if (Date.now() > deadline) throw new Error('no such tab opened');
      await sleep(100);
    }
  };

  // Firefox opens a newly installed add-on's sidebar; each test starts from a browser as a reader has it.
  await chrome(() => (globalThis as unknown as { SidebarController: { hide(): void } }).SidebarController.hide());

  return {
    browser,
    id,
    widget: widgetId(id),
    uuid,
    origin,
    control,
    bidi,
    newPage: async (url) => {
      const page = await browser.newPage();
      if (url) await page.goto(url);
      return page;
    },
    openExtensionPage,
    gotoExtensionPage,
    waitForPage,
    urlOf,
    ext,
    chrome,
    tabIdOf,
    sendToTab,
    contentState,
    badgeOf,
    close: () => browser.close(),
  };
}

/** Polls `read` until `ready` holds for what it returns; the last value is in the error otherwise. */
export async function waitFor<T>(read: () => Promise<T>, ready: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ready(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not in time (last: ${JSON.stringify(value).slice(0, 500)})`);
    await sleep(100);
  }
}

