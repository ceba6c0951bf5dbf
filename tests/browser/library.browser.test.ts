/**
 * The reader's own library, in Chromium with the built extension: files
 * imported on the options page (a PDF, a saved ministry page, a text file)
 * are found in the side panel beside the shipped minutes, open in the viewer
 * at their passage, survive the browser being closed and launched again on
 * the same profile, and leave every search when removed; broken files are
 * refused by name; the page the reader is on is added from the menu.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrinter } from '../formats/printer';
import { printPage, webPage } from '../formats/publish';
import { launchWithExtension, openSidePanel, startServer, tabIdOf, type ExtensionBrowser, type TestServer } from './harness';

const fixture = (name: string) => readFileSync(`tests/fixtures/minutes/${name}.txt`, 'utf8');
const OFFICIAL = 'https://www.example.go.jp/cybersecurity/jinzai/04_gijiyoshi.html';

/** Each file, and a word only it says (not in the shipped minutes). */
const FILES = [
  { name: 'cyber-insurance-02.pdf', word: 'モラルハザード', speaker: '中村', title: 'サイバー保険普及促進検討会（第２回）議事要旨' },
  { name: 'jinzai-04.html', word: 'SBOM', speaker: null, title: 'サイバーセキュリティ人材育成・サプライチェーン対策検討会 第４回 議事要旨' },
  { name: 'suishin-03.txt', word: 'ネットワークカメラ', speaker: '山田', title: '情報セキュリティ対策推進会議（第３回）議事録' },
] as const;

let dir: string;
let profile: string;
let server: TestServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'library-files-'));
  profile = mkdtempSync(join(tmpdir(), 'library-profile-'));
  const printer = await startPrinter();
  try {
    writeFileSync(join(dir, FILES[0].name), await printer.pdf(printPage(fixture('colon-inline'), { header: '配布資料', numbers: 'dashes', size: 'A5' })));
    // A scan: pages that are only images.
    writeFileSync(join(dir, 'scanned.pdf'), await printer.pdf('<canvas width="600" height="800"></canvas><script>document.querySelector("canvas").getContext("2d").fillText("議事要旨", 20, 40)</script>'));
  } finally {
    await printer.close();
  }
  writeFileSync(join(dir, FILES[1].name), webPage(fixture('speaker-parens'), { skin: 'html5', title: FILES[1].title, canonical: OFFICIAL, siteName: '総務省' }));
  writeFileSync(join(dir, FILES[2].name), fixture('bracket-speakers'));
  writeFileSync(join(dir, 'random.pdf'), Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  writeFileSync(join(dir, 'shipped-again.txt'), readFileSync('seeds/soumu-cstf-06.txt'));
  server = await startServer({
    routes: {
      '/minutes/suishin-05.html': {
        body: webPage(fixture('numbered-items'), { skin: 'cms', title: '第5回 議事要旨', canonical: 'https://www.example.go.jp/suishin/05.html', siteName: '経済産業省' }),
      },
    },
  });
  ext = await launchWithExtension({ userDataDir: profile, args: ['--remote-debugging-port=0'] });
}, 120_000);

