/**
 * The Chromium harness: Debian's Chromium with the built extension
 * (.output/chrome-mv3) loaded, driven through playwright-core. The fixture
 * server and the page readers (the popover, the highlight) are shared with the
 * Firefox suite (./support/); Firefox's own harness is ./firefox/harness.ts.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { ContentState, Message, MessageType, Reply } from '../../lib/messaging/protocol';
import { textCentre as centreOf, type Driven, type Point } from './support/page';
import { ROOT } from './support/server';

export { PAGES_DIR, ROOT, startServer, type Route, type TestServer } from './support/server';

/** The built extension; MINUTES_LENS_EXTENSION_DIR points elsewhere (a copy that a rebuild under way does not touch). */
export const EXTENSION_DIR = process.env.MINUTES_LENS_EXTENSION_DIR || join(ROOT, '.output', 'chrome-mv3');
export const CHROMIUM_PATH = process.env.MINUTES_LENS_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_INSTALL = 'apt-get update && apt-get install -y chromium fonts-ipafont-gothic';

/**
 * Flags beyond Playwright's defaults. As root Chromium refuses to start without
 * --no-sandbox; the network flags stop background connections that this closed
 * network refuses. `--headless=new` (with Playwright's `headless: false`) is the
 * headless mode that loads extensions.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * What makes Chromium's UI language, and so the extension's messages, `lang`
 * (the tests default to Japanese): on Linux Chromium takes it from LANGUAGE, so
 * the environment says it as well as `--lang`; `locale` sets the pages' own
 * navigator.language and Accept-Language to match.
 */
export function languageOptions(lang = 'ja'): { env: Record<string, string>; locale: string; args: string[] } {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return { env: { ...env, LANGUAGE: lang }, locale: lang, args: [`--lang=${lang}`] };
}

// ---------------------------------------------------------------- browser

export interface ExtensionBrowser {
  context: BrowserContext;
  /** Chromium derives it from the extension's absolute path. */
  extensionId: string;
  /** The extension's background service worker. */
  serviceWorker: Worker;
  /** The temporary profile (Chromium writes DevToolsActivePort here when a debugging port is asked for). */
  userDataDir: string;
  /** Closes Chromium and deletes its temporary profile (not a profile the caller passed in). */
  close(): Promise<void>;
}

/**
 * Launches Chromium with the built extension in a fresh, temporary profile.
 * `lang` (default Japanese) is the browser's UI language, which picks the
 * extension's messages: on Linux Chromium reads it from LANGUAGE, so both the
 * environment and `--lang` say it, and a stray system locale cannot.
 */
export async function launchWithExtension(
  options: {
    extensionDir?: string;
    lang?: string;
    args?: readonly string[];
    /** Other unpacked extensions loaded beside ours (a fixture that messages ours, say). */
    alongside?: readonly string[];
    /** A profile to use again (the browser relaunched on it): the caller owns it, close() keeps it. */
    userDataDir?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const lang = options.lang ?? 'ja';
  const extensionDir = resolve(options.extensionDir ?? EXTENSION_DIR);
  const loaded = [extensionDir, ...(options.alongside ?? []).map((dir) => resolve(dir))].join(',');
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'minutes-lens-chromium-')));
  const dropProfile = () => (ownProfile ? rm(userDataDir, { recursive: true, force: true }) : Promise.resolve());
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: false, // see CHROMIUM_ARGS: --headless=new does it
      ...languageOptions(lang),
      args: [
        ...CHROMIUM_ARGS,
        ...languageOptions(lang).args,
        `--disable-extensions-except=${loaded}`,
        `--load-extension=${loaded}`,
        ...(options.args ?? []),
      ],
    });
    const extensionId = unpackedExtensionId(extensionDir);
    const serviceWorker = await extensionWorker(context, extensionId);
    const opened = context;
    return {
      context: opened,
      extensionId,
      serviceWorker,
      userDataDir,
      close: async () => {
        await opened.close();
        await dropProfile();
      },
    };
  } catch (error) {
    await context?.close();
    await dropProfile();
    throw error;
  }
}

/** How Chromium names an unpacked extension: SHA-256 of its real path, hex digits 0-f spelt a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return hex.replace(/[0-9a-f]/g, (digit) => String.fromCharCode(97 + parseInt(digit, 16)));
}

/** The background service worker of extension `id`, once it has started. */
export async function extensionWorker(context: BrowserContext, id: string, timeoutMs = 15_000): Promise<Worker> {
  const isIt = (w: Worker) => new URL(w.url()).host === id;
  return context.serviceWorkers().find(isIt) ?? context.waitForEvent('serviceworker', { predicate: isIt, timeout: timeoutMs });
}

