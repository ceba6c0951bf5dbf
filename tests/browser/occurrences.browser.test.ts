/**
 * What the pointer rests on, in Chromium with the built extension: any
 * occurrence of a term opens its popover, not only the one drawn (a later one;
 * an abbreviation after its spelled-out name); a page that replaces its text
 * every 100 ms still gets its popover; and a remark in the popover shows the
 * same facts as in the side panel (one component renders both).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectToSidePanel, contentState, launchWithExtension, startServer, type ExtensionBrowser, type TestServer } from './harness';
import { DIALOG, occurrenceCentre, popoverTerm, restOn } from './pointer';

/** What a reader learns of each remark in a list: the popover's (in its shadow root) or the side panel's. */
function factsIn(root: Document | ShadowRoot) {
  return [...root.querySelectorAll('li[data-remark-id]')].map((li) => ({
    id: li.getAttribute('data-remark-id'),
    speaker: li.querySelector('.who .speaker')?.textContent ?? null,
    role: li.querySelector('.who .role')?.textContent ?? null,
    yours: li.querySelector('.who .yours')?.textContent ?? null,
    where: li.querySelector('.where')?.textContent ?? null,
    date: li.querySelector('.where time')?.getAttribute('datetime') ?? null,
    snippet: li.querySelector('.snippet')?.textContent ?? null,
    marked: [...li.querySelectorAll('.snippet mark')].map((m) => m.textContent),
    // The same markup, not only the same words: the element and class of every node.
    shape: [...li.querySelectorAll('.who, .who *, .where, .where *, .snippet, .snippet *')].map((e) => `${e.localName}.${e.className}`).join(' '),
  }));
}
type Facts = ReturnType<typeof factsIn>;

describe('the term under the pointer', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let cdp: Browser | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await startServer();
    // A debugging port: the side panel's page is reached over a second CDP connection (see sidepanel.browser.test.ts).
    browser = await launchWithExtension({ args: ['--remote-debugging-port=0'] });
  });
  afterAll(async () => {
    await cdp?.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
  });

  /** Opens `path` and waits for the first scan to end. */
  const open = async (path: string): Promise<Page> => {
    const page = await browser.context.newPage();
    pages.push(page);
    await page.goto(server.url(path));
    await expect.poll(async () => {
      const state = await contentState(browser.serviceWorker, page);
      return state.scans >= 1 && !state.busy;
    }, { timeout: 10_000 }).toBe(true);
    return page;
  };

  /** The text of every range we draw, with the id of the paragraph it is in. */
  const drawn = (page: Page) =>
    page.evaluate(() => [...(CSS.highlights.get('minutes-lens') ?? [])].map((r) => ({ text: String(r), in: r.startContainer.parentElement?.id ?? '' })));

  const remarksShown = (page: Page) => expect.poll(() => page.locator(`${DIALOG} li`).count(), { timeout: 10_000 }).toBeGreaterThan(0);

  it('opens the popover on a later occurrence of a term, which only its first occurrence marks', async () => {
    const page = await open('/occurrences-ja.html');
    const telework = (await drawn(page)).filter((r) => r.text === 'テレワーク');
    expect(telework).toEqual([{ text: 'テレワーク', in: '' }]); // the first paragraph's, not #later's

    const later = await occurrenceCentre(page, 'テレワーク', 1);
    await restOn(page, later);
    await expect(popoverTerm(page)).resolves.toBe('テレワーク');
    await remarksShown(page);
    // Placed at the occurrence rested on, not at the marked one.
    const box = (await page.locator(DIALOG).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(later.bottom);
  });

  it('opens IoT further down an English article whose first mark is the spelled-out name, Internet of Things', async () => {
    const page = await open('/occurrences-en.html');
    const texts = (await drawn(page)).map((r) => r.text);
    expect(texts).toContain('Internet of Things');
    expect(texts).not.toContain('IoT');

    await restOn(page, await occurrenceCentre(page, 'IoT', 0));
    await expect(popoverTerm(page)).resolves.toBe('IoT');
    await expect(page.locator(DIALOG).getAttribute('aria-label')).resolves.toContain('IoT');
    await remarksShown(page);

    // Back on the drawn, spelled-out form: its popover is the same term's.
    await page.keyboard.press('Escape');
    await restOn(page, await occurrenceCentre(page, 'Internet of Things', 0));
    await expect(popoverTerm(page)).resolves.toBe('IoT');
  });

  it('opens the popover on a term whose sentence the page writes anew every 100 ms, and keeps it open', async () => {
    const page = await open('/rerender-ticking.html');
    const renders = () => page.evaluate(() => (window as unknown as { renders: number }).renders);
    const at = await occurrenceCentre(page, 'サイバー保険', 0);
    await restOn(page, at);
    await expect(popoverTerm(page)).resolves.toBe('サイバー保険');
    await remarksShown(page);
    // The page goes on replacing the text under the resting pointer; the popover stays.
    const before = await renders();
    await page.waitForTimeout(1_000);
    expect((await renders()) - before).toBeGreaterThanOrEqual(5);
    await expect(page.locator(DIALOG).count()).resolves.toBe(1);
    await expect(popoverTerm(page)).resolves.toBe('サイバー保険');
  });

  it.each([
    { path: '/rerender.html', text: 'テレワーク' },
    { path: '/hostile/rerender.html', text: 'サイバー保険' },
  ])('opens the popover on $text in $path, which re-renders every 100 ms', async ({ path, text }) => {
    const page = await open(path);
    await restOn(page, await occurrenceCentre(page, text, 0));
    await expect(popoverTerm(page)).resolves.toBe(text);
    await remarksShown(page);
  });

  it('shows a remark with the same facts, in the same markup, in the popover and in the side panel', async () => {
    const page = await open('/article-ja.html');
    await restOn(page, await occurrenceCentre(page, 'テレワーク', 0));
    await remarksShown(page);
    const inPopover: Facts = await page.locator('minutes-lens-root').evaluate((host, fn) => {
      // The function travels as text: the popover's list is inside the host's shadow root.
      return (new Function(`return (${fn})`)() as (root: ShadowRoot) => Facts)(host.shadowRoot!);
    }, factsIn.toString());
    expect(inPopover.length).toBeGreaterThan(0);
    // The popover adds what only it has: a button that opens the passage.
    await expect(page.locator(`${DIALOG} li`).first().getByRole('button', { name: '原文を開く' }).count()).resolves.toBe(1);

    // "All results" opens the side panel on the same term.
    await page.locator(DIALOG).getByRole('button', { name: 'すべての結果' }).click();
    const found = await connectToSidePanel(browser.userDataDir, cdp);
    cdp = found.connection;
    const panel = found.panel;
    await expect.poll(() => panel.getByRole('searchbox').inputValue(), { timeout: 10_000 }).toBe('テレワーク');
    await panel.locator('main[aria-busy="false"] .hits li').first().waitFor({ timeout: 10_000 });
    const inPanel: Facts = await panel.evaluate((fn) => (new Function(`return (${fn})`)() as (root: Document) => Facts)(document), factsIn.toString());

    const both = inPopover.filter((f) => inPanel.some((g) => g.id === f.id));
    expect(both.length, 'remarks in both lists').toBeGreaterThan(0);
    for (const f of both) {
      const g = inPanel.find((x) => x.id === f.id)!;
      expect(g).toEqual(f);
      expect(f.speaker).toMatch(/\S/);
      expect(f.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.marked).toContain('テレワーク');
    }
  });
});
