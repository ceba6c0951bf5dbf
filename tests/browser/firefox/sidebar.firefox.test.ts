/**
 * The search in Firefox's sidebar (sidebar_action), opened and typed into as a
 * reader does: from the toolbar button's menu or the browser's sidebar
 * switcher, typing through the input method. Filters, keyboard, the passage
 * viewer, and where the popover's "see all" goes: Firefox lets an extension
 * open its sidebar only from a user-input handler (a click on its own UI, a
 * menu item, a shortcut), and a message from a content script is none, so the
 * search opens in a tab; nothing of that lookup may linger for the sidebar.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MinutesIndex } from '../../../lib/search/engine';
import { INDEX_ASSET_PATH } from '../../../lib/search/schema';
import { popoverButton, restOn, waitForPopover } from '../support/page';
import { clickSearchButton, readSearchApp, searchFieldOptions, setSearchField } from '../support/search-app';
import { startServer, type TestServer } from '../support/server';
import {
  KEYS,
  chooseMenuItem,
  closeMenu,
  commitText,
  focusSidebarBox,
  hideSidebar,
  inSidebar,
  press,
  showSidebar,
  sidebarShown,
  toolbarMenu,
  waitForSidebar,
} from './browser-ui';
import { inWindow, puppeteerDriven } from './drivers';
import { FIREFOX_EXTENSION_DIR, launchFirefox, waitFor, type FirefoxExtension, type WebExt } from './harness';

describe('Firefox: the sidebar', () => {
  let ff: FirefoxExtension;
  let server: TestServer;
  let node: MinutesIndex;
  const pages: Page[] = [];

  beforeAll(async () => {
    [ff, server] = await Promise.all([launchFirefox(), startServer()]);
    node = await MinutesIndex.fromBytes(readFileSync(join(FIREFOX_EXTENSION_DIR, INDEX_ASSET_PATH)));
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
    // A menu left open by a failed test would take every key press after it.
    await closeMenu(ff, 'toolbar-context-menu');
  });

  const panel = () => inSidebar(ff, readSearchApp);
  /** The sidebar once it shows the answer for `query`. */
  const settled = (query: string) =>
    waitFor(panel, (v) => v.value === query && !v.busy && (v.count !== null || v.status !== null), `the sidebar's answer for ${query}`);
  const pending = () =>
    ff.ext(async () => ((await (globalThis as unknown as { browser: WebExt }).browser.storage.session.get('pendingQuery')).pendingQuery ?? null) as unknown);

  /** Types into the sidebar's box as a reader does: a click into it, then the input method's text. */
  const typeInSidebar = async (text: string) => {
    await focusSidebarBox(ff);
    await commitText(ff, text);
  };

  it('opens from the toolbar button\'s menu and searches as the reader types', async () => {
    const items = await toolbarMenu(ff);
    expect(items).toContainEqual({ id: 'minutes-lens-open-panel', label: 'サイドパネルを開く' });
    await chooseMenuItem(ff, 'minutes-lens-open-panel', 'toolbar-context-menu');
    await waitForSidebar(ff);

    await inSidebar(ff, (w) => {
      const box = w.document.querySelector<HTMLInputElement>('input[type="search"]')!;
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await typeInSidebar('テレワーク');
    const view = await settled('テレワーク');
    const expected = node.searchPage('テレワーク');
    expect(view.count).toContain(`${expected.total} 件`);
    expect(view.hits.map((h) => h.id)).toEqual(expected.hits.map((h) => h.remark.id));
    expect(view.hits[0]!.marks[0]).toBe('テレワーク');
    expect(view.hits[0]!.date).toBe('2020-05-28');
    await expect(inSidebar(ff, (w) => getComputedStyle(w.document.body).fontSize)).resolves.toBe('15px');
  });

  it('filters by speaker with counts, by a date range, sorts by date, and clears the filters', async () => {
    await showSidebar(ff);
    await inSidebar(ff, (w) => void (w.document.querySelector<HTMLInputElement>('input[type="search"]')!.select()));
    await typeInSidebar('テレワーク');
    const all = await settled('テレワーク');
    expect(await inSidebar(ff, searchFieldOptions, '発言者')).toContain('後藤 (6)');
    await inSidebar(ff, setSearchField, { label: '発言者', value: '後藤' });
    const bySpeaker = await waitFor(panel, (v) => !v.busy && v.hits.length === 6, 'six remarks of 後藤');
    expect(bySpeaker.hits.every((h) => h.text.includes('後藤'))).toBe(true);
    await inSidebar(ff, clickSearchButton, '絞り込みを解除');
    await waitFor(panel, (v) => !v.busy && v.hits.length === all.hits.length, 'the filter cleared');

    await inSidebar(ff, (w) => void (w.document.querySelector<HTMLInputElement>('input[type="search"]')!.select()));
    await typeInSidebar('セキュリティ');
    await settled('セキュリティ');
    await inSidebar(ff, setSearchField, { label: '開始日', value: '2017-01-01' });
    await inSidebar(ff, setSearchField, { label: '終了日', value: '2019-12-31' });
    const expected = node.searchPage('セキュリティ', { from: '2017-01-01', to: '2019-12-31' });
    const ranged = await waitFor(panel, (v) => !v.busy && v.count?.includes(`${expected.total} 件`) === true, 'the date range applied');
    expect(ranged.hits.length).toBeGreaterThan(0);
    expect(ranged.hits.every((h) => h.date! >= '2017-01-01' && h.date! <= '2019-12-31')).toBe(true);

    await inSidebar(ff, clickSearchButton, '絞り込みを解除');
    await inSidebar(ff, setSearchField, { label: '並び順', value: 'date' });
    const sorted = await waitFor(panel, (v) => !v.busy && v.hits[0]?.date === '2020-05-28', 'sorted by date');
    const dates = sorted.hits.map((h) => h.date!);
    expect(dates.every((d, i) => i === 0 || dates[i - 1]! >= d)).toBe(true);
    await inSidebar(ff, setSearchField, { label: '並び順', value: 'relevance' });
  });

  it('walks the results with the keyboard and opens the passage with Enter', async () => {
    await showSidebar(ff);
    await inSidebar(ff, (w) => void (w.document.querySelector<HTMLInputElement>('input[type="search"]')!.select()));
    await typeInSidebar('テレワーク');
    await settled('テレワーク');
    await press(ff, KEYS.ArrowDown);
    await press(ff, KEYS.ArrowDown);
    const view = await waitFor(panel, (v) => v.hits[1]?.selected === true, 'the second hit selected');
    expect(view.focus).toBe(view.hits[1]!.id);
    await press(ff, KEYS.Slash);
    await waitFor(panel, (v) => v.focus === 'box', 'slash back to the box');
    await press(ff, KEYS.ArrowDown);
    await press(ff, KEYS.Enter);
    const viewer = await ff.waitForPage((href) => href.includes('/viewer.html'));
    pages.push(viewer);
    const url = new URL(await ff.urlOf(viewer));
    expect(url.searchParams.get('remark')).toBe(view.hits[1]!.id);
    expect(url.searchParams.get('term')).toBe('テレワーク');
    await viewer.waitForFunction((id) => document.querySelector('[aria-current="true"]')?.id === id, { timeout: 10_000 }, view.hits[1]!.id);
  });

  it('"see all" in the popover opens the search in a tab, and leaves nothing for the sidebar opened later', async () => {
    await hideSidebar(ff);
    const article = await ff.newPage(server.url('/article-en.html'));
    pages.push(article);
    await waitFor(() => ff.contentState(article), (s) => s.marked.some((m) => m.termId === 'cyber-insurance'), 'marked');
    const d = puppeteerDriven(article);
    await restOn(d, 'Cyber insurance');
    await waitForPopover(d);
    const button = await popoverButton(d, 'すべての結果');
    await article.mouse.click(button.x, button.y);

    // No user input reached the background with the content script's message: no sidebar, a tab.
    const search = await ff.waitForPage((href) => href.includes('/search.html'));
    pages.push(search);
    expect(new URL(await ff.urlOf(search)).searchParams.get('q')).toBe('サイバー保険');
    const tab = await waitFor(() => inWindow(search, readSearchApp), (v) => v.value === 'サイバー保険' && !v.busy && v.hits.length > 0, 'the search tab');
    expect(tab.hits[0]!.id).toBe(node.searchPage('サイバー保険').hits[0]!.remark.id);
    expect(await sidebarShown(ff)).toBe(false);
    // The lookup went to the tab: nothing waits for the sidebar.
    await waitFor(pending, (p) => p === null, 'no pending query left');

    // Later the reader opens the sidebar and types テレワーク: that is the query.
    await showSidebar(ff);
    await typeInSidebar('テレワーク');
    const view = await settled('テレワーク');
    expect(view.hits[0]!.id).toBe(node.searchPage('テレワーク').hits[0]!.remark.id);
  });

  it('"see all" with the sidebar already open searches there, and opens no tab', async () => {
    await showSidebar(ff);
    const article = await ff.newPage(server.url('/article-ja.html'));
    pages.push(article);
    await waitFor(() => ff.contentState(article), (s) => s.marked.some((m) => m.termId === 'isac'), 'marked');
    const tabsBefore = (await ff.browser.pages()).length;
    const d = puppeteerDriven(article);
    await restOn(d, 'ISAC');
    await waitForPopover(d);
    const button = await popoverButton(d, 'すべての結果');
    await article.mouse.click(button.x, button.y);
    const view = await settled('ISAC');
    expect(view.hits[0]!.id).toBe(node.searchPage('ISAC').hits[0]!.remark.id);
    await waitFor(pending, (p) => p === null, 'the query spent by the sidebar');
    await new Promise((wake) => setTimeout(wake, 500));
    expect((await ff.browser.pages()).length).toBe(tabsBefore);
  });

  it('remembers the last query when opened again, ready to be typed over', async () => {
    await showSidebar(ff);
    await inSidebar(ff, (w) => void (w.document.querySelector<HTMLInputElement>('input[type="search"]')!.select()));
    await typeInSidebar('IoT機器');
    await settled('IoT機器');
    await hideSidebar(ff);
    await waitFor(() => ff.ext(async () => (await (globalThis as unknown as { browser: WebExt }).browser.storage.local.get('lastQuery')).lastQuery), (q) => q === 'IoT機器', 'remembered');

    await showSidebar(ff);
    const restored = await settled('IoT機器');
    expect(restored.hits[0]!.id).toBe(node.searchPage('IoT機器').hits[0]!.remark.id);
    // Typed straight away, a new query replaces the remembered one.
    await typeInSidebar('ISAC');
    await settled('ISAC');
  });

  it('takes a query the background hands over while it is open', async () => {
    await showSidebar(ff);
    await ff.ext(() => (globalThis as unknown as { browser: WebExt }).browser.storage.session.set({ pendingQuery: { query: 'サイバー保険', at: Date.now() } }));
    const view = await settled('サイバー保険');
    expect(view.hits[0]!.id).toBe(node.searchPage('サイバー保険').hits[0]!.remark.id);
    await waitFor(pending, (p) => p === null, 'the handed-over query spent');
  });
});

