/** The passage viewer: a whole meeting, opened on one remark, with the looked-up term marked. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Remark } from '../../lib/minutes/types';
import { makeAnchor } from '../../lib/ui/anchor';
import { citationText } from '../../lib/ui/citation';
import { passageUrl } from '../../lib/ui/urls';
import { MinutesIndex } from '../../lib/search/engine';
import { INDEX_ASSET_PATH } from '../../lib/search/schema';
import { EXTENSION_DIR, launchWithExtension, type Chrome, type ExtensionBrowser } from './harness';

const MEETING = 'soumu-cstf-24';
const TERM = 'テレワーク';

describe('passage viewer', () => {
  let browser: ExtensionBrowser;
  let node: MinutesIndex;
  let remarks: Remark[];

  beforeAll(async () => {
    browser = await launchWithExtension();
    node = await MinutesIndex.fromBytes(readFileSync(join(EXTENSION_DIR, INDEX_ASSET_PATH)));
    remarks = node.remarksOf(MEETING);
  });
  afterAll(() => browser?.close());

  const viewerUrl = (remark: string, term?: string) =>
    `chrome-extension://${browser.extensionId}/viewer.html?${new URLSearchParams(term ? { remark, term } : { remark })}`;

  /** Waits until the viewer has rendered and focused its target (it scrolls just before focusing). */
  const waitForTarget = (page: Page, id: string) =>
    page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 10_000 });

  it('shows the whole meeting with the target remark highlighted, in view and the term marked', async () => {
    const late = remarks.find((r) => r.order >= 40 && r.kind === 'turn' && r.text.includes(TERM));
    expect(late, `a remark of ${MEETING} after the 40th that says ${TERM}`).toBeDefined();
    const id = late!.id;

    const page = await browser.context.newPage();
    await page.goto(viewerUrl(id, TERM));
    await waitForTarget(page, id);

    const target = page.locator(`[data-remark-id="${id}"]`);
    await expect(target.count()).resolves.toBe(1);
    await expect(target.getAttribute('id')).resolves.toBe(id);
    await expect(target.getAttribute('class')).resolves.toMatch(/\btarget\b/);
    await expect(target.getAttribute('aria-current')).resolves.toBe('true');
    await expect(target.getAttribute('tabindex')).resolves.toBe('-1');
    // The highlight is visible: the target has a background, its neighbours do not.
    const background = (sel: string) => page.locator(sel).evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect(background(`[data-remark-id="${id}"]`)).resolves.not.toBe('rgba(0, 0, 0, 0)');
    const other = remarks.find((r) => r.kind === 'turn' && r.id !== id)!;
    await expect(background(`[data-remark-id="${other.id}"]`)).resolves.toBe('rgba(0, 0, 0, 0)');
    await expect(page.locator('[aria-current="true"]').count()).resolves.toBe(1);

    // Scrolled into view: a late remark would be far below the fold otherwise.
    const box = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight, scrollY };
    });
    expect(box.scrollY).toBeGreaterThan(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.height);

    // The term is marked inside the target, and only there.
    const marks = await target.locator('mark').allTextContents();
    expect(marks.length).toBe(late!.text.split(TERM).length - 1);
    expect(new Set(marks)).toEqual(new Set([TERM]));
    await expect(page.locator('mark').count()).resolves.toBe(marks.length);
    await expect(target.textContent()).resolves.toContain(late!.text.replace(/\n/g, '').slice(0, 40));

    // The header.
    const meeting = node.meeting(MEETING)!;
    const header = page.locator('.meeting-header');
    await expect(header.locator('h1').textContent()).resolves.toBe(meeting.title);
    await expect(header.textContent()).resolves.toContain(meeting.committee!);
    await expect(header.locator('time').getAttribute('datetime', { timeout: 5_000 })).resolves.toBe('2020-05-28');
    await expect(header.locator('time').textContent()).resolves.toBe('2020-05-28');
    await expect(header.textContent()).resolves.toContain(`第${meeting.number}回`);
    await expect(header.locator('.attendees .group').count()).resolves.toBe(meeting.attendees.length);
    await expect(header.locator('.members li').count()).resolves.toBe(meeting.attendees.flatMap((g) => g.members).length);
    await expect(header.locator('.materials li').allTextContents()).resolves.toEqual(meeting.materials);
    await expect(page.title()).resolves.toContain(meeting.title);

    // Every remark, in order, and the headings as headings.
    await expect(page.locator('[data-remark-id]').evaluateAll((els) => els.map((e) => e.id))).resolves.toEqual(
      remarks.map((r) => r.id),
    );
    const headings = remarks.filter((r) => r.kind === 'heading');
    expect(headings.length).toBeGreaterThan(0);
    await expect(page.locator('h2[data-remark-id]').allTextContents()).resolves.toEqual(headings.map((r) => r.text));
    // A turn shows its label as written, then its text.
    const turn = page.locator(`[data-remark-id="${other.id}"]`);
    await expect(turn.locator('.label').textContent()).resolves.toBe(other.label);
    await page.close();
  });

  it('brings the first marked word into view when the remark is taller than a narrow window', async () => {
    // A long turn whose term first comes near its end: centring the remark, or showing its start, would leave it out.
    const LONG_TERM = 'サプライチェーンリスク';
    const long = remarks.find((r) => r.text.length > 700 && r.text.indexOf(LONG_TERM) > 0.75 * r.text.length);
    expect(long, `a remark of ${MEETING} over 700 characters that says ${LONG_TERM} only near its end`).toBeDefined();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 480 });
    await page.goto(viewerUrl(long!.id, LONG_TERM));
    await waitForTarget(page, long!.id);
    const geometry = await page.evaluate((id) => {
      const remark = document.getElementById(id)!.getBoundingClientRect();
      const mark = document.getElementById(id)!.querySelector('mark')!;
      const r = mark.getBoundingClientRect();
      const onTop = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return {
        remarkHeight: remark.height,
        markOffset: r.top - remark.top,
        viewport: innerHeight,
        mark: { top: r.top, bottom: r.bottom },
        visible: onTop !== null && mark.contains(onTop),
        text: mark.textContent,
      };
    }, long!.id);
    // The case the fix is for: the remark is taller than the window, and its first mark lies below what centring it shows.
    expect(geometry.remarkHeight).toBeGreaterThan(geometry.viewport);
    expect(geometry.markOffset).toBeGreaterThan(geometry.remarkHeight / 2 + geometry.viewport / 2);
    expect(geometry.text).toBe(LONG_TERM);
    expect(geometry.mark.top).toBeGreaterThanOrEqual(0);
    expect(geometry.mark.bottom).toBeLessThanOrEqual(geometry.viewport);
    // Not under the sticky toolbar either.
    expect(geometry.visible).toBe(true);
    await page.close();
  });

  it('opens on a remark when the background is asked to', async () => {
    const remark = remarks.find((r) => r.order >= 40 && r.text.includes(TERM))!;
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/search.html`);
    const [opened, reply] = await Promise.all([
      browser.context.waitForEvent('page', { timeout: 10_000 }),
      page.evaluate(
        (payload) =>
          (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'lens/open-passage', payload }),
        { remarkId: remark.id, term: TERM },
      ),
    ]);
    expect(reply).toEqual({ ok: true, value: { opened: true } });
    await opened.waitForLoadState();
    const url = new URL(opened.url());
    expect(`${url.protocol}//${url.host}`).toBe(`chrome-extension://${browser.extensionId}`);
    expect(url.pathname).toBe('/viewer.html');
    expect(url.searchParams.get('remark')).toBe(remark.id);
    expect(url.searchParams.get('term')).toBe(TERM);

    await waitForTarget(opened, remark.id);
    const target = opened.locator(`[data-remark-id="${remark.id}"]`);
    await expect(target.getAttribute('aria-current')).resolves.toBe('true');
    await expect(target.locator('mark').first().textContent({ timeout: 5_000 })).resolves.toBe(TERM);
    await opened.close();
    await page.close();
  });

  it('says so when the meeting is unknown, or the remark is not in it', async () => {
    const page = await browser.context.newPage();
    await page.goto(viewerUrl('no-such-meeting-r3', TERM));
    const status = page.locator('.status.not-found');
    await status.waitFor({ timeout: 10_000 });
    await expect(status.textContent()).resolves.toContain('会議が見つかりません');
    await expect(page.locator('[data-remark-id]').count()).resolves.toBe(0);

    // A malformed id is not found either (and is shown back as text).
    await page.goto(viewerUrl('<b>x</b>'));
    await status.waitFor({ timeout: 10_000 });
    await expect(status.locator('.asked').textContent()).resolves.toBe('<b>x</b>');
    await expect(page.locator('.status b').count()).resolves.toBe(0);

    // A known meeting without that remark: the meeting, with nothing highlighted.
    await page.goto(viewerUrl(`${MEETING}-r9999`));
    await page.locator('.status.no-remark').waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-remark-id]').count()).resolves.toBe(remarks.length);
    await expect(page.locator('[aria-current]').count()).resolves.toBe(0);
    await page.close();
  });

  it('says so when the background answers with an error', async () => {
    const page = await browser.context.newPage();
    // Stand in for a background whose index failed to load: every call answers { ok: false }.
    await page.addInitScript(() => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage: unknown } } };
      const reply = { ok: false, error: 'test: the index did not load' };
      chrome.runtime.sendMessage = (...args: unknown[]) => {
        const callback = args.find((a) => typeof a === 'function') as ((r: unknown) => void) | undefined;
        if (callback) return void setTimeout(() => callback(reply));
        return Promise.resolve(reply);
      };
    });
    await page.goto(viewerUrl(remarks[0]!.id));
    const status = page.locator('.status.error');
    await status.waitFor({ timeout: 10_000 });
    await expect(status.getAttribute('role')).resolves.toBe('alert');
    await expect(status.textContent()).resolves.toContain('test: the index did not load');
    await expect(page.locator('[data-remark-id]').count()).resolves.toBe(0);
    await page.close();
  });

  it('says it is loading while the background has not answered', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage: unknown } } };
      chrome.runtime.sendMessage = () => new Promise(() => {}); // never answers
    });
    await page.goto(viewerUrl(remarks[0]!.id));
    const status = page.locator('.status.loading');
    await status.waitFor({ timeout: 10_000 });
    await expect(status.textContent()).resolves.toContain('読み込み中');
    await expect(page.locator('[data-remark-id]').count()).resolves.toBe(0);
    await page.close();
  });

  it('shows what the minutes say as text, never as markup', async () => {
    const remark = remarks.find((r) => r.text.includes('<https://'));
    expect(remark, `a remark of ${MEETING} with a <https://…> link written in it`).toBeDefined();
    const page = await browser.context.newPage();
    await page.goto(viewerUrl(remark!.id));
    await waitForTarget(page, remark!.id);
    const target = page.locator(`[data-remark-id="${remark!.id}"]`);
    const literal = remark!.text.slice(remark!.text.indexOf('<https://'), remark!.text.indexOf('>', remark!.text.indexOf('<https://')) + 1);
    expect(literal).toMatch(/^<https:\/\/www\.reuters\.com\/.+>$/);
    await expect(target.textContent()).resolves.toContain(literal);
    await expect(target.locator('a').count()).resolves.toBe(0);
    await expect(page.locator('.meeting a').count()).resolves.toBe(0);
    // Its lines are separate paragraphs.
    await expect(target.locator('p').count()).resolves.toBe(remark!.text.split('\n').filter((l) => l.trim()).length);
    await page.close();
  });

  // ------------------------------------------------------------ navigation, citation, stable links

  const ext = (path: string) => `chrome-extension://${browser.extensionId}${path}`;
  /** Waits until `id` is the highlighted remark. */
  const waitForCurrent = (page: Page, id: string) =>
    page.waitForFunction((id) => document.querySelector('[aria-current="true"]')?.id === id, id, { timeout: 10_000 });
  const params = (page: Page) => new URL(page.url()).searchParams;
  /** Waits until the viewer has put `id` into its URL (it does so just after rendering). */
  const waitForUrl = (page: Page, id: string) =>
    page.waitForFunction((id) => new URLSearchParams(location.search).get('remark') === id, id, { timeout: 5_000 });

  it('puts the current remark and its quote into its own URL', async () => {
    const id = `${MEETING}-r8`;
    const page = await browser.context.newPage();
    await page.goto(viewerUrl(id, TERM));
    await waitForTarget(page, id);
    await page.waitForFunction(() => new URLSearchParams(location.search).has('q'), null, { timeout: 5_000 });
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(passageUrl(id, TERM, makeAnchor(remarks, id)));
    expect(params(page).get('q')).toBe('テレワーク関係は非常に大事なポイントだと思う。');
    await page.close();
  });

  it('moves to the previous and next remark, skipping headings, and updates the URL', async () => {
    const steps = remarks.filter((r) => r.kind !== 'heading');
    const start = steps.findIndex((r) => r.id === `${MEETING}-r8`);
    const page = await browser.context.newPage();
    await page.goto(viewerUrl(steps[start]!.id, TERM));
    await waitForTarget(page, steps[start]!.id);

    const next = page.getByRole('button', { name: '↓ 次の発言' });
    const previous = page.getByRole('button', { name: '↑ 前の発言' });
    await next.click();
    const after = steps[start + 1]!;
    await waitForCurrent(page, after.id);
    await expect(page.locator('[aria-current="true"]').count()).resolves.toBe(1);
    await expect(page.locator(`[data-remark-id="${after.id}"]`).getAttribute('class')).resolves.toMatch(/\btarget\b/);
    await waitForUrl(page, after.id);
    expect(params(page).get('q')).toBe(makeAnchor(remarks, after.id)!.quote);
    expect(params(page).get('term')).toBe(TERM);
    // The button keeps the focus: pressing it again moves on.
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toContain('next');

    // Back past the start, and over the heading 「◆構成員の意見・コメント」 before the first turn.
    const firstTurn = remarks.find((r) => r.kind === 'turn')!;
    const headingBefore = remarks[remarks.indexOf(firstTurn) - 1]!;
    expect(headingBefore.kind).toBe('heading');
    for (let i = start; i >= steps.indexOf(firstTurn) - 1; i--) {
      await previous.click();
      await waitForCurrent(page, steps[i]!.id);
      await waitForUrl(page, steps[i]!.id);
    }
    const current = steps[steps.indexOf(firstTurn) - 1]!;
    expect(current.order).toBeLessThan(headingBefore.order);
    await expect(page.locator(`[data-remark-id="${headingBefore.id}"]`).getAttribute('aria-current')).resolves.toBeNull();
    expect(params(page).get('remark')).toBe(current.id);
    // The first step has no previous one; the last none after it.
    expect(steps[0]).toBe(current);
    await expect(previous.isDisabled()).resolves.toBe(true);
    await page.goto(viewerUrl(steps.at(-1)!.id));
    await waitForTarget(page, steps.at(-1)!.id);
    await expect(next.isDisabled()).resolves.toBe(true);
    await expect(previous.isDisabled()).resolves.toBe(false);
    await page.close();
  });

  it('copies a citation of the current remark', async () => {
    const id = `${MEETING}-r8`;
    const expected =
      'サイバーセキュリティタスクフォース 第24回（2020-05-28）議事要旨、後藤座長の発言：「テレワーク関係は非常に大事なポイントだと思う。」';
    expect(citationText(node.meeting(MEETING)!, remarks.find((r) => r.id === id)!)).toBe(expected);

    // Chromium refuses a grant for the chrome-extension:// origin ("opaque origin") but takes one for every origin.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await browser.context.newPage();
    await page.goto(viewerUrl(id, TERM));
    await waitForTarget(page, id);
    await page.bringToFront();
    await page.getByRole('button', { name: /引用をコピー/ }).click();
    const status = page.locator('output.copy-status');
    await page.waitForFunction(() => document.querySelector('output.copy-status')?.textContent !== '', null, { timeout: 5_000 });
    await expect(status.textContent()).resolves.toBe('コピーしました');
    await expect(status.getAttribute('data-citation')).resolves.toBe(expected);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(expected);

    // Moving on clears the message about the last remark.
    await page.getByRole('button', { name: /次の発言/ }).click();
    await waitForCurrent(page, `${MEETING}-r9`);
    await expect(status.textContent()).resolves.toBe('');
    await page.close();
  });

  it('finds the remark by its quote when the id in an old link has shifted', async () => {
    const right = remarks.find((r) => r.order > 20 && r.kind === 'turn')!;
    const wrong = remarks.find((r) => r.order === right.order + 3)!;
    const anchor = makeAnchor(remarks, right.id)!;
    const page = await browser.context.newPage();
    await page.goto(ext(passageUrl(wrong.id, TERM, anchor)));
    await waitForTarget(page, right.id);
    await expect(page.locator('[aria-current="true"]').getAttribute('id')).resolves.toBe(right.id);
    await waitForUrl(page, right.id);

    // An id the meeting no longer has at all, with a quote whose text was edited a little.
    const edited = { ...anchor, quote: anchor.quote.slice(0, 10) + '（改）' + anchor.quote.slice(13) };
    await page.goto(ext(passageUrl(`${MEETING}-r9999`, null, edited)));
    await waitForTarget(page, right.id);
    // A quote from nowhere: the meeting, nothing highlighted, and the reader told.
    await page.goto(ext(passageUrl(`${MEETING}-r9999`, null, { quote: '量子暗号の標準化について欧州の動向を報告した。', prefix: '', suffix: '' })));
    await page.locator('.status.no-remark').waitFor({ timeout: 10_000 });
    await expect(page.locator('[aria-current]').count()).resolves.toBe(0);
    await page.close();
  });

  it('links back to the search for the term, else the last query', async () => {
    const id = `${MEETING}-r8`;
    const page = await browser.context.newPage();
    await page.goto(viewerUrl(id, TERM));
    await waitForTarget(page, id);
    const back = page.getByRole('link', { name: /検索に戻る/ });
    await expect(back.getAttribute('href')).resolves.toBe(`/search.html?${new URLSearchParams({ q: TERM })}`);

    await browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.set({ pendingQuery: { query: 'IoT機器 <b>', at: Date.now() } }),
    );
    await page.goto(viewerUrl(id));
    await waitForTarget(page, id);
    await expect(back.getAttribute('href')).resolves.toBe(`/search.html?${new URLSearchParams({ q: 'IoT機器 <b>' })}`);
    await back.click();
    await page.waitForURL(/\/search\.html\?q=/, { timeout: 5_000 });
    await expect(page.getByRole('searchbox').inputValue()).resolves.toBe('IoT機器 <b>');

    await browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.remove('pendingQuery'),
    );
    await page.goto(viewerUrl(id));
    await waitForTarget(page, id);
    await expect(back.getAttribute('href')).resolves.toBe('/search.html');
    await page.close();
  });
});