// ---------------------------------------------------------------- messaging

/**
 * The type of `chrome` inside `serviceWorker.evaluate` callbacks, reached as
 * `(globalThis as unknown as { chrome: Chrome }).chrome` (Node's types do not
 * declare it). In MV3 its methods return promises, so the polyfill's type fits.
 */
export type Chrome = typeof browser;

/**
 * The id of the tab showing `page`. The extension has no `tabs` permission, so
 * tabs carry no URL: bring the page to the front and take the active tab.
 */
export async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const ids = await serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs.map((tab) => tab.id);
  });
  const [id] = ids;
  if (ids.length !== 1 || id === undefined) throw new Error(`no single active tab: ${ids}`);
  return id;
}

/**
 * Sends `message` from the service worker to the content script in `tabId`
 * and returns its reply. Retries while no content script listens yet: it runs
 * at document_idle, which can come after Playwright's `goto` has returned.
 */
export async function sendToTab<K extends MessageType>(
  serviceWorker: Worker,
  tabId: number,
  message: Message<K>,
  timeoutMs = 5_000,
): Promise<Reply<K>> {
  return serviceWorker.evaluate(
    async ({ tabId, message, timeoutMs }) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          return await chrome.tabs.sendMessage(tabId, message);
        } catch (error) {
          const absent = String(error).includes('Receiving end does not exist');
          if (!absent || Date.now() > deadline) throw error;
          await new Promise((wake) => setTimeout(wake, 50));
        }
      }
    },
    { tabId, message, timeoutMs },
  ) as Promise<Reply<K>>;
}

// ---------------------------------------------------------------- pages

/** What the content script on `page` has marked, and its scans (its `content/state`). */
export async function contentState(serviceWorker: Worker, page: Page): Promise<ContentState> {
  const reply = await sendToTab(serviceWorker, await tabIdOf(serviceWorker, page), { type: 'content/state', payload: {} });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** A Playwright page as the shared page readers (./support/page.ts) drive it. */
export function playwrightDriven(page: Page): Driven {
  return {
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
    move: (x, y, steps) => page.mouse.move(x, y, { steps }),
  };
}

/**
 * The centre of the first occurrence of `text` in the page's prose (not in form
 * fields, editors or scripts), scrolled into view: where a reader's pointer rests.
 */
export function textCentre(page: Page, text: string): Promise<Point> {
  return centreOf(playwrightDriven(page), text);
}

// ---------------------------------------------------------------- side panel

const PANEL_URL = /\/sidepanel\.html/;

/**
 * The side panel's page. Playwright's own connection never lists it (it is not
 * a tab), so connect again over CDP, through the debugging port Chromium wrote
 * to `profileDir` (launch with `--remote-debugging-port=0`), until the panel is
 * among the pages. Closes `previous` first; the caller closes what it gets.
 */
export async function connectToSidePanel(
  profileDir: string,
  previous?: Browser,
  timeoutMs = 10_000,
): Promise<{ connection: Browser; panel: Page }> {
  const port = (await readFile(join(profileDir, 'DevToolsActivePort'), 'utf8')).split('\n')[0];
  const deadline = Date.now() + timeoutMs;
  let last = previous;
  for (;;) {
    await last?.close().catch(() => {});
    const connection = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const panel = connection.contexts().flatMap((c) => c.pages()).find((p) => PANEL_URL.test(p.url()));
    if (panel) return { connection, panel };
    last = connection;
    if (Date.now() > deadline) {
      await connection.close().catch(() => {});
      throw new Error('the side panel did not open');
    }
    await new Promise((wake) => setTimeout(wake, 200));
  }
}

/**
 * Opens the side panel as a reader does, with chrome.sidePanel.open() inside a
 * click's user gesture on `opener` (one of our pages), and connects to it (see
 * connectToSidePanel; Chromium must have been launched with a debugging port).
 */
export async function openSidePanel(opener: Page, profileDir: string, previous?: Browser): Promise<{ connection: Browser; panel: Page }> {
  await opener.bringToFront();
  await opener.evaluate(() => {
    document.getElementById('open-panel')?.remove();
    const button = document.createElement('button');
    button.id = 'open-panel';
    button.textContent = 'open the side panel';
    button.addEventListener('click', () => {
      const { chrome } = globalThis as unknown as { chrome: Chrome & { sidePanel: { open(o: { windowId: number }): Promise<void> } } };
      // No await before open(): the gesture must still be running when it is called.
      void chrome.windows.getCurrent().then((w) => chrome.sidePanel.open({ windowId: w.id! }));
    });
    document.body.prepend(button);
  });
  await opener.click('#open-panel');
  return connectToSidePanel(profileDir, previous);
}
