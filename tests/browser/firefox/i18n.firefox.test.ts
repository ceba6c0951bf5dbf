/**
 * The UI follows Firefox's language: the sidebar, options, viewer, popover and
 * the browser's own menus show the Japanese messages in a Japanese Firefox (the
 * firefox-esr-l10n-ja language pack) and the English ones in an English one.
 * Screenshots go to test-results/screenshots/firefox-*.png for a person to look at.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restOn, waitForPopover } from '../support/page';
import { ROOT, startServer, type TestServer } from '../support/server';
import { closeMenu, contextMenuAt, inSidebar, showSidebar, sidebarLabel, toolbarMenu } from './browser-ui';
import { puppeteerDriven } from './drivers';
import { launchFirefox, waitFor, type FirefoxExtension, type WebExt } from './harness';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

const EXPECTED = {
  ja: { search: '議事録を検索', filters: '絞り込み', save: '保存', every: 'すべての箇所', copy: '引用をコピー', next: '↓ 次の発言', open: '原文を開く', all: 'すべての結果', menu: 'サイドパネルを開く', lookup: '「ISAC」を議事録で検索', name: '議事録レンズ' },
  en: { search: 'Search the minutes', filters: 'Filters', save: 'Save', every: 'Every occurrence', copy: 'Copy citation', next: '↓ Next remark', open: 'Open passage', all: 'See all results', menu: 'Open the side panel', lookup: 'Search the minutes for “ISAC”', name: 'Minutes Lens' },
} as const;

describe.each(['ja', 'en'] as const)('Firefox: the UI in %s', (lang) => {
  const want = EXPECTED[lang];
  let ff: FirefoxExtension;
  let server: TestServer;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [ff, server] = await Promise.all([launchFirefox({ lang }), startServer()]);
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  const shoot = async (page: Page, name: string) => {
    const path = join(SHOTS, `firefox-${lang}-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    expect((await stat(path)).size).toBeGreaterThan(0);
  };
  const buttons = (page: Page) => page.evaluate(() => [...document.querySelectorAll('button')].map((b) => b.textContent?.trim()));

  it('the browser reports the language, and names the extension in it', async () => {
    const ui = await ff.ext(() => (globalThis as unknown as { browser: WebExt }).browser.i18n.getUILanguage());
    expect(ui).toMatch(new RegExp(`^${lang}`));
    const name = await ff.ext(() => (globalThis as unknown as { browser: WebExt }).browser.runtime.getManifest().name);
    expect(name).toBe(want.name);
    // The sidebar's name in the browser's View ▸ Sidebar menu and its switcher.
    expect(await sidebarLabel(ff)).toBe(want.name);
  });

  it('sidebar', async () => {
    await showSidebar(ff);
    const view = await inSidebar(ff, (w) => {
      const box = w.document.querySelector<HTMLInputElement>('input[type="search"]')!;
      return { placeholder: box.placeholder, label: box.getAttribute('aria-label'), lang: w.document.documentElement.lang };
    });
    expect(view).toEqual({ placeholder: want.search, label: want.search, lang: expect.stringMatching(new RegExp(`^${lang}`)) });
    // The same app in a tab, for its screenshot (the sidebar is not a page Puppeteer can take).
    const page = await ff.openExtensionPage(`/search.html?q=${encodeURIComponent('テレワーク')}`);
    await page.waitForFunction((filters) => document.querySelector('details.filters summary')?.textContent === filters, { timeout: 10_000 }, want.filters);
    await shoot(page, 'search');
    await page.close();
  });

  it('options', async () => {
    const page = await ff.openExtensionPage('/options.html');
    await waitFor(() => buttons(page), (b) => b.includes(want.save), 'the save button');
    const labels = await page.evaluate(() => [...document.querySelectorAll('label')].map((l) => l.textContent?.trim()));
    expect(labels).toContain(want.every);
    await shoot(page, 'options');
    await page.close();
  });

  it('viewer', async () => {
    const page = await ff.openExtensionPage(`/viewer.html?remark=soumu-cstf-24-r8&term=${encodeURIComponent('テレワーク')}`);
    const shown = await waitFor(() => buttons(page), (b) => b.includes(want.copy), 'the copy button');
    expect(shown).toContain(want.next);
    await shoot(page, 'viewer');
    await page.close();
  });

  it('popover, and the browser menus with our items', async () => {
    const page = await ff.newPage(server.url('/article-ja.html'));
    await waitFor(() => ff.contentState(page), (s) => !s.busy && s.marked.some((m) => m.termId === 'telework'), 'marked');
    const d = puppeteerDriven(page);
    await restOn(d, 'テレワーク');
    const view = await waitForPopover(d);
    expect(view.remarks[0]!.buttons).toEqual([want.open]);
    expect(view.buttons).toContain(want.all);
    await shoot(page, 'popover');
    await page.keyboard.press('Escape');

    expect(await toolbarMenu(ff)).toContainEqual({ id: 'minutes-lens-open-panel', label: want.menu });
    await closeMenu(ff, 'toolbar-context-menu');
    const at = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = (node as Text).data.indexOf('ISAC');
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 4);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error('no ISAC');
    });
    expect(await contextMenuAt(ff, page, at)).toContainEqual({ id: 'minutes-lens-lookup', label: want.lookup });
    await closeMenu(ff);
    await page.close();
  });
});
