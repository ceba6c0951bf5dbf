/**
 * Terms on web pages in Firefox ESR with the built Firefox package: marked on
 * a Japanese and an English article, in same-origin frames and open shadow
 * roots; resting the pointer on one opens the popover of remarks, Escape
 * closes it, and a remark opens in the passage viewer.
 */
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContentState } from '../../../lib/messaging/protocol';
import { highlighted, pageStyling, popoverButton, readPopover, restOn, waitForNoPopover, waitForPopover } from '../support/page';
import { startServer, type TestServer } from '../support/server';
import { frameDriven, puppeteerDriven } from './drivers';
import { launchFirefox, waitFor, type FirefoxExtension } from './harness';

const CANONICAL: Record<string, string> = {
  'iot-device': 'IoT機器',
  telework: 'テレワーク',
  isac: 'ISAC',
  'cyber-insurance': 'サイバー保険',
  'information-sharing': '情報共有',
};

describe('Firefox: terms on web pages', () => {
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
  });

  const open = async (path: string): Promise<Page> => {
    const page = await ff.newPage(server.url(path));
    pages.push(page);
    return page;
  };

  /** The state once every one of `termIds` is marked and the scan is done. */
  const waitForMarked = (page: Page, termIds: string[]): Promise<ContentState> =>
    waitFor(
      () => ff.contentState(page),
      (s) => !s.busy && termIds.every((id) => s.marked.some((m) => m.termId === id)),
      `marked ${termIds}`,
    );

  it.each([
    {
      path: '/article-ja.html',
      expected: { 'iot-device': 'IoT機器', telework: 'テレワーク', isac: 'ISAC', 'cyber-insurance': 'サイバー保険', 'information-sharing': '情報共有' },
    },
    {
      path: '/article-en.html',
      expected: { 'iot-device': 'IoT devices', telework: 'Telework', isac: 'ISACs', 'cyber-insurance': 'Cyber insurance', 'information-sharing': 'information sharing' },
    },
  ])('marks the terms of $path, each once, painted by a highlight the page can see', async ({ path, expected }) => {
    const page = await open(path);
    const state = await waitForMarked(page, Object.keys(expected));
    for (const [termId, text] of Object.entries(expected)) {
      expect(state.marked.filter((m) => m.termId === termId), termId).toEqual([{ termId, term: CANONICAL[termId], text }]);
    }
    expect(new Set(state.marked.map((m) => m.termId)).size).toBe(state.marked.length);
    expect(state.marked.map((m) => m.termId)).not.toContain('security');
    expect(state.scans).toBe(1);

    // Firefox's highlight registry is the document's too: the page sees one range per mark.
    const ranges = await highlighted(puppeteerDriven(page));
    expect(ranges?.map((r) => r.text).sort()).toEqual(state.marked.map((m) => m.text).sort());
    expect(ranges?.every((r) => r.live)).toBe(true);
    const styling = await pageStyling(puppeteerDriven(page));
    expect(styling.rules).toContain('::highlight(minutes-lens)');
    expect(styling.elements).toBe(0);
  });

  it('opens a popover of related remarks when the pointer rests on a term, and Escape closes it', async () => {
    const page = await open('/article-ja.html');
    await waitForMarked(page, ['iot-device']);
    const d = puppeteerDriven(page);
    const term = await restOn(d, 'IoT機器');
    const view = await waitForPopover(d);

    expect(view.label).toContain('IoT機器');
    expect(view.remarks.length).toBeGreaterThanOrEqual(1);
    expect(view.remarks.length).toBeLessThanOrEqual(5);
    for (const remark of view.remarks) {
      expect(remark.id).toMatch(/-r\d+$/);
      expect(remark.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(remark.buttons).toEqual(['原文を開く']);
    }
    expect(view.marks).toContain('IoT機器');
    expect(view.buttons).toContain('すべての結果');
    // Below the term, inside the viewport.
    const viewport = page.viewport()!;
    expect(view.box.y).toBeGreaterThanOrEqual(term.bottom);
    expect(view.box.x).toBeGreaterThanOrEqual(0);
    expect(view.box.x + view.box.width).toBeLessThanOrEqual(viewport.width);
    expect(view.hostPosition).toBe('fixed');

    await page.keyboard.press('Escape');
    await waitForNoPopover(d);
    await expect(page.evaluate(() => document.querySelectorAll('minutes-lens-root').length)).resolves.toBe(0);
  });

  it('stays open while the pointer crosses into it, closes when it moves away; Tab brings focus in, Escape takes it back; a click follows the link', async () => {
    const page = await open('/link.html');
    await waitForMarked(page, ['cyber-insurance']);
    const d = puppeteerDriven(page);
    await restOn(d, 'サイバー保険');
    const view = await waitForPopover(d);
    await page.mouse.move(view.box.x + 20, view.box.y + 20, { steps: 3 });
    await new Promise((wake) => setTimeout(wake, 700));
    expect(await readPopover(d)).not.toBeNull();
    await page.mouse.move(view.box.x + view.box.width + 200, 5, { steps: 2 });
    await waitForNoPopover(d);

    // Keyboard: focus on the link before the term, the popover open, Tab goes into it; Escape closes it and gives focus back.
    await page.focus('#before');
    await restOn(d, 'サイバー保険');
    await waitForPopover(d);
    await page.keyboard.press('Tab');
    await waitFor(() => readPopover(d), (v) => v?.focused === '原文を開く' || v?.focused === 'すべての結果', 'focus in the popover');
    await page.keyboard.press('Escape');
    await waitForNoPopover(d);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('before');
    // A click on the term, its popover open, follows the link: clicks are never taken.
    const at = await restOn(d, 'サイバー保険');
    await waitForPopover(d);
    await Promise.all([page.waitForNavigation(), page.mouse.click(at.x, at.y)]);
    expect(page.url()).toMatch(/link-target\.html$/);
  });

  it('opens a remark of the popover in the passage viewer, the term marked there', async () => {
    const page = await open('/article-ja.html');
    await waitForMarked(page, ['telework']);
    const d = puppeteerDriven(page);
    await restOn(d, 'テレワーク');
    const [first] = (await waitForPopover(d)).remarks;
    const button = await popoverButton(d, '原文を開く', first!.id);
    await page.mouse.click(button.x, button.y);

    const viewer = await ff.waitForPage((href) => href.includes('/viewer.html'));
    pages.push(viewer);
    const url = new URL(await ff.urlOf(viewer));
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(`${ff.origin}/viewer.html`);
    expect(url.searchParams.get('remark')).toBe(first!.id);
    expect(url.searchParams.get('term')).toBe('テレワーク');
    await viewer.waitForFunction((id) => document.activeElement?.id === id, { timeout: 10_000 }, first!.id);
    const target = await viewer.evaluate((id) => {
      const el = document.getElementById(id)!;
      return { current: el.getAttribute('aria-current'), marks: [...el.querySelectorAll('mark')].map((m) => m.textContent) };
    }, first!.id);
    expect(target.current).toBe('true');
    expect(target.marks).toContain('テレワーク');
  });

  it('marks same-origin frames (not a tiny one), opens the popover inside a frame, and sums them on the badge', async () => {
    const page = await open('/hostile/frames.html');
    await waitForMarked(page, ['telework']);
    const frameOf = async (id: string): Promise<Frame> => (await (await page.$(`#${id}`))!.contentFrame())!;
    const markedIn = (frame: Frame) => frame.evaluate(() => [...(CSS.highlights.get('minutes-lens') ?? [])].map(String).sort());
    const doc = await frameOf('doc');
    await waitFor(() => markedIn(doc), (m) => m.length === 4, 'the frame marked');
    expect(await markedIn(doc)).toEqual(['ISAC', 'サイバー保険', '中小企業', '情報共有']);
    await waitFor(async () => markedIn(await frameOf('written')), (m) => m.length === 1, 'the srcdoc frame marked');
    expect(await markedIn(await frameOf('written'))).toEqual(['サプライチェーン']);
    expect(await markedIn(await frameOf('tiny'))).toEqual([]);

    // Resting on a term in the frame: the frame's own popover, wholly inside the frame and on top there.
    const offset = await page.evaluate(() => {
      const frame = document.getElementById('doc')!;
      const r = frame.getBoundingClientRect();
      return { x: r.left + frame.clientLeft, y: r.top + frame.clientTop };
    });
    const inFrame = frameDriven(page, doc);
    const at = await inFrame.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = (node as Text).data.indexOf('サイバー保険');
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 6);
        const r = range.getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error('no サイバー保険 in the frame');
    }, null);
    await page.mouse.move(offset.x + at.x - 30, offset.y + at.y + 40);
    await page.mouse.move(offset.x + at.x, offset.y + at.y, { steps: 4 });
    const view = await waitForPopover(inFrame);
    expect(view.label).toContain('サイバー保険');
    const inside = await doc.evaluate(() => {
      const dialog = document.querySelector('minutes-lens-root')!.shadowRoot!.querySelector('[role=dialog]')!;
      const r = dialog.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + 10);
      return { fits: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight, onTop: top?.localName };
    });
    expect(inside).toEqual({ fits: true, onTop: 'minutes-lens-root' });

    // The badge sums the top page's and its frames' marks: 1 + 4 + 1.
    await waitFor(() => ff.badgeOf(page), (b) => b.text === '6', 'the badge summing the frames');
  });

  it('marks text in open shadow roots and opens the popover of a term inside one', async () => {
    const page = await open('/hostile/shadow.html');
    await waitForMarked(page, ['iot-device', 'cyber-insurance', 'isac']);
    const inShadow = await page.evaluate(() =>
      [...(CSS.highlights.get('minutes-lens') ?? [])].filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot).map(String).sort(),
    );
    expect(inShadow).toEqual(['ISAC', 'IoT機器', 'サイバー保険', '脆弱性']);

    const at = await page.evaluate(() => {
      const term = document.getElementById('card')!.shadowRoot!.querySelector('b.term')!;
      const r = term.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(at.x - 30, at.y + 50);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    const view = await waitForPopover(puppeteerDriven(page));
    expect(view.label).toContain('IoT機器');
    expect(view.marks).toContain('IoT機器');
  });
});
