/**
 * Looking up the reader's selection in Firefox, through the browser's own
 * page context menu and the extension's shortcut (Alt+Shift+M) pressed as
 * keys: both are user input, so Firefox lets the background open the sidebar,
 * which searches for the (cut, plain-text) selection.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SELECTION_MAX_CHARS } from '../../../lib/limits';
import { queryFromSelection } from '../../../lib/ui/selection';
import { readSearchApp } from '../support/search-app';
import { startServer, type TestServer } from '../support/server';
import { chooseMenuItem, closeMenu, contextMenuAt, hideSidebar, inSidebar, pressShortcut, waitForSidebar } from './browser-ui';
import { launchFirefox, waitFor, type FirefoxExtension, type WebExt } from './harness';

const MARKUP = `<img src=x onerror="document.title='pwned'">`;

describe('Firefox: looking up the selection', () => {
  let ff: FirefoxExtension;
  let server: TestServer;
  const pages: Page[] = [];

  beforeAll(async () => {
    [ff, server] = await Promise.all([launchFirefox(), startServer()]);
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });
  beforeEach(() => hideSidebar(ff));
  afterEach(async () => {
    await closeMenu(ff);
    await Promise.all(pages.splice(0).map((p) => p.close()));
  });

  /** Opens `path` and selects the contents of `selector` (a Range, as a reader's drag makes); returns the page and the text. */
  async function select(selector: string, path = '/article-ja.html', setUp?: (page: Page) => Promise<unknown>): Promise<{ page: Page; text: string }> {
    const page = await ff.newPage(server.url(path));
    pages.push(page);
    await setUp?.(page);
    const text = await page.evaluate((selector) => {
      const el = document.querySelector(selector)!;
      el.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.selectNodeContents(el);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return String(getSelection());
    }, selector);
    return { page, text };
  }

  const centreOf = (page: Page, selector: string) =>
    page.evaluate((selector) => {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      return { x: r.left + Math.min(40, r.width / 2), y: r.top + r.height / 2 };
    }, selector);

  const sidebarQuery = (expected: string) =>
    waitFor(() => inSidebar(ff, readSearchApp), (v) => v.value === expected && !v.busy && (v.count !== null || v.status !== null), `the sidebar searching ${expected}`);
  const pending = () =>
    ff.ext(async () => ((await (globalThis as unknown as { browser: WebExt }).browser.storage.session.get('pendingQuery')).pendingQuery ?? null) as unknown);

  it('has its item in the page\'s context menu on a selection, naming it, and opens the sidebar on it', async () => {
    const { page, text } = await select('h1');
    expect(text).toBe('中小企業のサイバーセキュリティ対策、業界ISACでの情報共有広がる');
    const items = await contextMenuAt(ff, page, await centreOf(page, 'h1'));
    expect(items).toContainEqual({ id: 'minutes-lens-lookup', label: `「${text}」を議事録で検索` });
    await chooseMenuItem(ff, 'minutes-lens-lookup');
    await waitForSidebar(ff);
    await sidebarQuery(text);
    await waitFor(pending, (p) => p === null, 'the query spent');
  });

  it('has no lookup item in the context menu without a selection', async () => {
    const page = await ff.newPage(server.url('/article-ja.html'));
    pages.push(page);
    const items = await contextMenuAt(ff, page, await centreOf(page, 'article p'));
    expect(items.map((i) => i.id)).not.toContain('minutes-lens-lookup');
  });

  it('looks up a long selection by the shortcut, cut to its opening', async () => {
    const { page, text } = await select('article p:nth-of-type(2)');
    expect([...text].length).toBeGreaterThan(SELECTION_MAX_CHARS);
    const reported = await ff.sendToTab(await ff.tabIdOf(page), { type: 'content/selection', payload: {} });
    expect(reported).toEqual({ ok: true, value: { text } });
    const expected = queryFromSelection(text)!;
    expect(expected.startsWith('取引先を経由したサイバー攻撃の被害が相次ぐなか')).toBe(true);

    await pressShortcut(ff, page);
    await waitForSidebar(ff);
    await sidebarQuery(expected);
  });

  it('hands on a selection that looks like markup as plain text, by the shortcut and by the menu', async () => {
    const { page } = await select('#evil', '/article-ja.html', (page) =>
      page.evaluate((text) => {
        const p = document.createElement('p');
        p.id = 'evil';
        p.textContent = text;
        document.querySelector('article')!.append(p);
      }, MARKUP),
    );
    await pressShortcut(ff, page);
    await waitForSidebar(ff);
    await sidebarQuery(MARKUP);
    await expect(inSidebar(ff, (w) => ({ images: w.document.querySelectorAll('img').length, title: w.document.title }))).resolves.toEqual({
      images: 0,
      title: expect.not.stringContaining('pwned'),
    });

    await hideSidebar(ff);
    await contextMenuAt(ff, page, await centreOf(page, '#evil'));
    await chooseMenuItem(ff, 'minutes-lens-lookup');
    await waitForSidebar(ff);
    await sidebarQuery(MARKUP);
    await expect(page.title()).resolves.not.toBe('pwned');
  });

  it('looks up text selected inside a frame by the shortcut (the frame answers, not the empty top page)', async () => {
    const page = await ff.newPage(server.url('/hostile/frames.html'));
    pages.push(page);
    const frame = (await (await page.$('#doc'))!.contentFrame())!;
    await frame.click('p:nth-of-type(2)');
    const selected = await frame.evaluate(() => {
      const p = document.querySelectorAll('p')[1]!;
      getSelection()!.selectAllChildren(p);
      return p.textContent!;
    });
    expect(await page.evaluate(() => [document.activeElement?.id, String(getSelection())])).toEqual(['doc', '']);
    await pressShortcut(ff, page);
    await waitForSidebar(ff);
    await sidebarQuery(queryFromSelection(selected)!);
  });
});
