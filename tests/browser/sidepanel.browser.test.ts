/**
 * The real Chrome side panel, opened by chrome.sidePanel.open() from a click:
 * searching as the reader types, filters with counts, date sort, keyboard,
 * queries handed over by the background, and the remembered last query.
 *
 * Reaching the panel's page: Playwright's own connection (a pipe) is never
 * attached to the side panel's target. Chromium lists it (Target.getTargets
 * shows a `page` at sidepanel.html, `attached: false`) but does not auto-attach
 * it, so it never shows up in context.pages() nor as a 'page' event. A second
 * connection over CDP attaches every target that exists when it connects, so
 * once the panel is open we connect to the same Chromium through its
 * --remote-debugging-port and drive the panel's page from there. Tabs (the
 * opener page, the passage viewer) stay on the first connection.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MinutesIndex } from '../../lib/search/engine';
import { INDEX_ASSET_PATH } from '../../lib/search/schema';
import { EXTENSION_DIR, connectToSidePanel, launchWithExtension, openSidePanel, type Chrome, type ExtensionBrowser } from './harness';

const PANEL = /\/sidepanel\.html$/;
const NO_RESULTS = '議事録に関連する発言はありません';

describe('side panel', () => {
  let browser: ExtensionBrowser;
  let context: BrowserContext;
  let extensionId: string;
  let opener: Page;
  let node: MinutesIndex;
  /** The CDP connection the panel's page is reached through, and that page. */
  let cdp: Browser | undefined;
  let panel: Page;

  beforeAll(async () => {
    node = await MinutesIndex.fromBytes(readFileSync(join(EXTENSION_DIR, INDEX_ASSET_PATH)));
    // A debugging port (written to DevToolsActivePort) for the second connection.
    browser = await launchWithExtension({ args: ['--remote-debugging-port=0'] });
    ({ context, extensionId } = browser);
    opener = await context.newPage();
    await opener.goto(`chrome-extension://${extensionId}/search.html`);
    panel = await openPanel();
  });
  afterAll(async () => {
    await cdp?.close().catch(() => {});
    await browser?.close();
  });

  /** Opens the side panel the way a reader does: chrome.sidePanel.open() inside a click's user gesture. */
  async function openPanel(): Promise<Page> {
    const found = await openSidePanel(opener, browser.userDataDir, cdp);
    cdp = found.connection;
    await found.panel.locator('input[type="search"]').waitFor();
    return found.panel;
  }

  /** Connects over CDP (again) until the panel's page is there, and waits for its search box. */
  async function findPanel(): Promise<Page> {
    const found = await connectToSidePanel(browser.userDataDir, cdp);
    cdp = found.connection;
    await found.panel.locator('input[type="search"]').waitFor();
    return found.panel;
  }

  const box = () => panel.getByRole('searchbox');
  /** Waits until the panel shows the answer to what it was last asked (busy turns true in the same render). */
  const settled = () => panel.locator('main[aria-busy="false"]').waitFor({ timeout: 10_000 });
  const hits = () => panel.locator('.hits [role="option"]');
  const texts = (selector: string) => panel.locator(`.hits [role="option"] ${selector}`).allTextContents();
  const dates = async () => (await panel.locator('.hits [role="option"] time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime'))));
  const countText = () => panel.locator('.count').textContent();

  it('opens as the real side panel, with fonts set on its body', async () => {
    expect(panel.url()).toBe(`chrome-extension://${extensionId}/sidepanel.html`);
    // A side panel is not a tab: the first connection does not list it.
    expect(context.pages().some((p) => PANEL.test(p.url()))).toBe(false);
    const size = await panel.evaluate(() => getComputedStyle(document.body).fontSize);
    expect(size).toBe('15px');
  });

  it('shows results with speaker, meeting, date and marked words as the reader types', async () => {
    await box().fill('テレワーク');
    await settled();
    const expected = node.searchPage('テレワーク');
    await expect(countText()).resolves.toContain(`${expected.total} 件`);
    await expect(hits().count()).resolves.toBe(expected.hits.length);
    const first = hits().first();
    await expect(first.getAttribute('data-remark-id')).resolves.toBe(expected.hits[0]!.remark.id);
    await expect(first.locator('mark').first().textContent()).resolves.toBe('テレワーク');
    await expect(first.locator('.speaker').textContent()).resolves.toBe(expected.hits[0]!.remark.speaker);
    await expect(first.locator('.where').textContent()).resolves.toContain('サイバーセキュリティタスクフォース');
    await expect(first.locator('time').getAttribute('datetime')).resolves.toBe('2020-05-28');
  });

  it('filters by speaker, with counts, and clears the filter', async () => {
    await box().fill('テレワーク');
    await settled();
    const all = await hits().count();
    const speaker = panel.getByLabel('発言者');
    await expect(speaker.locator('option[value="後藤"]').textContent()).resolves.toBe('後藤 (6)');
    await speaker.selectOption('後藤');
    await settled();
    const speakers = await texts('.speaker');
    expect(speakers).toHaveLength(6);
    expect(speakers.every((s) => s === '後藤')).toBe(true);
    expect(all).toBeGreaterThan(6);

    await panel.getByRole('button', { name: '絞り込みを解除' }).click();
    await settled();
    await expect(hits().count()).resolves.toBe(all);
    await expect(speaker.inputValue()).resolves.toBe('');
  });

  it('filters by a date range, within the dates the results span', async () => {
    await box().fill('セキュリティ');
    await settled();
    const from = panel.getByLabel('開始日');
    const to = panel.getByLabel('終了日');
    await expect(from.getAttribute('min')).resolves.toBe('2013-06-20');
    await expect(to.getAttribute('max')).resolves.toBe('2020-05-28');
    await from.fill('2017-01-01');
    await to.fill('2019-12-31');
    await settled();
    const expected = node.searchPage('セキュリティ', { from: '2017-01-01', to: '2019-12-31' });
    await expect(countText()).resolves.toContain(`${expected.total} 件`);
    const shown = await dates();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((d) => d! >= '2017-01-01' && d! <= '2019-12-31')).toBe(true);
    await panel.getByRole('button', { name: '絞り込みを解除' }).click();
    await settled();
  });

  it('sorts by date, newest first', async () => {
    await box().fill('セキュリティ');
    await settled();
    const newestFirst = (ds: (string | null)[]) => ds.every((d, i) => i === 0 || ds[i - 1]! >= d!);
    // By relevance the dates are mixed, so the check below can tell the orders apart.
    expect(newestFirst(await dates())).toBe(false);
    await panel.getByLabel('並び順').selectOption('date');
    await settled();
    const sorted = await dates();
    expect(sorted[0]).toBe('2020-05-28');
    expect(newestFirst(sorted)).toBe(true);
    await panel.getByLabel('並び順').selectOption('relevance');
    await settled();
  });

  it('says so when the minutes have nothing', async () => {
    await box().fill('量子コンピュータ');
    await settled();
    await expect(panel.locator('.status').textContent()).resolves.toBe(NO_RESULTS);
    await expect(hits().count()).resolves.toBe(0);
  });

  it('walks the results with the keyboard and opens the passage with Enter', async () => {
    await box().fill('テレワーク');
    await settled();
    await box().press('ArrowDown');
    await panel.keyboard.press('ArrowDown');
    const second = hits().nth(1);
    await expect(second.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(hits().first().getAttribute('aria-selected')).resolves.toBe('false');
    await expect(second.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const id = await second.getAttribute('data-remark-id');

    // `/` goes back to the search box from the list.
    await panel.keyboard.press('/');
    await expect(box().evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(box().inputValue()).resolves.toBe('テレワーク');

    await box().press('ArrowDown'); // back on the selected hit
    const [viewer] = await Promise.all([context.waitForEvent('page', { timeout: 10_000 }), panel.keyboard.press('Enter')]);
    await viewer.waitForURL(/viewer\.html/);
    const url = new URL(viewer.url());
    expect(url.searchParams.get('remark')).toBe(id);
    expect(url.searchParams.get('term')).toBe('テレワーク');
    const current = viewer.locator('[aria-current="true"]');
    await current.waitFor({ timeout: 10_000 });
    await expect(current.getAttribute('data-remark-id')).resolves.toBe(id);
    await viewer.close();
  });

  it('searches for a query the background hands over while it is open', async () => {
    await box().fill('テレワーク');
    await settled();
    await opener.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.set({ pendingQuery: { query: 'サイバー保険', at: Date.now() } }),
    );
    await panel.waitForFunction(() => document.querySelector<HTMLInputElement>('input[type="search"]')?.value === 'サイバー保険');
    await settled();
    const snippets = await texts('.snippet');
    expect(snippets.length).toBeGreaterThan(0);
    expect(snippets.some((s) => s.includes('サイバー保険'))).toBe(true);
    await expect(hits().first().getAttribute('data-remark-id')).resolves.toBe(node.searchPage('サイバー保険').hits[0]!.remark.id);
  });

  it('remembers the last query when it is opened again', async () => {
    await box().fill('IoT機器');
    await settled();
    await panel.close(); // closes the side panel
    await expect
      .poll(() => opener.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('lastQuery')))
      .toEqual({ lastQuery: 'IoT機器' });
    panel = await openPanel();
    // Restored from storage just after the panel loads.
    await panel.waitForFunction(() => document.querySelector<HTMLInputElement>('input[type="search"]')?.value !== '', null, { timeout: 5_000 });
    await expect(box().inputValue()).resolves.toBe('IoT機器');
    await settled();
    await expect(hits().first().getAttribute('data-remark-id')).resolves.toBe(node.searchPage('IoT機器').hits[0]!.remark.id);
  });
});