afterAll(async () => {
  await ext?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

const optionsUrl = () => `chrome-extension://${ext.extensionId}/options.html`;

async function options(): Promise<Page> {
  const page = await ext.context.newPage();
  page.on('dialog', (d) => void d.accept().catch(() => undefined));
  await page.goto(optionsUrl());
  await page.locator('.library .usage').waitFor();
  return page;
}

/** Imports files on the options page and waits until each is added or refused; returns each job's text. */
async function importFiles(page: Page, names: string[]): Promise<string[]> {
  const before = await page.locator('.job').count();
  await page.setInputFiles('input[name="library-files"]', names.map((n) => join(dir, n)));
  await page.waitForFunction((n) => document.querySelectorAll('.job.added, .job.refused').length >= n, before + names.length, { timeout: 60_000 });
  return (await page.locator('.job').allInnerTexts()).slice(before);
}

const storedTitles = (page: Page) => page.locator('.meetings tbody td:first-child').allInnerTexts();

/** Searches on the search page (the side panel's app in a tab) and returns the hits' remark ids and marks. */
async function search(query: string, origin?: 'shipped' | 'yours') {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/search.html?q=${encodeURIComponent(query)}`);
  await page.locator('main[aria-busy="false"]').waitFor({ timeout: 15_000 });
  if (origin) {
    await page.selectOption('select[name="origin"]', origin);
    await page.locator('main[aria-busy="false"]').waitFor({ timeout: 15_000 });
  }
  const hits = await page.locator('.hits [data-remark-id]').evaluateAll((items) =>
    items.map((li) => ({ id: li.getAttribute('data-remark-id')!, yours: li.querySelector('.yours') !== null, text: li.textContent ?? '' })),
  );
  return { page, hits };
}

describe("the reader's library", () => {
  it('imports a PDF, a saved page and a text file, each reported with its meeting', async () => {
    const page = await options();
    const jobs = await importFiles(page, FILES.map((f) => f.name));
    FILES.forEach((f, i) => {
      expect(jobs[i]).toContain(f.name);
      expect(jobs[i]).toContain('追加しました');
      expect(jobs[i]).toContain(f.title);
    });
    expect(await storedTitles(page)).toEqual(FILES.map((f) => f.title));
    await page.close();
  });

  it('finds each in the side panel, marked as yours, beside the shipped minutes', async () => {
    const opener = await ext.context.newPage();
    await opener.goto(`chrome-extension://${ext.extensionId}/search.html`);
    let cdp: Browser | undefined;
    try {
      const { connection, panel } = await openSidePanel(opener, ext.userDataDir);
      cdp = connection;
      const box = panel.getByRole('searchbox');
      await box.waitFor();
      for (const f of FILES) {
        await box.fill(f.word);
        await panel.locator('main[aria-busy="false"]').waitFor({ timeout: 15_000 });
        const first = panel.locator('.hits [role="option"]').first();
        await expect.poll(() => first.innerText(), { timeout: 10_000 }).toContain(f.word);
        expect(await first.locator('.yours').innerText()).toBe('自分の');
        if (f.speaker) expect(await first.locator('.speaker').innerText()).toBe(f.speaker);
      }
      // A shipped word still answers from the shipped minutes, unmarked.
      await box.fill('テレワーク');
      await panel.locator('main[aria-busy="false"]').waitFor({ timeout: 15_000 });
      await expect.poll(() => panel.locator('.hits [role="option"]').count()).toBeGreaterThan(3);
      expect(await panel.locator('.hits [role="option"]').first().locator('.yours').count()).toBe(0);
    } finally {
      await cdp?.close().catch(() => {});
      await opener.close();
    }
  }, 90_000);

  it('filters the results to the shipped minutes or to the reader\'s own', async () => {
    const all = await search('サイバー保険');
    expect(all.hits.some((h) => h.yours)).toBe(true);
    expect(all.hits.some((h) => !h.yours)).toBe(true);
    const yours = await search('サイバー保険', 'yours');
    expect(yours.hits.length).toBeGreaterThan(0);
    expect(yours.hits.every((h) => h.yours)).toBe(true);
    const shipped = await search('サイバー保険', 'shipped');
    expect(shipped.hits.length).toBeGreaterThan(0);
    expect(shipped.hits.every((h) => !h.yours)).toBe(true);
    for (const s of [all, yours, shipped]) await s.page.close();
  });

  it('opens each in the viewer at its passage, with the official document or the file named in the citation', async () => {
    for (const f of FILES) {
      const { page, hits } = await search(f.word);
      const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/viewer.html'), timeout: 10_000 });
      await page.locator('.hits [role="option"]').first().click();
      const viewer = await opened;
      const target = viewer.locator('.remark.target');
      await target.waitFor({ timeout: 10_000 });
      expect(await target.getAttribute('data-remark-id')).toBe(hits[0]!.id);
      expect(await target.innerText()).toContain(f.word);
      // In view: the highlighted remark is inside the window.
      const box = await target.boundingBox();
      const height = await viewer.evaluate(() => innerHeight);
      expect(box!.y).toBeLessThan(height);
      expect(box!.y + box!.height).toBeGreaterThan(0);
      expect(await viewer.locator('h1 .yours').innerText()).toBe('自分の');
      await viewer.locator('button.copy').click();
      // The status is set once the clipboard has the text: wait for it.
      await viewer.locator('.copy-status[data-citation]').waitFor({ timeout: 5_000 });
      const citation = await viewer.locator('.copy-status').getAttribute('data-citation');
      if (f.name.endsWith('.html')) {
        expect(await viewer.locator('a.official').getAttribute('href')).toBe(OFFICIAL);
        expect(citation).toContain(`総務省 ${OFFICIAL}`);
      } else {
        expect(await viewer.locator('a.official').count()).toBe(0);
        expect(citation).toContain(`自分のライブラリ：${f.name}`);
      }
      // Previous/next walk the reader's meeting as they do a shipped one.
      await viewer.locator('button.next').click();
      await expect.poll(() => viewer.locator('.remark.target').getAttribute('data-remark-id')).not.toBe(hits[0]!.id);
      await viewer.close();
      await page.close();
    }
  }, 90_000);

  it('refuses a scanned PDF, a binary file and a duplicate by name, and leaves the library as it was', async () => {
    const page = await options();
    const before = await storedTitles(page);
    const jobs = await importFiles(page, ['scanned.pdf', 'random.pdf', 'shipped-again.txt', FILES[2].name]);
    expect(jobs[0]).toMatch(/scanned\.pdf.*追加できませんでした.*scanned\.pdf: no text layer: OCR it first/s);
    expect(jobs[1]).toMatch(/random\.pdf.*追加できませんでした.*random\.pdf: not a PDF/s);
    expect(jobs[2]).toMatch(/shipped-again\.txt.*すでに検索対象です.*サイバーセキュリティタスクフォース（第6回）議事要旨/s);
    expect(jobs[3]).toMatch(/suishin-03\.txt.*すでに検索対象です.*情報セキュリティ対策推進会議（第３回）議事録/s);
    await page.reload();
    await page.locator('.library .usage').waitFor();
    expect(await storedTitles(page)).toEqual(before);
    await page.close();
  }, 90_000);

  it('adds the page the reader is on from the menu, and says so on the page; a page without minutes says that', async () => {
    const tabPage = await ext.context.newPage();
    await tabPage.goto(server.url('/minutes/suishin-05.html'));
    const notice = async () => {
      await tabPage.waitForFunction(() => [...document.querySelectorAll('minutes-lens-root')].some((h) => h.shadowRoot?.querySelector('.notice')), null, { timeout: 15_000 });
      return tabPage.evaluate(() => [...document.querySelectorAll('minutes-lens-root')].map((h) => h.shadowRoot?.querySelector('.notice')?.textContent).find(Boolean));
    };
    const clickMenu = async (page: Page) => {
      const tabId = await tabIdOf(ext.serviceWorker, page);
      await ext.serviceWorker.evaluate(({ tabId }) => {
        const { chrome } = globalThis as unknown as { chrome: { contextMenus: { onClicked: { dispatch(...a: unknown[]): void } } } };
        chrome.contextMenus.onClicked.dispatch({ menuItemId: 'minutes-lens-add-page', editable: false, pageUrl: '' }, { id: tabId });
      }, { tabId });
    };
    // The content script answers once it has started.
    await expect.poll(() => tabPage.evaluate(() => document.readyState)).toBe('complete');
    await clickMenu(tabPage);
    expect(await notice()).toBe('議事録レンズ：ライブラリに追加しました：テレワーク・IoTセキュリティ研究会（第5回）議事要旨');
    const o = await options();
    expect(await storedTitles(o)).toEqual([...FILES.map((f) => f.title), 'テレワーク・IoTセキュリティ研究会（第5回）議事要旨']);
    await o.close();
    // Read from the live page: its minutes, none of the site around them, and its official address.
    const { page, hits } = await search('ファームウェア');
    expect(hits[0]?.yours).toBe(true);
    await page.close();

    const article = await ext.context.newPage();
    await article.goto(server.url('/article-ja.html'));
    await expect.poll(() => article.evaluate(() => document.readyState)).toBe('complete');
    await clickMenu(article);
    await article.waitForFunction(() => [...document.querySelectorAll('minutes-lens-root')].some((h) => h.shadowRoot?.querySelector('.notice')), null, { timeout: 15_000 });
    const said = await article.evaluate(() => [...document.querySelectorAll('minutes-lens-root')].map((h) => h.shadowRoot?.querySelector('.notice')?.textContent).find(Boolean));
    expect(said).toBe('議事録レンズ：このページには議事録が見つかりません');
    await article.close();
    await tabPage.close();
  }, 60_000);

  it('is still there after the browser is closed and launched again on the same profile', async () => {
    await ext.close();
    ext = await launchWithExtension({ userDataDir: profile, args: ['--remote-debugging-port=0'] });
    const page = await options();
    expect((await storedTitles(page)).slice(0, FILES.length)).toEqual(FILES.map((f) => f.title));
    await page.close();
    for (const f of FILES) {
      const { page: results, hits } = await search(f.word);
      expect(hits[0]?.yours).toBe(true);
      expect(hits[0]?.text).toContain(f.word);
      await results.close();
    }
  }, 90_000);

  it('removing one takes it out of every search and leaves the others', async () => {
    const page = await options();
    await page.locator('.meetings tr', { hasText: FILES[0].title }).locator('button.remove').click();
    await expect.poll(() => storedTitles(page)).not.toContain(FILES[0].title);
    await page.close();
    const gone = await search(FILES[0].word);
    expect(gone.hits).toEqual([]);
    await gone.page.close();
    for (const f of FILES.slice(1)) {
      const { page: results, hits } = await search(f.word);
      expect(hits[0]?.yours).toBe(true);
      await results.close();
    }
  }, 60_000);

  it('exports the library to one file and imports it back', async () => {
    const page = await options();
    const titles = await storedTitles(page);
    const download = page.waitForEvent('download');
    await page.locator('button.export').click();
    const file = join(dir, 'library.json');
    await (await download).saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.format).toBe('minutes-lens-library');
    expect(exported.meetings).toHaveLength(titles.length);

    await page.locator('button.remove-all').click();
    await expect.poll(() => page.locator('.library .empty').count()).toBe(1);
    const none = await search(FILES[1].word);
    expect(none.hits).toEqual([]);
    await none.page.close();

    await page.setInputFiles('input[name="library-import"]', file);
    await expect.poll(() => storedTitles(page), { timeout: 30_000 }).toEqual(titles);
    const back = await search(FILES[1].word);
    expect(back.hits[0]?.yours).toBe(true);
    await back.page.close();
    await page.close();
  }, 90_000);
});
