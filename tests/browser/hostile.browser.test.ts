/**
 * Hostile pages: pages that re-render, swap their body, hold editors, frames
 * and web components, are huge, break the built-ins, forbid everything by CSP,
 * link their terms or carry markup as text. On each, in Chromium with the
 * built extension: no exception and no console error of ours, every element's
 * box exactly where it is in the same Chromium without the extension (also
 * while a popover is open), and the extension still marks and looks up where
 * it should.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Frame, type Page } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  contentState,
  languageOptions,
  launchWithExtension,
  startServer,
  tabIdOf,
  type Chrome,
  type ExtensionBrowser,
  type TestServer,
} from './harness';
import { STRICT_CSP, STRICT_CSP_HEADER, bigPage, layoutBoxes } from './support/hostile';

const HOST = 'minutes-lens-root';
const DIALOG = `${HOST} [role=dialog]`;

interface HostileCase {
  name: string;
  path: string;
  /** Terms (as written) the top frame must mark. */
  marked: string[];
  /** What the page does before it is what we compare (run in both browsers). */
  ready?: (page: Page) => Promise<unknown>;
}

const CASES: HostileCase[] = [
  { name: 'a page re-rendering its text every 100 ms', path: '/hostile/rerender.html', marked: ['サイバー保険', 'テレワーク', 'ISAC'] },
  {
    name: 'a page replacing document.body',
    path: '/hostile/replace-body.html',
    marked: ['サイバー保険', 'IoT機器', 'ISAC'],
    ready: (page) => page.waitForFunction(() => (window as unknown as { swaps: number }).swaps === 3),
  },
  { name: 'inputs, a textarea and a contenteditable region', path: '/hostile/editable.html', marked: ['テレワーク'] },
  { name: 'same-origin iframes', path: '/hostile/frames.html', marked: ['テレワーク'] },
  { name: 'open shadow roots', path: '/hostile/shadow.html', marked: ['IoT機器', 'サイバー保険', 'ISAC'] },
  { name: 'more than 1 MB of text', path: '/hostile/big.html', marked: ['テレワーク', 'ISAC'] },
  { name: 'overwritten built-ins', path: '/hostile/builtins.html', marked: ['サイバー保険', 'テレワーク', 'ISAC'] },
  { name: "a strict Content-Security-Policy (default-src 'none')", path: '/hostile/csp.html', marked: ['サイバー保険', 'ISAC'] },
  { name: 'a term inside a link', path: '/hostile/link.html', marked: ['テレワーク'] },
  { name: 'markup and script written as text', path: '/hostile/markup.html', marked: ['テレワーク', 'IoT機器'] },
];

/**
 * Everything that went wrong in a page, in any of its JavaScript worlds (the
 * page's own and our content script's): CDP reports exceptions and console
 * errors of every execution context in the page and its same-origin frames.
 */
