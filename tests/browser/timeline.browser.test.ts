/**
 * The timeline of a query (issue 15) in Chromium: the search page's timeline
 * tab for a Japanese and an English query, its numbers held to the same code
 * run in Node on the packaged asset (what `lens timeline` prints); keys moving
 * across the marks and the focused meeting announced; a mark filtering the
 * results; the table of the same numbers; a speaker as a filter; the first
 * mention opened; dark colours; the reader's own minutes counted, the view
 * following the library as it changes; and the popover's strip opening the
 * full view in the real side panel. Screenshots in Japanese and English,
 * light and dark, go to test-results/screenshots/.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseMinutes } from '../../lib/minutes/parse';
import { MinutesIndex } from '../../lib/search/engine';
import { INDEX_ASSET_PATH } from '../../lib/search/schema';
import type { Timeline } from '../../lib/search/timeline';
import {
  EXTENSION_DIR, ROOT, connectToSidePanel, launchWithExtension, startServer, type Chrome, type ExtensionBrowser, type TestServer,
} from './harness';
import { playwrightDriven } from './harness';
import { restOn, waitForPopover } from './support/page';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const DIALOG = 'minutes-lens-root [role=dialog]';
const ENGLISH = 'Why do companies not buy cyber insurance?';

let node: MinutesIndex;
beforeAll(async () => {
  node = await MinutesIndex.fromBytes(await readFile(join(EXTENSION_DIR, INDEX_ASSET_PATH)));
  await mkdir(SHOTS, { recursive: true });
});

/** The search page on a query's timeline, at a side panel's width. */
async function openTimeline(browser: ExtensionBrowser, query: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 380, height: 900 });
  await page.emulateMedia({ colorScheme });
  await page.goto(`chrome-extension://${browser.extensionId}/search.html?${new URLSearchParams({ q: query, view: 'timeline' })}`);
  await page.locator('.timeline .tl-mark').first().waitFor({ timeout: 10_000 });
  return page;
}

/** The marks as drawn: meeting ids in the order the keys move through them, with their counts. */
const marks = (page: Page) =>
  page.locator('.timeline .tl-mark').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-meeting-id')!, remarks: Number(e.getAttribute('data-remarks')) })));

/** What `lens timeline` prints for the query, from the same code on the packaged asset: the dated meetings in date order. */
const expected = (t: Timeline) => t.meetings.filter((m) => m.date !== null).map((m) => ({ id: m.meetingId, remarks: m.remarks }));

