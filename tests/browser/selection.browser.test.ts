/**
 * Looking up the reader's selection: the content script reports it, the
 * context-menu item exists, and the shortcut's and the menu's handlers hand
 * the (cut, plain-text) query to the search: here, with no gesture to open the
 * side panel, the search page in a tab, and nothing left in session storage
 * for a side panel opened later.
 *
 * What cannot be driven for real: Playwright cannot open native context menus,
 * and its key presses go to the page, not to the browser's accelerators, so
 * Alt+Shift+M does not reach `commands.onCommand` under headless Chromium. The
 * tests press it anyway and, when nothing happens, dispatch the browser's own
 * event objects (`chrome.commands.onCommand.dispatch`, an undocumented method of
 * Chromium's extension events) so that the background's real listeners run.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SELECTION_MAX_CHARS } from '../../lib/limits';
import { queryFromSelection } from '../../lib/ui/selection';
import { launchWithExtension, sendToTab, startServer, tabIdOf, type Chrome, type ExtensionBrowser, type TestServer } from './harness';

const MENU_ID = 'minutes-lens-lookup';
const COMMAND = 'lookup-selection';
const MARKUP = `<img src=x onerror="document.title='pwned'">`;

type Pending = { query: string; at: number } | undefined;

describe('looking up the selection', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchWithExtension(), startServer()]);
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });
  afterEach(async () => {
    await browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.remove('pendingQuery'),
    );
    for (const p of browser.context.pages().slice(1)) await p.close();
  });

  /** Opens the Japanese article and selects the contents of `selector` (a Range, as a reader's drag makes). */
  async function selectOnPage(selector: string, setUp?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(server.url('/article-ja.html'));
    await setUp?.(page);
    await page.evaluate((selector) => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector(selector)!);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    }, selector);
    return page;
  }

  const pending = () =>
    browser.serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      return (await chrome.storage.session.get('pendingQuery')).pendingQuery as Pending;
    });

  /** The tab of `page` as the browser hands it to onCommand / onClicked listeners. */
  const tabOf = async (page: Page) => {
    const tabId = await tabIdOf(browser.serviceWorker, page);
    return browser.serviceWorker.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.tabs.get(id), tabId);
  };

  /**
   * Presses the shortcut; if the browser does not deliver it (headless: no
   * search tab opens), runs the real listeners by dispatching the event.
   */
  async function lookUpByShortcut(page: Page, opened: Promise<Page>): Promise<'shortcut' | 'dispatched'> {
    await page.bringToFront();
    await page.keyboard.press('Alt+Shift+M');
    const delivered = await Promise.race([opened.then(() => true), new Promise<boolean>((no) => setTimeout(() => no(false), 1_000))]);
    if (delivered) return 'shortcut';
    const tab = await tabOf(page);
    await browser.serviceWorker.evaluate(
      ({ command, tab }) => {
        const { chrome } = globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(...a: unknown[]): void } } } };
        chrome.commands.onCommand.dispatch(command, tab);
      },
      { command: COMMAND, tab },
    );
    return 'dispatched';
  }

  /** The search tab the lookup opens: there is no sidePanel permission, so it falls back to search.html?q=. */
  const searchTab = () =>
    browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/search.html'), timeout: 10_000 });

  it('gets the selected text from the content script', async () => {
    const page = await selectOnPage('h1');
    const expected = await page.evaluate(() => document.querySelector('h1')!.textContent);
    const reply = await sendToTab(browser.serviceWorker, await tabIdOf(browser.serviceWorker, page), {
      type: 'content/selection',
      payload: {},
    });
    expect(reply).toEqual({ ok: true, value: { text: expected } });
    expect(expected).toBe('中小企業のサイバーセキュリティ対策、業界ISACでの情報共有広がる');

    // Nothing selected: empty text, which makes no query.
    await page.evaluate(() => getSelection()!.removeAllRanges());
    const none = await sendToTab(browser.serviceWorker, await tabIdOf(browser.serviceWorker, page), {
      type: 'content/selection',
      payload: {},
    });
    expect(none).toEqual({ ok: true, value: { text: '' } });
  });

  it('has its context-menu item on selections', async () => {
    const result = await browser.serviceWorker.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const outcome = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => `rejected: ${e}`);
      return {
        ours: await outcome(chrome.contextMenus.update(id, {})),
        unknown: await outcome(chrome.contextMenus.update('no-such-item', {})),
      };
    }, MENU_ID);
    expect(result.ours).toBe('resolved');
    expect(result.unknown).toMatch(/^rejected/);
  });

  it('looks up a long selection by the shortcut, cut to its opening', async () => {
    const page = await selectOnPage('article p:nth-of-type(2)');
    const selected = (
      await sendToTab(browser.serviceWorker, await tabIdOf(browser.serviceWorker, page), { type: 'content/selection', payload: {} })
    ) as { ok: true; value: { text: string } };
    expect([...selected.value.text].length).toBeGreaterThan(SELECTION_MAX_CHARS);
    const expected = queryFromSelection(selected.value.text)!;

    const opened = searchTab();
    const how = await lookUpByShortcut(page, opened);
    console.info(`lookup-selection: ${how === 'shortcut' ? 'the key press reached the command' : 'key press not delivered; dispatched onCommand'}`);
    const search = await opened;
    await search.waitForLoadState();
    const query = new URL(search.url()).searchParams.get('q')!;
    expect(query).toBe(expected);
    expect([...query].length).toBeLessThanOrEqual(SELECTION_MAX_CHARS);
    expect(query.startsWith('取引先を経由したサイバー攻撃の被害が相次ぐなか')).toBe(true);
    // The tab took the query: none waits in session storage for the next side panel.
    expect(await pending()).toBeUndefined();
  });

  it('hands on a selection that looks like markup as plain text (shortcut and menu)', async () => {
    const page = await selectOnPage('#evil', (page) =>
      page.evaluate((text) => {
        const p = document.createElement('p');
        p.id = 'evil';
        p.textContent = text;
        document.querySelector('article')!.append(p);
      }, MARKUP),
    );
    const opened = searchTab();
    await lookUpByShortcut(page, opened);
    const search = await opened;
    await search.waitForLoadState();
    expect(new URL(search.url()).searchParams.get('q')).toBe(MARKUP);
    await expect(search.getByRole('searchbox').inputValue({ timeout: 5_000 })).resolves.toBe(MARKUP);
    await expect(search.locator('img').count()).resolves.toBe(0);
    await expect(search.title()).resolves.not.toBe('pwned');
    await search.close();

    // The menu's handler gets the selection from the browser (info.selectionText), not from the page.
    await browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.remove('pendingQuery'),
    );
    const tab = await tabOf(page);
    const reopened = searchTab();
    await browser.serviceWorker.evaluate(
      ({ id, text, tab }) => {
        const { chrome } = globalThis as unknown as { chrome: { contextMenus: { onClicked: { dispatch(...a: unknown[]): void } } } };
        chrome.contextMenus.onClicked.dispatch({ menuItemId: id, selectionText: `  ${text}\n`, editable: false, pageUrl: '' }, tab);
      },
      { id: MENU_ID, text: MARKUP, tab },
    );
    const again = await reopened;
    await again.waitForLoadState();
    expect(new URL(again.url()).searchParams.get('q')).toBe(MARKUP);
    expect(await pending()).toBeUndefined();
    await expect(page.title()).resolves.not.toBe('pwned');
  });
});
