/**
 * The reader's controls in Chromium with the built extension: the toolbar
 * button (its real click handler, dispatched in the service worker: Playwright
 * cannot click the toolbar) switches a site off and on, remembered across a
 * reload; the badge counts the marks; the options page's changes reach an open
 * tab without a reload; pages without a content script are handled quietly.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ContentState } from '../../lib/messaging/protocol';
import { contentState, launchWithExtension, startServer, tabIdOf, textCentre, type Chrome, type ExtensionBrowser, type TestServer } from './harness';

const HOST = 'minutes-lens-root';
const DIALOG = `${HOST} [role=dialog]`;

describe('reader controls', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
    // Back to the defaults for the next test.
    await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.clear());
  });

  const open = async (url: string): Promise<Page> => {
    const page = await browser.context.newPage();
    pages.push(page);
    await page.goto(url);
    return page;
  };

  const stateOf = (page: Page): Promise<ContentState> => contentState(browser.serviceWorker, page);

  /** The state once `ready` holds for it (scans run in slices, settings arrive by events). */
  const waitForState = async (page: Page, ready: (s: ContentState) => boolean, what: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await stateOf(page);
      if (ready(state)) return state;
      if (Date.now() > deadline) throw new Error(`${what}: not in time (${JSON.stringify({ on: state.on, marked: state.marked.length })})`);
      await page.waitForTimeout(100);
    }
  };
  const ALL_FIVE = ['iot-device', 'telework', 'isac', 'cyber-insurance', 'information-sharing'];
  const markedAll = (s: ContentState) => s.on && !s.busy && ALL_FIVE.every((id) => s.marked.some((m) => m.termId === id));

  /** The ranges of our highlight, as the page sees them; 0 when there is none. */
  const highlightCount = (page: Page) => page.evaluate(() => CSS.highlights.get('minutes-lens')?.size ?? 0);

  /** Runs the toolbar button's own click listener for the tab showing `page`. */
  const clickToolbar = async (page: Page) => {
    const tabId = await tabIdOf(browser.serviceWorker, page);
    await browser.serviceWorker.evaluate(async (tabId) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const tab = await chrome.tabs.get(tabId);
      (chrome.action.onClicked as unknown as { dispatch(tab: unknown): void }).dispatch(tab);
    }, tabId);
    return tabId;
  };

  const badgeOf = (tabId: number) =>
    browser.serviceWorker.evaluate(
      (tabId) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId }),
      tabId,
    );
  const titleOf = (tabId: number) =>
    browser.serviceWorker.evaluate((tabId) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getTitle({ tabId }), tabId);

  const centreOf = textCentre;

  /** Rests the pointer on `text` for `restMs`; whether a popover opened. */
  const restOn = async (page: Page, text: string, restMs = 1_000) => {
    await page.mouse.move(5, 5);
    const at = await centreOf(page, text);
    await page.mouse.move(at.x - 40, at.y + 60);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await page.waitForTimeout(restMs);
    return (await page.locator(DIALOG).count()) > 0;
  };

  it('switches marking off and on for the site from the toolbar button, remembered across a reload; the badge counts the marks', async () => {
    const page = await open(server.url('/article-ja.html'));
    const tabId = await tabIdOf(browser.serviceWorker, page);
    const before = await waitForState(page, markedAll, 'marked');
    await expect.poll(() => badgeOf(tabId)).toBe(String(before.marked.length));
    expect(before.marked.length).toBeGreaterThanOrEqual(5);
    await expect(titleOf(tabId)).resolves.toContain(`${before.marked.length} 語`);
    expect(await restOn(page, 'IoT機器')).toBe(true);
    await page.keyboard.press('Escape');

    // Off: no marks, no highlight, no popover, badge 'オフ' (the browser is in Japanese); the block list names the site.
    await clickToolbar(page);
    await waitForState(page, (s) => !s.on && s.marked.length === 0, 'switched off');
    await expect(highlightCount(page)).resolves.toBe(0);
    await expect.poll(() => badgeOf(tabId)).toBe('オフ');
    expect(await restOn(page, 'IoT機器')).toBe(false);
    const stored = await browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.get('settings'),
    );
    expect((stored.settings as { block: string[] }).block).toEqual(['127.0.0.1']);

    // Remembered: still off after a reload, and nothing is scanned.
    await page.reload();
    await page.waitForTimeout(500);
    const reloaded = await waitForState(page, (s) => !s.on, 'off after reload');
    expect(reloaded.marked).toEqual([]);
    expect(reloaded.scans).toBe(0);
    await expect(highlightCount(page)).resolves.toBe(0);
    await expect.poll(() => badgeOf(tabId)).toBe('オフ');
    expect(await restOn(page, 'テレワーク')).toBe(false);

    // On again: marked again, the badge counts, the popover opens.
    await clickToolbar(page);
    const after = await waitForState(page, markedAll, 'switched on');
    await expect.poll(() => badgeOf(tabId)).toBe(String(after.marked.length));
    await expect(highlightCount(page)).resolves.toBe(after.marked.length);
    expect(await restOn(page, 'テレワーク')).toBe(true);
  });

  it('applies options saved on the options page to an open tab without a reload', async () => {
    const article = await open(server.url('/article-ja.html'));
    const tabId = await tabIdOf(browser.serviceWorker, article);
    const first = await waitForState(article, markedAll, 'marked');
    expect(first.marked.filter((m) => m.termId === 'iot-device')).toHaveLength(1);
    await article.evaluate(() => ((window as unknown as { probe: number }).probe = 1)); // gone if the page reloads

    const options = await open(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('すべての箇所').check();
    await options.getByLabel('表示する発言の数').fill('1');
    await options.getByLabel('ダーク').check();
    await options.getByRole('button', { name: '保存' }).click();
    await expect(options.getByRole('status').textContent()).resolves.toContain('保存しました');

    // Every occurrence now: IoT機器 appears three times in the article.
    const every = await waitForState(article, (s) => s.marked.filter((m) => m.termId === 'iot-device').length === 3 && !s.busy, 'every occurrence');
    expect(every.marked.length).toBeGreaterThan(first.marked.length);
    await expect(highlightCount(article)).resolves.toBe(every.marked.length);
    await expect.poll(() => badgeOf(tabId)).toBe(String(every.marked.length));
    await expect(article.evaluate(() => (window as unknown as { probe?: number }).probe)).resolves.toBe(1);

    // The next popover: one remark, dark although the page's scheme is light.
    await article.bringToFront();
    expect(await restOn(article, 'テレワーク')).toBe(true);
    await article.locator(`${DIALOG} ol li`).first().waitFor({ timeout: 10_000 });
    await expect(article.locator(`${DIALOG} ol li`).count()).resolves.toBe(1);
    await expect(article.locator(DIALOG).evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(22, 27, 34)');
  });

  it('puts an "open the side panel" item in the toolbar button\'s menu', async () => {
    // contextMenus cannot list items; updating one that does not exist fails.
    const updated = await browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.contextMenus
        .update('minutes-lens-open-panel', { title: 'サイドパネルを開く' })
        .then(() => 'ok', (e: unknown) => String(e)),
    );
    expect(updated).toBe('ok');
  });

  it('refuses hostnames that are not ones on the options page, and saves nothing', async () => {
    const options = await open(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('マークしないサイト', { exact: true }).fill('Example.COM\nnot a host');
    await options.getByRole('button', { name: '保存' }).click();
    await expect(options.getByRole('alert').textContent()).resolves.toContain('not a host');
    const stored = await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.get('settings'));
    expect(stored).toEqual({});
    await options.getByLabel('マークしないサイト', { exact: true }).fill('Example.COM\nhttps://news.example.org/a');
    await options.getByRole('button', { name: '保存' }).click();
    await expect(options.getByRole('status').textContent()).resolves.toContain('保存しました');
    await expect(options.getByLabel('マークしないサイト', { exact: true }).inputValue()).resolves.toBe('example.com\nnews.example.org');
  });

  it.each(['about:blank', 'chrome://version/'])('does nothing, without an error, on a page it cannot work on (%s)', async (url) => {
    const page = await open(url);
    await browser.serviceWorker.evaluate(() => {
      const g = globalThis as unknown as { lensErrors?: string[] };
      if (!g.lensErrors) {
        self.addEventListener('unhandledrejection', (e) => g.lensErrors!.push(String(e.reason)));
        self.addEventListener('error', (e) => g.lensErrors!.push(String(e.message)));
      }
      g.lensErrors = [];
    });
    const tabId = await clickToolbar(page);
    await expect.poll(() => titleOf(tabId)).toContain('このページでは使えません');
    await expect(badgeOf(tabId)).resolves.toBe('');
    await expect(
      browser.serviceWorker.evaluate(() => (globalThis as unknown as { lensErrors: string[] }).lensErrors),
    ).resolves.toEqual([]);
    const stored = await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.get('settings'));
    expect(stored).toEqual({});
  });
});