describe('the timeline (Japanese UI)', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let cdp: Browser | undefined;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchWithExtension({ args: ['--remote-debugging-port=0'] }), startServer()]);
  });
  afterAll(async () => {
    await cdp?.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it.each(['テレワーク', 'IoT', ENGLISH])('draws %s: a mark per meeting sized by its matching remarks, as lens timeline counts them', async (query) => {
    const page = await openTimeline(browser, query);
    const want = node.timeline(query);
    expect(want.meetings.length).toBeGreaterThan(0);
    await expect(marks(page)).resolves.toEqual(expected(want));
    // One lane per committee, named; the summary says the totals.
    await expect(page.locator('.tl-lane').allTextContents()).resolves.toEqual(want.committees.filter((c) => want.meetings.some((m) => m.committee === c && m.date)).map((c) => c ?? '（委員会名なし）'));
    await expect(page.locator('.tl-summary').textContent()).resolves.toContain(`該当する発言 ${want.total} 件・会議 ${want.meetings.length} 回`);
    // A bigger count, a bigger mark.
    const radii = await page.locator('.timeline .tl-mark').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-remarks')), Number(e.getAttribute('r'))] as const));
    for (const [n, r] of radii) for (const [m, s] of radii) if (n > m) expect(r).toBeGreaterThan(s);
    // Who raised it, with roles and counts, most first.
    const speakers = await page.locator('.tl-speakers button').evaluateAll((els) => els.map((e) => ({
      speaker: e.querySelector('.speaker')!.textContent, role: e.querySelector('.role')?.textContent ?? null, count: Number(e.querySelector('.count')!.textContent),
    })));
    expect(speakers).toEqual(want.speakers);
    // The first and last mention, each one click from its passage.
    await expect(page.locator('.tl-first').getAttribute('data-remark-id')).resolves.toBe(want.first!.remark.id);
    if (want.last!.remark.id !== want.first!.remark.id) await expect(page.locator('.tl-last').getAttribute('data-remark-id')).resolves.toBe(want.last!.remark.id);
    await page.close();
  });

  it('moves focus across the marks with the keys and announces the meeting focused', async () => {
    const page = await openTimeline(browser, 'IoT');
    const order = await marks(page);
    expect(order.length).toBeGreaterThan(2);
    const focused = () => page.evaluate(() => {
      const el = document.activeElement!;
      const tip = document.getElementById(el.getAttribute('aria-describedby') ?? '');
      return { id: el.getAttribute('data-meeting-id'), role: el.getAttribute('role'), name: el.getAttribute('aria-label'), tip: tip && !tip.hidden ? tip.textContent : null };
    });
    // The marks are one tab stop, after the tabs.
    await page.getByRole('tab', { name: '時系列' }).focus();
    await page.keyboard.press('Tab');
    let at = await focused();
    expect(at.id).toBe(order[0]!.id);
    expect(at.role).toBe('button');
    const first = node.meeting(order[0]!.id)!;
    // Its name says the meeting, the date and the count; its description (the tooltip, shown) says who spoke.
    expect(at.name).toContain(first.title);
    expect(at.name).toContain(new Intl.DateTimeFormat('ja', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${first.date!}T00:00:00Z`)));
    expect(at.name).toContain(`該当する発言 ${order[0]!.remarks} 件`);
    expect(at.tip).toContain(first.title);
    expect(at.tip).toContain('主な発言者');

    await page.keyboard.press('ArrowRight');
    at = await focused();
    expect(at.id).toBe(order[1]!.id);
    expect(at.tip).toContain(node.meeting(order[1]!.id)!.title);
    await page.keyboard.press('End');
    await expect(focused()).resolves.toMatchObject({ id: order.at(-1)!.id });
    await page.keyboard.press('Home');
    await expect(focused()).resolves.toMatchObject({ id: order[0]!.id });
    // Only one mark is ever in the tab order.
    await expect(page.locator('.tl-mark[tabindex="0"]').count()).resolves.toBe(1);
    // Hovering shows the same tooltip.
    const box = (await page.locator('.tl-mark').nth(1).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.locator('[role="tooltip"]').textContent()).resolves.toContain(node.meeting(order[1]!.id)!.title);
    await page.close();
  });

  it('filters the results to a meeting when its mark is chosen (Enter or a click)', async () => {
    const page = await openTimeline(browser, 'IoT');
    const order = await marks(page);
    const chosen = order[order.length - 1]!;
    await page.locator('.tl-mark').last().click();
    // The results tab, under the meeting's filter, lists exactly the mark's remarks.
    await expect(page.getByRole('tab', { name: '結果' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect.poll(() => page.locator('select[name="meeting"]').inputValue()).toBe(chosen.id);
    await page.locator('main[aria-busy="false"] .hits li').first().waitFor({ timeout: 10_000 });
    await expect(page.locator('.count').textContent()).resolves.toContain(`${chosen.remarks} 件`);
    const ids = await page.locator('.hits [data-remark-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-remark-id')!));
    expect(ids.every((id) => id.startsWith(`${chosen.id}-r`))).toBe(true);

    // Back on the timeline the chosen meeting is shown pressed; Enter on another chooses it.
    await page.getByRole('tab', { name: '時系列' }).click();
    await expect(page.locator(`.tl-mark[data-meeting-id="${chosen.id}"]`).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.locator('.tl-mark[tabindex="0"]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('select[name="meeting"]').inputValue()).toBe(order[0]!.id);
    await page.close();
  });

  it('shows the same numbers as a table behind a toggle', async () => {
    const page = await openTimeline(browser, 'IoT');
    const toggle = page.getByRole('button', { name: '表で表示' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('table').count()).resolves.toBe(0);
    await toggle.click();
    await expect(page.getByRole('button', { name: '表を閉じる' }).getAttribute('aria-expanded')).resolves.toBe('true');
    const table = page.getByRole('table');
    await expect(table.locator('caption').textContent()).resolves.toBe('会議ごとの該当する発言の数（日付順）');
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({ id: tr.getAttribute('data-meeting-id')!, remarks: Number(tr.querySelector('.num')!.textContent) })));
    expect(rows).toEqual(node.timeline('IoT').meetings.map((m) => ({ id: m.meetingId, remarks: m.remarks })));
    // Dated meetings come first, in the marks' order, with the marks' numbers.
    const drawn = await marks(page);
    expect(rows.slice(0, drawn.length)).toEqual(drawn);
    await page.close();
  });

  it('takes a speaker as a filter, and opens the first mention', async () => {
    const page = await openTimeline(browser, 'IoT');
    const top = node.timeline('IoT').speakers[0]!;
    await page.locator('.tl-speakers button').first().click();
    await expect.poll(() => page.locator('.tl-speakers button[aria-pressed="true"] .speaker').textContent(), { timeout: 10_000 }).toBe(top.speaker);
    await expect.poll(() => page.locator('.tl-summary').textContent(), { timeout: 10_000 }).toContain(`該当する発言 ${node.timeline('IoT', { speaker: top.speaker }).total} 件`);
    await expect(page.locator('.tl-speakers button .speaker').allTextContents()).resolves.toEqual(node.timeline('IoT', { speaker: top.speaker }).speakers.map((s) => s.speaker));
    await expect(page.locator('select[name="speaker"]').inputValue()).resolves.toBe(top.speaker);

    const first = node.timeline('IoT', { speaker: top.speaker }).first!;
    const [viewer] = await Promise.all([
      browser.context.waitForEvent('page', { timeout: 10_000 }),
      page.locator('.tl-first').getByRole('button', { name: '原文を開く' }).click(),
    ]);
    await viewer.waitForURL(/viewer\.html/);
    expect(new URL(viewer.url()).searchParams.get('remark')).toBe(first.remark.id);
    await viewer.locator(`[data-remark-id="${first.remark.id}"]`).waitFor({ timeout: 10_000 });
    await viewer.close();
    await page.close();
  });

  it('draws in dark colours when the system is dark', async () => {
    const light = await openTimeline(browser, 'テレワーク', 'light');
    const dark = await openTimeline(browser, 'テレワーク', 'dark');
    const colours = (p: Page) => p.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      mark: getComputedStyle(document.querySelector('.tl-mark')!).fill,
      lane: getComputedStyle(document.querySelector('.tl-lane')!).color,
    }));
    const [l, d] = [await colours(light), await colours(dark)];
    expect(l.body).toBe('rgb(255, 255, 255)');
    expect(d.body).toBe('rgb(31, 31, 35)');
    expect(l.mark).toBe('rgb(11, 87, 208)');
    expect(d.mark).toBe('rgb(138, 180, 248)');
    expect(d.lane).not.toBe(l.lane);
    await light.close();
    await dark.close();
  });

  it("counts the reader's own minutes, and follows the library as it changes", async () => {
    const page = await openTimeline(browser, 'テレワーク');
    const before = await marks(page);
    const name = 'bracket-speakers.txt';
    const text = await readFile(join(ROOT, 'tests', 'fixtures', 'minutes', name), 'utf8');
    const parsed = parseMinutes(text, { source: name });
    // Added from another of our pages, as the options page adds it: the open timeline is not reloaded.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const added = await options.evaluate(async (payload) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      return chrome.runtime.sendMessage({ type: 'lens/library-add', payload });
    }, { file: { name, size: Buffer.byteLength(text), format: 'text' }, parsed, text }) as { ok: boolean; value: { added?: { id: string } } };
    expect(added.ok).toBe(true);
    const id = added.value.added!.id;

    await expect.poll(() => marks(page).then((m) => m.length), { timeout: 10_000 }).toBe(before.length + 1);
    const yours = page.locator(`.tl-mark.tl-yours[data-meeting-id="${id}"]`);
    // Its count is the number of results the search gives in that meeting.
    const searched = await options.evaluate(async (meeting) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      return chrome.runtime.sendMessage({ type: 'lens/search', payload: { query: 'テレワーク', options: { meeting } } });
    }, id) as { ok: boolean; value: { total: number } };
    expect(searched.value.total).toBeGreaterThan(0);
    await expect(yours.getAttribute('data-remarks')).resolves.toBe(String(searched.value.total));
    await expect(page.locator('.tl-lane').allTextContents()).resolves.toContain(parsed.meeting.committee ?? parsed.meeting.title);
    await page.screenshot({ path: join(SHOTS, 'timeline-library.png'), fullPage: true });

    await options.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      return chrome.runtime.sendMessage({ type: 'lens/library-remove', payload: { id } });
    }, id);
    await expect.poll(() => marks(page), { timeout: 10_000 }).toEqual(before);
    await options.close();
    await page.close();
  });

  it("opens the full view from the popover's strip, in the real side panel", async () => {
    const article = await browser.context.newPage();
    await article.goto(server.url('/article-ja.html'));
    await restOn(playwrightDriven(article), 'テレワーク');
    await waitForPopover(playwrightDriven(article));
    const strip = article.locator(DIALOG).locator('.tl-strip');
    await strip.waitFor({ timeout: 10_000 });
    const want = node.timeline('テレワーク');
    await expect(strip.getAttribute('aria-label')).resolves.toMatch(new RegExp(`${want.meetings.length} 回の会議で議論：時系列を見る`));
    await expect(strip.locator('.tl-mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-meeting-id')))).resolves.toEqual(expected(want).map((m) => m.id));
    await strip.click();
    const found = await connectToSidePanel(browser.userDataDir, cdp);
    cdp = found.connection;
    const panel = found.panel;
    await expect.poll(() => panel.getByRole('searchbox').inputValue(), { timeout: 10_000 }).toBe('テレワーク');
    await expect(panel.getByRole('tab', { name: '時系列' }).getAttribute('aria-selected')).resolves.toBe('true');
    await panel.locator('.timeline .tl-mark').first().waitFor({ timeout: 10_000 });
    await expect(marks(panel)).resolves.toEqual(expected(want));
    await article.close();
  });
});

describe.each(['ja', 'en'] as const)('the timeline in %s, light and dark', (lang) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension({ lang });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['light', 'dark'] as const)('%s: named in the language, screenshot kept', async (scheme) => {
    const page = await openTimeline(browser, 'IoT', scheme);
    const words = lang === 'ja' ? { tab: '時系列', table: '表で表示', who: '取り上げた人' } : { tab: 'Timeline', table: 'Show as a table', who: 'Who raised it' };
    await expect(page.getByRole('tab', { name: words.tab }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByRole('button', { name: words.table }).count()).resolves.toBe(1);
    await expect(page.locator('.tl-speakers h2').textContent()).resolves.toBe(words.who);
    await page.locator('.tl-mark[tabindex="0"]').focus();
    await page.keyboard.press('ArrowRight');
    const path = join(SHOTS, `timeline-${lang}-${scheme}.png`);
    await page.screenshot({ path, fullPage: true });
    expect((await stat(path)).size).toBeGreaterThan(0);
    await page.close();
  });
});