async function recordProblems(context: BrowserContext, page: Page): Promise<{ problems: string[]; cdp: CDPSession; worlds: Map<number, string> }> {
  const problems: string[] = [];
  /** Execution contexts by id: the page's world, and an isolated one per extension (named after it). */
  const worlds = new Map<number, string>();
  const cdp = await context.newCDPSession(page);
  cdp.on('Runtime.executionContextCreated', (e) => worlds.set(e.context.id, e.context.name));
  cdp.on('Runtime.exceptionThrown', (e) => problems.push(`exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`));
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type === 'error' || e.type === 'warning' || e.type === 'assert') {
      problems.push(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description).join(' ')}`);
    }
  });
  await cdp.send('Runtime.enable');
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { problems, cdp, worlds };
}

/** Every element's box and the scroll size of a frame (see layoutBoxes). */
function boxesOf(frame: Page | Frame): Promise<string> {
  return frame.evaluate(layoutBoxes, HOST);
}

/** The boxes of the page and of each of its frames (frames in document order). */
async function layoutOf(page: Page): Promise<string[]> {
  return Promise.all(page.frames().map((frame) => boxesOf(frame)));
}

describe('hostile pages', () => {
  let ext: ExtensionBrowser;
  let plain: Browser;
  let plainContext: BrowserContext;
  let server: TestServer;
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await startServer({
      routes: {
        '/hostile/big.html': { body: bigPage(1.1 * 1024 * 1024) },
        '/hostile/csp.html': { body: STRICT_CSP, headers: { 'Content-Security-Policy': STRICT_CSP_HEADER } },
      },
    });
    ext = await launchWithExtension();
    // The same Chromium, language and window, without the extension: where every box should be.
    const lang = languageOptions();
    plain = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: false, args: [...CHROMIUM_ARGS, ...lang.args], env: lang.env });
    plainContext = await plain.newContext({ locale: lang.locale });
  });
  afterAll(async () => {
    await plain?.close();
    await ext?.close();
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
  });

  /** Opens `path` in the extension's browser with its problems recorded from the first script on. */
  const open = async (path: string) => {
    const page = await ext.context.newPage();
    pages.push(page);
    const recorder = await recordProblems(ext.context, page);
    await page.goto(server.url(path));
    return { page, ...recorder };
  };

  /** Waits until the top frame's content script has marked every one of `texts` and is idle. */
  const waitForMarks = async (page: Page, texts: string[], timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await contentState(ext.serviceWorker, page);
      const marked = new Set(state.marked.map((m) => m.text));
      if (!state.busy && texts.every((t) => marked.has(t))) return state;
      if (Date.now() > deadline) throw new Error(`not marked in time: ${texts.filter((t) => !marked.has(t))} (marked: ${[...marked]})`);
      await page.waitForTimeout(100);
    }
  };

  /** Rests the pointer on the page's `b.term` (in `frame`, or in a shadow root: the locator pierces them) and waits for remarks. */
  const hoverTerm = async (page: Page, frame: Page | Frame = page) => {
    // A page that re-renders may replace the element while it is measured: measure again.
    let box = await frame.locator('b.term').first().boundingBox();
    for (let tries = 0; !box && tries < 20; tries++) box = await frame.locator('b.term').first().boundingBox();
    if (!box) throw new Error('no b.term to hover');
    await page.mouse.move(box.x - 30, box.y + box.height + 50);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    const dialog = frame.locator(DIALOG);
    await dialog.waitFor({ timeout: 5_000 });
    await expect.poll(() => dialog.locator('li').count(), { timeout: 5_000 }).toBeGreaterThan(0);
    return dialog;
  };

  /**
   * The lookup shortcut on `page`'s tab, through its handler (Playwright's key
   * presses never reach extension commands); resolves with the search page it
   * opens (a tab: without a gesture there is no side panel).
   */
  const lookUpByShortcut = async (page: Page): Promise<Page> => {
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/search.html'), timeout: 10_000 });
    const tabId = await tabIdOf(ext.serviceWorker, page);
    await ext.serviceWorker.evaluate((tabId) => {
      const { chrome } = globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(...a: unknown[]): void } } } };
      chrome.commands.onCommand.dispatch('lookup-selection', { id: tabId });
    }, tabId);
    return opened;
  };

  it('hears an error thrown in our content script\'s own world (the recorder is not deaf to it)', async () => {
    const { page, problems, cdp, worlds } = await open('/hostile/link.html');
    await waitForMarks(page, ['テレワーク']);
    const ours = [...worlds].find(([, name]) => name === 'Minutes Lens' || name === '議事録レンズ');
    expect(ours, `worlds: ${[...worlds.values()]}`).toBeDefined();
    expect(problems).toEqual([]);
    await cdp.send('Runtime.evaluate', { contextId: ours![0], expression: "setTimeout(() => { throw new Error('thrown in the content script world') })" });
    await expect.poll(() => problems.join('\n')).toContain('thrown in the content script world');
  });

  it.each(CASES)('$name: marks, opens a popover, shifts nothing, throws nothing', async ({ path, marked, ready }) => {
    const { page, problems } = await open(path);
    await ready?.(page);
    await waitForMarks(page, marked);

    const reference = await plainContext.newPage();
    pages.push(reference);
    await reference.goto(server.url(path));
    await ready?.(reference);
    await reference.waitForTimeout(300); // fonts and late layout settle as they did in the other browser
    const expected = await layoutOf(reference);

    expect(await layoutOf(page)).toEqual(expected);
    const dialog = await hoverTerm(page);
    await expect(dialog.isVisible()).resolves.toBe(true);
    expect(await layoutOf(page)).toEqual(expected); // the open popover moves nothing either
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    expect(problems).toEqual([]);
  });

  it('never marks inside form fields or editors, and typing there is the typing', async () => {
    const { page, problems } = await open('/hostile/editable.html');
    await waitForMarks(page, ['テレワーク']);
    const state = await contentState(ext.serviceWorker, page);
    expect(state.marked.map((m) => m.text)).toEqual(['テレワーク']); // not IoT機器, サイバー保険, ISAC or ランサムウェア

    await page.locator('#title').fill('');
    await page.locator('#title').pressSequentially('ISAC とテレワーク');
    await page.locator('#body').press('End');
    await page.locator('#body').pressSequentially('：サイバー保険');
    await page.locator('#editor').click();
    await page.keyboard.press('End');
    await page.keyboard.type('。IoT機器も');
    await expect(page.locator('#title').inputValue()).resolves.toBe('ISAC とテレワーク');
    await expect(page.locator('#body').inputValue()).resolves.toBe('サイバー保険とISACについての下書き：サイバー保険');
    await expect(page.locator('#editor').textContent()).resolves.toBe('ランサムウェアの被害について書く。IoT機器も');
    await page.waitForTimeout(1_500); // past the rescan after the editor's change
    expect((await contentState(ext.serviceWorker, page)).marked.map((m) => m.text)).toEqual(['テレワーク']);
    expect(problems).toEqual([]);
  });

  it('marks same-origin frames, opens the popover inside one where it stays visible, and counts them on the badge', async () => {
    const { page, problems } = await open('/hostile/frames.html');
    await waitForMarks(page, ['テレワーク']);
    const frameOf = async (selector: string) => (await (await page.$(selector))!.contentFrame())!;
    const doc = await frameOf('#doc');
    const written = await frameOf('#written');
    const tiny = await frameOf('#tiny');
    const markedIn = (frame: Frame) =>
      frame.evaluate(() => [...(CSS.highlights.get('minutes-lens') ?? [])].map((r) => String(r)).sort());
    await expect.poll(() => markedIn(doc), { timeout: 10_000 }).toEqual(['ISAC', 'サイバー保険', '中小企業', '情報共有']);
    await expect.poll(() => markedIn(written), { timeout: 10_000 }).toEqual(['サプライチェーン']);
    // A 1×1 frame (a tracker's) is not read at all.
    expect(await tiny.evaluate(() => CSS.highlights.get('minutes-lens')?.size ?? 0)).toBe(0);

    const dialog = await hoverTerm(page, doc);
    await page.waitForTimeout(1_000);
    await expect(dialog.isVisible()).resolves.toBe(true);
    // Wholly inside the frame's viewport, and on top there.
    const inside = await doc.evaluate((selector: string) => {
      const panel = document.querySelector(selector.split(' ')[0]!)!.shadowRoot!.querySelector('[role=dialog]')!;
      const r = panel.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + 10);
      return { fits: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight, onTop: top?.localName };
    }, DIALOG);
    expect(inside).toEqual({ fits: true, onTop: HOST });

    // The badge is the sum of the top page's and its frames' marks: 1 + 4 + 1.
    const tabId = await tabIdOf(ext.serviceWorker, page);
    await expect
      .poll(() => ext.serviceWorker.evaluate((tabId) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId }), tabId))
      .toBe('6');
    expect(problems).toEqual([]);
  });

  it('looks up text selected inside a frame by the shortcut (the frame answers, not the empty top page)', async () => {
    const { page, problems } = await open('/hostile/frames.html');
    await waitForMarks(page, ['テレワーク']);
    const doc = (await (await page.$('#doc'))!.contentFrame())!;
    // A reader's selection: a click into the frame (focus moves there), then the paragraph selected.
    await doc.locator('p').nth(1).click();
    const selected = await doc.evaluate(() => {
      const p = document.querySelectorAll('p')[1]!;
      getSelection()!.selectAllChildren(p);
      return p.textContent!;
    });
    expect(await page.evaluate(() => [document.activeElement?.id, String(getSelection())])).toEqual(['doc', '']);
    const search = await lookUpByShortcut(page);
    await expect(search.getByRole('searchbox').inputValue({ timeout: 5_000 })).resolves.toBe(selected);
    await search.close();
    expect(problems).toEqual([]);
  });

  it('marks text in open shadow roots, paints it there, and opens its popover', async () => {
    const { page, problems } = await open('/hostile/shadow.html');
    await waitForMarks(page, ['IoT機器', 'サイバー保険', 'ISAC']);
    const inShadow = await page.evaluate(() =>
      [...(CSS.highlights.get('minutes-lens') ?? [])].filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot).map(String).sort(),
    );
    expect(inShadow).toEqual(['ISAC', 'IoT機器', 'サイバー保険', '脆弱性']);

    // Painted: the marked word looks different with the extension than without; an unmarked word does not.
    const reference = await plainContext.newPage();
    pages.push(reference);
    await reference.goto(server.url('/hostile/shadow.html'));
    const shot = async (p: Page, selector: string) => p.locator(selector).first().screenshot({ animations: 'disabled' });
    expect((await shot(page, 'b.term')).equals(await shot(reference, 'b.term'))).toBe(false);
    expect((await shot(page, 'h1')).equals(await shot(reference, 'h1'))).toBe(true);

    await hoverTerm(page);
    expect(problems).toEqual([]);
  });

  it('follows a link whose text is a marked term, popover or not', async () => {
    const { page, problems } = await open('/hostile/link.html');
    await waitForMarks(page, ['テレワーク']);
    await hoverTerm(page);
    await page.locator('#go b.term').click();
    await page.waitForURL(/link-target\.html$/);
    expect(problems).toEqual([]);
  });

  it('shows markup from the page and from a selection as text, in the popover and the search, and runs none of it', async () => {
    const { page, problems } = await open('/hostile/markup.html');
    await waitForMarks(page, ['テレワーク']);
    const dialog = await hoverTerm(page);
    await expect(dialog.locator('img, script').count()).resolves.toBe(0);
    await expect(dialog.locator('h2, header').first().textContent()).resolves.toContain('テレワーク');
    await page.keyboard.press('Escape');

    // The selected text, markup and all, handed to the search by the shortcut's handler.
    const text = await page.evaluate(() => {
      const p = document.getElementById('evil')!;
      getSelection()!.selectAllChildren(p);
      return p.textContent!;
    });
    expect(text).toContain('<img src=x onerror=');
    const search = await lookUpByShortcut(page);
    await search.waitForLoadState();
    const value = await search.getByRole('searchbox').inputValue({ timeout: 5_000 });
    expect(value.length).toBeGreaterThan(0);
    expect(text.startsWith(value)).toBe(true);
    await expect(search.locator('img, main script').count()).resolves.toBe(0);
    await expect(search.title()).resolves.not.toBe('pwned');
    await expect(page.title()).resolves.toBe('記号を含む頁');
    await search.close();
    expect(problems).toEqual([]);
  });
});
