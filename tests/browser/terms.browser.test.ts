/**
 * Term marking on web pages and the popover, in Chromium with the built
 * extension: which terms are marked (and where not), that marks survive a page
 * that re-renders, that hovering opens the popover and links still work.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ContentState } from '../../lib/messaging/protocol';
import { contentState, launchWithExtension, startServer, textCentre, type Chrome, type ExtensionBrowser, type TestServer } from './harness';

const HOST = 'minutes-lens-root';
const DIALOG = `${HOST} [role=dialog]`;

describe('terms on web pages', () => {
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
  });

  const open = async (path: string): Promise<Page> => {
    const page = await browser.context.newPage();
    pages.push(page);
    await page.goto(server.url(path));
    return page;
  };

  const stateOf = (page: Page): Promise<ContentState> => contentState(browser.serviceWorker, page);

  /** The state once every one of `termIds` is marked and the scan is over (it runs in slices after document_idle). */
  const waitForMarked = async (page: Page, termIds: string[], timeoutMs = 10_000): Promise<ContentState> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await stateOf(page);
      const marked = new Set(state.marked.map((m) => m.termId));
      if (!state.busy && termIds.every((id) => marked.has(id))) return state;
      if (Date.now() > deadline) throw new Error(`not marked in time: ${termIds.filter((id) => !marked.has(id))}${state.busy ? ' (still scanning)' : ''}`);
      await page.waitForTimeout(100);
    }
  };

  /** The ranges our highlight holds, as the page's own scripts see them (the registry is per document). */
  const highlighted = (page: Page) =>
    page.evaluate(() => {
      const highlight = CSS.highlights.get('minutes-lens');
      return highlight
        ? [...highlight].map((r) => ({
            text: r.toString(),
            live: r.startContainer.isConnected && !r.collapsed && r.startContainer.nodeType === Node.TEXT_NODE,
          }))
        : null;
    });

  const centreOf = textCentre;

  /** Moves the pointer onto `text` and waits for its popover. */
  const hover = async (page: Page, text: string) => {
    const at = await centreOf(page, text);
    await page.mouse.move(at.x - 40, at.y + 60); // arrive from elsewhere, as a reader's pointer does
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await page.locator(DIALOG).waitFor({ timeout: 5_000 });
    return at;
  };

  it.each([
    {
      page: '/article-ja.html',
      expected: { 'iot-device': 'IoT機器', telework: 'テレワーク', isac: 'ISAC', 'cyber-insurance': 'サイバー保険', 'information-sharing': '情報共有' },
    },
    {
      page: '/article-en.html',
      // English on the page, the canonical Japanese term in the state: the popover looks that up.
      expected: { 'iot-device': 'IoT devices', telework: 'Telework', isac: 'ISACs', 'cyber-insurance': 'Cyber insurance', 'information-sharing': 'information sharing' },
    },
  ])('marks the terms of $page, each once', async ({ page: path, expected }) => {
    const page = await open(path);
    const state = await waitForMarked(page, Object.keys(expected));
    const canonical: Record<string, string> = {
      'iot-device': 'IoT機器', telework: 'テレワーク', isac: 'ISAC', 'cyber-insurance': 'サイバー保険', 'information-sharing': '情報共有',
    };
    for (const [termId, text] of Object.entries(expected)) {
      const marks = state.marked.filter((m) => m.termId === termId);
      expect(marks, termId).toHaveLength(1);
      expect(marks[0]).toEqual({ termId, term: canonical[termId], text });
    }
    // Only first occurrences: no term twice, and a generic word (セキュリティ, security) never.
    expect(new Set(state.marked.map((m) => m.termId)).size).toBe(state.marked.length);
    expect(state.marked.map((m) => m.termId)).not.toContain('security');
    expect(state.scans).toBe(1);

    // The registry belongs to the document, so the page sees our ranges: one per mark.
    const ranges = await highlighted(page);
    expect(ranges?.map((r) => r.text).sort()).toEqual(state.marked.map((m) => m.text).sort());
    expect(ranges?.every((r) => r.live)).toBe(true);
    // Styled by an adopted sheet, and the page's DOM is as it was: no wrapper elements.
    const page_ = await page.evaluate(() => ({
      rules: document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)),
      marks: document.querySelectorAll('mark, minutes-lens-root').length,
    }));
    expect(page_.rules.join('\n')).toContain('::highlight(minutes-lens)');
    expect(page_.marks).toBe(0);
  });

  it('marks terms under a strict CSP too', async () => {
    server.route('/strict.html', {
      body: '<!doctype html><meta charset="utf-8"><title>CSP</title><p>テレワークとIoT機器</p>',
      headers: { 'content-security-policy': "default-src 'none'" },
    });
    const page = await open('/strict.html');
    await waitForMarked(page, ['telework', 'iot-device']);
    await expect(highlighted(page)).resolves.toHaveLength(2);
    const rules = await page.evaluate(() => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)));
    expect(rules.join('\n')).toContain('::highlight(minutes-lens)');
  });

  it('opens a popover of related remarks when the pointer rests on a term, and Escape closes it', async () => {
    const page = await open('/article-ja.html');
    await waitForMarked(page, ['iot-device']);
    const term = await hover(page, 'IoT機器');

    const dialog = page.locator(DIALOG);
    await expect(dialog.getAttribute('aria-label')).resolves.toContain('IoT機器');
    await expect(dialog.locator('.term').textContent()).resolves.toBe('IoT機器');
    await expect(dialog.locator('.en').textContent()).resolves.toBe('IoT device');
    const first = dialog.locator('ol li').first();
    await first.waitFor({ timeout: 10_000 });
    const remarks = await dialog.locator('ol li').count();
    expect(remarks).toBeGreaterThanOrEqual(1);
    expect(remarks).toBeLessThanOrEqual(5);
    await expect(first.locator('.speaker').textContent()).resolves.toMatch(/\S/);
    await expect(first.locator('time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(first.locator('mark').count()).resolves.toBeGreaterThan(0);
    await expect(dialog.locator('mark').allTextContents()).resolves.toContain('IoT機器');
    await expect(first.getByRole('button', { name: '原文を開く' }).count()).resolves.toBe(1);
    await expect(dialog.getByRole('button', { name: 'すべての結果' }).count()).resolves.toBe(1);

    // Below the term and inside the viewport.
    const box = (await dialog.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(term.bottom);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);

    await page.keyboard.press('Escape');
    await expect(page.locator(HOST).count()).resolves.toBe(0);
  });

  it('closes when the pointer leaves (not while it crosses into the popover) and on scroll; follows a dark scheme', async () => {
    const page = await open('/article-ja.html');
    await page.emulateMedia({ colorScheme: 'dark' });
    await waitForMarked(page, ['telework']);
    await hover(page, 'テレワーク');
    await expect(page.locator(DIALOG).evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(22, 27, 34)');
    const box = (await page.locator(DIALOG).boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 20, { steps: 3 });
    await page.waitForTimeout(700);
    await expect(page.locator(DIALOG).count()).resolves.toBe(1);
    await page.mouse.move(box.x + box.width + 200, 5, { steps: 2 });
    await page.locator(HOST).waitFor({ state: 'detached', timeout: 3_000 });

    await page.evaluate(() => void (document.body.style.minHeight = '300vh')); // room to scroll
    await hover(page, 'テレワーク');
    const scrolled = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 120);
    // Polled every frame: the pointer may come to rest on another term after the scroll and open that.
    await page.waitForFunction(() => document.querySelector('minutes-lens-root') === null, null, { polling: 'raf', timeout: 3_000 });
    await expect(page.evaluate(() => scrollY)).resolves.toBeGreaterThan(scrolled);
  });

  it('opens the full search for the term from the popover', async () => {
    const page = await open('/article-en.html');
    await waitForMarked(page, ['cyber-insurance']);
    await hover(page, 'Cyber insurance');
    await expect(page.locator(`${DIALOG} .term`).textContent()).resolves.toBe('サイバー保険');
    await page.locator(DIALOG).getByRole('button', { name: 'すべての結果' }).click();
    // The click's gesture reaches the background with the message, so its chrome.sidePanel.open()
    // succeeds: the side panel opens, not a search tab. Playwright is not attached to side-panel
    // targets (see sidepanel.browser.test.ts), so find it over CDP, and see that it searched for the
    // term: the panel remembers each query it searches for.
    const cdp = await browser.context.newCDPSession(page);
    const panelUrl = `chrome-extension://${browser.extensionId}/sidepanel.html`;
    await expect
      .poll(async () => (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.url === panelUrl).length)
      .toBe(1);
    await expect
      .poll(() =>
        browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('lastQuery')),
      )
      .toEqual({ lastQuery: 'サイバー保険' });
    expect(browser.context.pages().some((p) => p.url().includes('/search.html'))).toBe(false);
    await cdp.detach();
  });

  it('opens the passage viewer on a remark from the popover', async () => {
    const page = await open('/article-ja.html');
    await waitForMarked(page, ['telework']);
    await hover(page, 'テレワーク');
    const first = page.locator(`${DIALOG} ol li`).first();
    await first.waitFor({ timeout: 10_000 });
    const remarkId = await first.getAttribute('data-remark-id');
    expect(remarkId).toMatch(/-r\d+$/);

    const [viewer] = await Promise.all([
      browser.context.waitForEvent('page', { timeout: 10_000 }),
      first.getByRole('button', { name: '原文を開く' }).click(),
    ]);
    pages.push(viewer);
    await viewer.waitForURL(/viewer\.html/);
    const url = new URL(viewer.url());
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(`chrome-extension://${browser.extensionId}/viewer.html`);
    expect(url.searchParams.get('remark')).toBe(remarkId);
    expect(url.searchParams.get('term')).toBe('テレワーク');
  });

  it('does not mark text in form fields, editors or hidden elements, and typing there still works', async () => {
    const page = await open('/editable.html');
    await waitForMarked(page, ['isac']);
    await page.waitForTimeout(500); // any later slice would have marked the rest by now
    expect((await stateOf(page)).marked.map((m) => m.termId)).toEqual(['isac']);

    await page.locator('#body').click();
    await page.keyboard.press('End');
    await page.keyboard.type('、IoT機器の件');
    await expect(page.locator('#body').inputValue()).resolves.toBe('IoT機器の設定について、IoT機器の件');
    await page.locator('#editor p').click();
    await page.keyboard.press('End');
    await page.keyboard.type('。テレワーク');
    await expect(page.locator('#editor').textContent()).resolves.toContain('下書き。テレワーク');
    // The editor changed (the page is watched), yet nothing in it is marked.
    await page.waitForTimeout(1_500);
    expect((await stateOf(page)).marked.map((m) => m.termId)).toEqual(['isac']);
    await expect(highlighted(page)).resolves.toEqual([{ text: 'ISAC', live: true }]);
  });

  it('keeps the marks of a page that re-renders every 100 ms, without rescanning it endlessly', async () => {
    const page = await open('/rerender.html');
    await waitForMarked(page, ['iot-device', 'telework', 'cyber-insurance']);
    await page.waitForTimeout(2_000);
    // Sampled over a second: a mark lost at each re-render and found again by a rescan would be missing in most samples.
    for (let i = 0; i < 5; i++) {
      const ids = (await stateOf(page)).marked.map((m) => m.termId);
      expect(ids).toEqual(expect.arrayContaining(['iot-device', 'telework', 'cyber-insurance']));
      const ranges = await highlighted(page);
      expect(ranges?.map((r) => r.text).sort()).toEqual(['IoT機器', 'サイバー保険', 'テレワーク']);
      expect(ranges?.every((r) => r.live)).toBe(true);
      await page.waitForTimeout(200);
    }
    const { scans } = await stateOf(page);
    const { ticks, maxGap } = await page.evaluate(() => ({
      ticks: (window as unknown as { ticks: number }).ticks,
      maxGap: (window as unknown as { maxGap: number }).maxGap,
    }));
    expect(ticks).toBeGreaterThan(25);
    // The counter's new number each tick is new text: at most one rescan per second
    // (RESCAN_MAX_WAIT_MS) after the first scan, over the ~3.5 s this test runs.
    expect(scans).toBeGreaterThanOrEqual(1);
    expect(scans).toBeLessThanOrEqual(6);
    // The page kept its 100 ms rhythm: nothing of ours blocked it.
    expect(maxGap).toBeLessThan(400);
  });

  it('lets a marked term inside a link follow the link, and still opens its popover', async () => {
    const page = await open('/link.html');
    await waitForMarked(page, ['cyber-insurance']);
    await hover(page, 'サイバー保険');
    await expect(page.locator(`${DIALOG} .term`).textContent()).resolves.toBe('サイバー保険');
    // The page's CSS aims at our host (display: none, position: static): the popover is unmoved, and unstyled by it.
    await expect(page.locator(DIALOG).isVisible()).resolves.toBe(true);
    await expect(page.locator(HOST).evaluate((el) => getComputedStyle(el).position)).resolves.toBe('fixed');
    await expect(page.locator(`${DIALOG} button`).first().evaluate((el) => getComputedStyle(el).fontSize)).resolves.toBe('12px');

    // Keyboard: Tab brings focus into the popover, Escape takes it back to where it was.
    await page.locator('#before').focus();
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => {
        const host = document.querySelector('minutes-lens-root');
        return host?.shadowRoot?.activeElement?.textContent ?? document.activeElement?.id ?? null;
      });
    await expect(focused()).resolves.toMatch(/原文を開く|すべての結果/);
    await page.keyboard.press('Escape');
    await expect(page.locator(HOST).count()).resolves.toBe(0);
    await expect(focused()).resolves.toBe('before');

    // Clicking the term, with its popover open, follows the link.
    const at = await hover(page, 'サイバー保険');
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(/link-target\.html$/, { timeout: 5_000 });
    await expect(page.locator('#arrived').count()).resolves.toBe(1);
  });

  it('scans 1 MB of text in slices, and the page keeps answering', async () => {
    // ~1 MB of text in 4,000 paragraphs; the only ISAC is in the last one.
    const filler = '中小企業の担当者は、取引先から届く電子メールや請求書の確認に追われている。'.repeat(7);
    const paragraphs = Array.from({ length: 4_000 }, (_, i) => `<p>${i}: ${filler}</p>`);
    paragraphs.push('<p id="last">最後にISACの話。</p>');
    const html = paragraphs.join('\n');
    server.route('/big.html', { body: `<!doctype html><meta charset="utf-8"><title>big</title><body>${html}</body>` });
    // Paragraphs off screen skip layout and paint (content-visibility), so the
    // page's own rendering of 1 MB does not drown out what we measure: our scan.
    server.route('/empty.html', {
      body:
        '<!doctype html><meta charset="utf-8"><title>empty</title>' +
        '<style>p { content-visibility: auto; contain-intrinsic-size: auto 60px }</style><body><h1>空</h1></body>',
    });

    // Loaded with the page: how long the first scan takes to reach the end.
    const loaded = await browser.context.newPage();
    pages.push(loaded);
    const navigated = Date.now();
    await loaded.goto(server.url('/big.html'));
    await waitForMarked(loaded, ['isac'], 30_000);
    const firstScan = Date.now() - navigated;
    expect(await loaded.evaluate(() => new Blob([document.body.textContent ?? '']).size)).toBeGreaterThan(1_000_000);

    // Added to a page that is already watched, with the main thread timed from
    // the page: a 10 ms timer, and the longest it waited while we scanned.
    const page = await open('/empty.html');
    await stateOf(page); // the content script is there
    const markedBefore = await page.evaluate(async (html) => {
      document.body.insertAdjacentHTML('beforeend', html);
      // The page's own parsing and first paint are not ours to time; our rescan waits RESCAN_DEBOUNCE_MS.
      await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
      const w = window as unknown as { maxGap: number };
      w.maxGap = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.maxGap = Math.max(w.maxGap, now - last);
        last = now;
      }, 10);
      return CSS.highlights.get('minutes-lens')?.size ?? 0;
    }, html);
    const inserted = Date.now();
    expect(markedBefore, 'the scan ran while we timed the page').toBe(0);
    const state = await waitForMarked(page, ['isac'], 30_000);
    const rescan = Date.now() - inserted;
    const maxGap = await page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);
    console.log(
      `1 MB page: first scan reached its end ${firstScan} ms after navigation; ` +
        `1 MB added later: marked ${rescan} ms after it was painted, longest main-thread wait ${maxGap.toFixed(0)} ms`,
    );
    expect(state.scans).toBe(2);
    // The page keeps answering because the scan yields: 1 MB is read in several slices, never one task.
    // (How long the page waited is logged above and measured by npm run bench, not asserted: it is a timing.)
    expect(state.work.slices).toBeGreaterThan(3);
  });

  it('answers the popover after the browser has stopped the service worker', async () => {
    const page = await open('/article-ja.html');
    await waitForMarked(page, ['telework']);
    // A mark in the running worker's globals: a restarted worker starts without it.
    await browser.serviceWorker.evaluate(() => ((globalThis as { lensProbe?: number }).lensProbe = 1));
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    await hover(page, 'テレワーク');
    const dialog = page.locator(DIALOG);
    await expect(dialog.locator('li').first().locator('mark').first().textContent()).resolves.toBe('テレワーク');
    // The worker that answered is a new one: the stopped one's globals are gone.
    const worker = browser.context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://')).at(-1)!;
    await expect(worker.evaluate(() => (globalThis as { lensProbe?: number }).lensProbe)).resolves.toBeUndefined();
    browser.serviceWorker = worker;
  });
});
