/** Proves the harness itself: Chromium loads the built extension, its content script runs, and the shared page readers read it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  launchWithExtension,
  playwrightDriven,
  sendToTab,
  startServer,
  tabIdOf,
  type Chrome,
  type ExtensionBrowser,
  type TestServer,
  unpackedExtensionId,
} from './harness';
import { readPopover, restOn, waitForNoPopover, waitForPopover } from './support/page';

describe('browser harness', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts the extension service worker from the built background.js', async () => {
    const id = unpackedExtensionId(EXTENSION_DIR);
    expect(browser.extensionId).toBe(id);
    expect(browser.serviceWorker.url()).toBe(`chrome-extension://${id}/background.js`);

    const built = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      name: string;
    };
    const name = await browser.serviceWorker.evaluate(
      () => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.getManifest().name,
    );
    // The built name is a message (__MSG_extName__); the browser resolves it in its language, Japanese here.
    expect(built.name).toBe('__MSG_extName__');
    const messages = JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales', 'ja', 'messages.json'), 'utf8')) as {
      extName: { message: string };
    };
    expect(name).toBe(messages.extName.message);
  });

  it('runs the content script on a page served from 127.0.0.1', async () => {
    const page = await browser.context.newPage();
    const url = server.url('/article-ja.html');
    await page.goto(url);
    // The fixture must arrive as UTF-8, or later term-marking tests see mojibake.
    await expect(page.locator('h1').textContent()).resolves.toContain('サイバーセキュリティ');

    const tabId = await tabIdOf(browser.serviceWorker, page);
    const reply = await sendToTab(browser.serviceWorker, tabId, { type: 'content/ping', payload: {} });
    expect(reply).toEqual({ ok: true, value: { url } });
    await page.close();
  });

  it('serves in-memory routes with their headers, and the content script runs under a strict CSP', async () => {
    const csp = "default-src 'none'";
    server.route('/csp.html', {
      body: '<!doctype html><meta charset="utf-8"><title>CSP</title><p>IoT機器</p>',
      headers: { 'content-security-policy': csp },
    });
    const page = await browser.context.newPage();
    const url = server.url('/csp.html?from=test');
    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy']).toBe(csp);

    const tabId = await tabIdOf(browser.serviceWorker, page);
    const reply = await sendToTab(browser.serviceWorker, tabId, { type: 'content/ping', payload: {} });
    expect(reply).toEqual({ ok: true, value: { url } });
    await page.close();
  });

  it('reads the popover with the page readers the Firefox suite shares', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/article-ja.html'));
    const d = playwrightDriven(page);
    // The scan runs after document_idle: rest on the term until a popover opens.
    let view = null;
    for (let tries = 0; !view && tries < 20; tries++) {
      await page.mouse.move(1, 1);
      await restOn(d, 'テレワーク');
      view = await waitForPopover(d, { timeoutMs: 1_500 }).catch(() => null);
    }
    expect(view?.label).toContain('テレワーク');
    expect(view?.remarks.length).toBeGreaterThan(0);
    expect(view?.remarks.every((r) => /-r\d+$/.test(r.id) && r.buttons.includes('原文を開く'))).toBe(true);
    expect(view?.buttons).toContain('すべての結果');
    expect(view?.marks).toContain('テレワーク');
    await page.keyboard.press('Escape');
    await waitForNoPopover(d);
    expect(await readPopover(d)).toBeNull();
    await page.close();
  });
});
