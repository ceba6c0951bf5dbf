/**
 * The UI follows the browser's language: the same pages in a Japanese and an
 * English Chromium show the Japanese and the English messages, and a full-page
 * screenshot of each is kept in test-results/screenshots/ for a person to look at.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, launchWithExtension, type Chrome, startServer, textCentre, type ExtensionBrowser, type TestServer } from './harness';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const DIALOG = 'minutes-lens-root [role=dialog]';

const EXPECTED = {
  ja: { search: '議事録を検索', filters: '絞り込み', save: '保存', every: 'すべての箇所', copy: '引用をコピー', next: '↓ 次の発言', open: '原文を開く', all: 'すべての結果' },
  en: { search: 'Search the minutes', filters: 'Filters', save: 'Save', every: 'Every occurrence', copy: 'Copy citation', next: '↓ Next remark', open: 'Open passage', all: 'See all results' },
} as const;

describe.each(['ja', 'en'] as const)('the UI in %s', (lang) => {
  const want = EXPECTED[lang];
  let browser: ExtensionBrowser;
  let server: TestServer;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [browser, server] = await Promise.all([launchWithExtension({ lang }), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const extensionPage = async (path: string): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    return page;
  };

  /** Saves a full-page screenshot and checks it was written. */
  const shoot = async (page: Page, name: string) => {
    const path = join(SHOTS, `${lang}-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    expect((await stat(path)).size).toBeGreaterThan(0);
  };

  it('the browser reports the language', async () => {
    const page = await extensionPage('sidepanel.html');
    await expect(page.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.i18n.getUILanguage())).resolves.toMatch(new RegExp(`^${lang}`));
    await page.close();
  });

  it('side panel', async () => {
    const page = await extensionPage('sidepanel.html');
    const box = page.getByRole('searchbox', { name: want.search, exact: true });
    await expect(box.getAttribute('placeholder')).resolves.toBe(want.search);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toMatch(new RegExp(`^${lang}`));
    await box.fill('テレワーク');
    await page.locator('details.filters summary').getByText(want.filters, { exact: true }).waitFor({ timeout: 10_000 });
    await shoot(page, 'sidepanel');
    await page.close();
  });

  it('options', async () => {
    const page = await extensionPage('options.html');
    await page.getByRole('button', { name: want.save, exact: true }).waitFor({ timeout: 10_000 });
    await expect(page.getByLabel(want.every, { exact: true }).count()).resolves.toBe(1);
    await shoot(page, 'options');
    await page.close();
  });

  it('viewer', async () => {
    const page = await extensionPage(`viewer.html?remark=soumu-cstf-24-r8&term=${encodeURIComponent('テレワーク')}`);
    await page.getByRole('button', { name: want.copy, exact: true }).waitFor({ timeout: 10_000 });
    await expect(page.getByRole('button', { name: want.next, exact: true }).count()).resolves.toBe(1);
    await shoot(page, 'viewer');
    await page.close();
  });

  it('popover', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/article-ja.html'));
    const deadline = Date.now() + 10_000;
    // The scan runs after document_idle: hover until the popover opens.
    for (;;) {
      const at = await textCentre(page, 'テレワーク');
      await page.mouse.move(at.x - 40, at.y + 60);
      await page.mouse.move(at.x, at.y, { steps: 4 });
      if (await page.locator(DIALOG).waitFor({ timeout: 1_500 }).then(() => true, () => false)) break;
      if (Date.now() > deadline) throw new Error('no popover');
    }
    const dialog = page.locator(DIALOG);
    await dialog.locator('ol li').first().getByRole('button', { name: want.open, exact: true }).waitFor({ timeout: 10_000 });
    await expect(dialog.getByRole('button', { name: want.all, exact: true }).count()).resolves.toBe(1);
    await shoot(page, 'popover');
    await page.close();
  });
});
