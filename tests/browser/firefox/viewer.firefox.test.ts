/**
 * The passage viewer in Firefox: a meeting opened on one remark, highlighted,
 * in view and focused, the term marked; previous and next; a citation copied
 * to the clipboard (read back from Firefox's own clipboard).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Remark } from '../../../lib/minutes/types';
import { MinutesIndex } from '../../../lib/search/engine';
import { INDEX_ASSET_PATH } from '../../../lib/search/schema';
import { citationText } from '../../../lib/ui/citation';
import { makeAnchor } from '../../../lib/ui/anchor';
import { clipboardText } from './browser-ui';
import { FIREFOX_EXTENSION_DIR, launchFirefox, waitFor, type FirefoxExtension } from './harness';

const MEETING = 'soumu-cstf-24';
const TERM = 'テレワーク';

describe('Firefox: the passage viewer', () => {
  let ff: FirefoxExtension;
  let node: MinutesIndex;
  let remarks: Remark[];
  const pages: Page[] = [];

  beforeAll(async () => {
    ff = await launchFirefox();
    node = await MinutesIndex.fromBytes(readFileSync(join(FIREFOX_EXTENSION_DIR, INDEX_ASSET_PATH)));
    remarks = node.remarksOf(MEETING);
  });
  afterAll(() => ff?.close());
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
  });

  const openViewer = async (remark: string, term?: string): Promise<Page> => {
    const page = await ff.openExtensionPage(`/viewer.html?${new URLSearchParams(term ? { remark, term } : { remark })}`);
    pages.push(page);
    return page;
  };
  /** Waits until `id` is the remark the viewer highlights and has focused. */
  const waitForTarget = (page: Page, id: string) =>
    page.waitForFunction((id) => document.activeElement?.id === id && document.querySelector('[aria-current="true"]')?.id === id, { timeout: 10_000 }, id);
  const current = (page: Page) =>
    page.evaluate(() => {
      const el = document.querySelector('[aria-current="true"]');
      const r = el?.getBoundingClientRect();
      return {
        id: el?.id ?? null,
        inView: r ? r.top >= 0 && r.bottom <= innerHeight : false,
        marks: [...(el?.querySelectorAll('mark') ?? [])].map((m) => m.textContent),
        remarkParam: new URLSearchParams(location.search).get('remark'),
        quoteParam: new URLSearchParams(location.search).get('q'),
        scrollY,
      };
    });

  it('shows the whole meeting with the remark highlighted, in view, focused, and the term marked', async () => {
    const late = remarks.find((r) => r.order >= 40 && r.kind === 'turn' && r.text.includes(TERM))!;
    const page = await openViewer(late.id, TERM);
    await waitForTarget(page, late.id);
    const shown = await current(page);
    expect(shown.inView).toBe(true);
    expect(shown.scrollY).toBeGreaterThan(0);
    expect(shown.marks.length).toBe(late.text.split(TERM).length - 1);
    expect(new Set(shown.marks)).toEqual(new Set([TERM]));
    const all = await page.evaluate(() => [...document.querySelectorAll('[data-remark-id]')].map((e) => e.id));
    expect(all).toEqual(remarks.map((r) => r.id));
    await expect(page.evaluate(() => document.querySelector('.meeting-header h1')?.textContent)).resolves.toBe(node.meeting(MEETING)!.title);
  });

  it('moves to the next and previous remark, skipping headings, and keeps the URL in step', async () => {
    const steps = remarks.filter((r) => r.kind !== 'heading');
    const start = steps.findIndex((r) => r.id === `${MEETING}-r8`);
    const page = await openViewer(steps[start]!.id, TERM);
    await waitForTarget(page, steps[start]!.id);

    await page.click('button.next');
    const next = steps[start + 1]!;
    const after = await waitFor(() => current(page), (c) => c.id === next.id && c.remarkParam === next.id, 'the next remark');
    expect(after.quoteParam).toBe(makeAnchor(remarks, next.id)!.quote);
    await page.click('button.previous');
    await page.click('button.previous');
    const before = steps[start - 1]!;
    await waitFor(() => current(page), (c) => c.id === before.id && c.remarkParam === before.id, 'two back');
    // Headings are not steps.
    expect(before.kind).not.toBe('heading');
  });

  it('copies a citation of the current remark to the clipboard', async () => {
    const id = `${MEETING}-r8`;
    const expected = citationText(node.meeting(MEETING)!, remarks.find((r) => r.id === id)!);
    expect(expected).toContain('「テレワーク関係は非常に大事なポイントだと思う。」');
    const page = await openViewer(id, TERM);
    await waitForTarget(page, id);
    await page.bringToFront();
    await page.click('button.copy');
    const status = await waitFor(
      () => page.evaluate(() => ({ text: document.querySelector('output.copy-status')?.textContent ?? '', citation: document.querySelector('output.copy-status')?.getAttribute('data-citation') })),
      (s) => s.text !== '',
      'the copy reported',
    );
    expect(status).toEqual({ text: 'コピーしました', citation: expected });
    await expect(clipboardText(ff)).resolves.toBe(expected);
  });

  it('links back to the search for the term', async () => {
    const id = `${MEETING}-r8`;
    const page = await openViewer(id, TERM);
    await waitForTarget(page, id);
    await expect(page.evaluate(() => document.querySelector('a.back')?.getAttribute('href'))).resolves.toBe(`/search.html?${new URLSearchParams({ q: TERM })}`);
  });
});
