/**
 * The reader's controls in Firefox: the toolbar button (clicked on the
 * browser's toolbar) switches the site off and on, remembered across a
 * reload, with the badge counting the marks or saying off; options saved on
 * the options page reach an open tab without a reload; pages without a
 * content script are handled quietly.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContentState } from '../../../lib/messaging/protocol';
import { highlighted, readPopover, restOn, waitForPopover } from '../support/page';
import { startServer, type TestServer } from '../support/server';
import { clickToolbarButton } from './browser-ui';
import { puppeteerDriven } from './drivers';
import { launchFirefox, waitFor, type FirefoxExtension, type WebExt } from './harness';

const ALL_FIVE = ['iot-device', 'telework', 'isac', 'cyber-insurance', 'information-sharing'];
const markedAll = (s: ContentState) => s.on && !s.busy && ALL_FIVE.every((id) => s.marked.some((m) => m.termId === id));

describe('Firefox: reader controls', () => {
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
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
    await ff.ext(() => (globalThis as unknown as { browser: WebExt }).browser.storage.sync.clear());
  });

  const open = async (url: string) => {
    const page = await ff.newPage(url);
    pages.push(page);
    return page;
  };
  const state = (page: Page, ready: (s: ContentState) => boolean, what: string) => waitFor(() => ff.contentState(page), ready, what);
  const highlightCount = async (page: Page) => (await highlighted(puppeteerDriven(page)))?.length ?? 0;

  /** Rests the pointer on `text` for a second; whether a popover opened. */
  const opensPopover = async (page: Page, text: string) => {
    const d = puppeteerDriven(page);
    await page.mouse.move(5, 5);
    await restOn(d, text);
    await new Promise((wake) => setTimeout(wake, 1_000));
    const open = (await readPopover(d)) !== null;
    await page.keyboard.press('Escape');
    return open;
  };

  it('switches marking off and on for the site from the toolbar button, remembered across a reload; the badge counts the marks', async () => {
    const page = await open(server.url('/article-ja.html'));
    const before = await state(page, markedAll, 'marked');
    const count = String(before.marked.length);
    const badge = await waitFor(() => ff.badgeOf(page), (b) => b.text === count, 'the badge counting');
    expect(badge.title).toContain(`${count} 語`);
    expect(await opensPopover(page, 'IoT機器')).toBe(true);

    await clickToolbarButton(ff, page);
    await state(page, (s) => !s.on && s.marked.length === 0, 'switched off');
    expect(await highlightCount(page)).toBe(0);
    await waitFor(() => ff.badgeOf(page), (b) => b.text === 'オフ', 'the badge off');
    expect(await opensPopover(page, 'IoT機器')).toBe(false);
    const stored = await ff.ext(() => (globalThis as unknown as { browser: WebExt }).browser.storage.sync.get('settings'));
    expect((stored.settings as { block: string[] }).block).toEqual(['127.0.0.1']);

    await page.reload();
    const reloaded = await state(page, (s) => !s.on, 'off after the reload');
    await new Promise((wake) => setTimeout(wake, 500));
    expect(reloaded.marked).toEqual([]);
    expect((await ff.contentState(page)).scans).toBe(0);
    expect(await highlightCount(page)).toBe(0);
    await waitFor(() => ff.badgeOf(page), (b) => b.text === 'オフ', 'the badge off after the reload');

    await clickToolbarButton(ff, page);
    const after = await state(page, markedAll, 'switched on');
    await waitFor(() => ff.badgeOf(page), (b) => b.text === String(after.marked.length), 'the badge counting again');
    expect(await highlightCount(page)).toBe(after.marked.length);
    expect(await opensPopover(page, 'テレワーク')).toBe(true);
  });

  it('applies options saved on the options page to an open tab without a reload', async () => {
    const article = await open(server.url('/article-ja.html'));
    const first = await state(article, markedAll, 'marked');
    expect(first.marked.filter((m) => m.termId === 'iot-device')).toHaveLength(1);
    await article.evaluate(() => ((window as unknown as { probe: number }).probe = 1)); // gone if the page reloads

    const options = await ff.openExtensionPage('/options.html');
    pages.push(options);
    await options.waitForSelector('#popoverCount');
    // Each choice a click of its own, as a reader makes them.
    for (const text of ['すべての箇所', 'ダーク']) {
      const radio = await options.evaluateHandle(
        (text) => [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)!.querySelector('input')!,
        text,
      );
      await radio.click();
    }
    // The remarks a popover shows, typed into its field as a reader does.
    await options.click('#popoverCount', { count: 3 });
    await options.keyboard.type('1');
    await options.click('button[type="submit"]');
    await waitFor(() => options.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? ''), (t) => t.includes('保存しました'), 'saved');

    const every = await state(article, (s) => !s.busy && s.marked.filter((m) => m.termId === 'iot-device').length === 3, 'every occurrence');
    expect(every.marked.length).toBeGreaterThan(first.marked.length);
    expect(await highlightCount(article)).toBe(every.marked.length);
    await waitFor(() => ff.badgeOf(article), (b) => b.text === String(every.marked.length), 'the badge counting every occurrence');
    await expect(article.evaluate(() => (window as unknown as { probe?: number }).probe)).resolves.toBe(1);

    await article.bringToFront();
    const d = puppeteerDriven(article);
    await restOn(d, 'テレワーク');
    const view = await waitForPopover(d);
    expect(view.remarks).toHaveLength(1);
    expect(view.background).toBe('rgb(22, 27, 34)');
  });

  it.each([
    // Firefox runs content scripts in a top-level about:blank (Chromium does not): it answers, and has no site to switch.
    { page: 'about:blank', why: 'このページにはサイト名がないため切り替えられません' },
    // Our own pages run no content script.
    { page: '/viewer.html', why: 'このページでは使えません' },
  ])('does nothing on a page it cannot switch ($page), and says why', async ({ page: where, why }) => {
    const page = where.startsWith('/') ? await ff.openExtensionPage(where) : await open(where);
    if (where.startsWith('/')) pages.push(page);
    await clickToolbarButton(ff, page);
    await waitFor(() => ff.badgeOf(page), (b) => b.title.includes(why), 'the title saying why');
    expect((await ff.badgeOf(page)).text).toBe('');
    const stored = await ff.ext(() => (globalThis as unknown as { browser: WebExt }).browser.storage.sync.get('settings'));
    expect(stored).toEqual({});
  });
});
