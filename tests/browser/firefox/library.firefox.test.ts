/**
 * The reader's own library in Firefox: an old office PDF (pdf.js and the
 * Japanese CMaps in the import worker), a saved ministry page and a text file
 * imported on the options page, found in the sidebar beside the shipped
 * minutes, opened in the viewer, refused when broken, and removed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officePdf } from '../../formats/office-pdf';
import { webPage } from '../../formats/publish';
import { readSearchApp, setSearchField } from '../support/search-app';
import { commitText, focusSidebarBox, inSidebar, showSidebar } from './browser-ui';
import { inWindow } from './drivers';
import { launchFirefox, waitFor, type FirefoxExtension } from './harness';

const fixture = (name: string) => readFileSync(`tests/fixtures/minutes/${name}.txt`, 'utf8');
const OFFICIAL = 'https://www.example.go.jp/cybersecurity/jinzai/04_gijiyoshi.html';

/** Each file, and a word only it says (not in the shipped minutes). */
const FILES = [
  { name: 'insurance-02.pdf', word: 'モラルハザード', title: 'サイバー保険普及促進検討会（第２回）議事要旨' },
  { name: 'jinzai-04.html', word: 'SBOM', title: 'サイバーセキュリティ人材育成・サプライチェーン対策検討会 第４回 議事要旨' },
  { name: 'suishin-03.txt', word: 'ネットワークカメラ', title: '情報セキュリティ対策推進会議（第３回）議事録' },
] as const;

describe("Firefox: the reader's library", () => {
  let ff: FirefoxExtension;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-lens-firefox-library-'));
    writeFileSync(join(dir, FILES[0].name), officePdf(fixture('colon-inline'), 'UniJIS-UCS2-H'));
    writeFileSync(join(dir, FILES[1].name), webPage(fixture('speaker-parens'), { skin: 'html5', title: FILES[1].title, canonical: OFFICIAL, siteName: '総務省' }));
    writeFileSync(join(dir, FILES[2].name), fixture('bracket-speakers'));
    writeFileSync(join(dir, 'random.pdf'), Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    writeFileSync(join(dir, 'shipped-again.txt'), readFileSync('seeds/soumu-cstf-06.txt'));
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const options = async (): Promise<Page> => {
    const page = await ff.openExtensionPage('/options.html');
    page.on('dialog', (d) => void d.accept().catch(() => undefined));
    await page.waitForSelector('.library .usage');
    return page;
  };
  const storedTitles = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.meetings tbody td:first-child')].map((td) => (td as HTMLElement).innerText));

  /** Chooses files in the library's file field and waits until each is added or refused; returns each job's text. */
  const importFiles = async (page: Page, names: string[]) => {
    const before = await page.evaluate(() => document.querySelectorAll('.job').length);
    const input = (await page.$('input[name="library-files"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...names.map((n) => join(dir, n)));
    await page.waitForFunction((n) => document.querySelectorAll('.job.added, .job.refused').length >= n, { timeout: 60_000 }, before + names.length);
    return (await page.evaluate(() => [...document.querySelectorAll('.job')].map((j) => (j as HTMLElement).innerText))).slice(before);
  };

  /** The search page in a tab, on `query`, once it has answered. */
  const search = async (query: string, origin?: 'shipped' | 'yours') => {
    const page = await ff.openExtensionPage(`/search.html?q=${encodeURIComponent(query)}`);
    const settled = () => waitFor(() => inWindow(page, readSearchApp), (v) => !v.busy && (v.count !== null || v.status !== null), `the search for ${query}`, 15_000);
    let view = await settled();
    if (origin) {
      await page.select('select[name="origin"]', origin);
      view = await waitFor(() => inWindow(page, readSearchApp), (v) => !v.busy && v.hits.every((h) => h.yours === (origin === 'yours')), `only ${origin}`, 15_000);
    }
    return { page, hits: view.hits };
  };

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

  it('refuses a file that is not a PDF and a meeting already searched, by name', async () => {
    const page = await options();
    const before = await storedTitles(page);
    const jobs = await importFiles(page, ['random.pdf', 'shipped-again.txt']);
    expect(jobs[0]).toMatch(/random\.pdf.*追加できませんでした.*random\.pdf: not a PDF/s);
    expect(jobs[1]).toMatch(/shipped-again\.txt.*すでに検索対象です.*サイバーセキュリティタスクフォース（第6回）議事要旨/s);
    expect(await storedTitles(page)).toEqual(before);
    await page.close();
  });

  it('finds each in the sidebar, marked as yours, beside the shipped minutes; the origin filter tells them apart', async () => {
    await showSidebar(ff);
    for (const f of FILES) {
      await inSidebar(ff, (w) => void w.document.querySelector<HTMLInputElement>('input[type="search"]')!.select());
      await focusSidebarBox(ff);
      await commitText(ff, f.word);
      const view = await waitFor(() => inSidebar(ff, readSearchApp), (v) => v.value === f.word && !v.busy && v.hits.length > 0, `the sidebar on ${f.word}`, 15_000);
      expect(view.hits[0]!.text).toContain(f.word);
      expect(view.hits[0]!.yours).toBe(true);
    }
    await inSidebar(ff, (w) => void w.document.querySelector<HTMLInputElement>('input[type="search"]')!.select());
    await focusSidebarBox(ff);
    await commitText(ff, 'サイバー保険');
    const both = await waitFor(() => inSidebar(ff, readSearchApp), (v) => v.value === 'サイバー保険' && !v.busy && v.hits.length > 0, 'both origins', 15_000);
    expect(both.hits.some((h) => h.yours) && both.hits.some((h) => !h.yours)).toBe(true);
    await inSidebar(ff, setSearchField, { label: '議事録', value: 'yours' });
    const yours = await waitFor(() => inSidebar(ff, readSearchApp), (v) => !v.busy && v.hits.length > 0 && v.hits.every((h) => h.yours), 'only yours', 15_000);
    expect(yours.hits.length).toBeLessThan(both.hits.length);
  });

  it('opens an imported remark in the viewer, its file named in the citation', async () => {
    const { page, hits } = await search(FILES[2].word);
    expect(hits[0]!.yours).toBe(true);
    await page.click('.hits [role="option"]');
    const viewer = await ff.waitForPage((href) => href.includes('/viewer.html'));
    await viewer.waitForFunction((id) => document.querySelector('.remark.target')?.getAttribute('data-remark-id') === id, { timeout: 10_000 }, hits[0]!.id);
    await viewer.click('button.copy');
    const citation = await waitFor(() => viewer.evaluate(() => document.querySelector('.copy-status')?.getAttribute('data-citation') ?? ''), (c) => c !== '', 'a citation');
    expect(citation).toContain(`自分のライブラリ：${FILES[2].name}`);
    await viewer.close();
    await page.close();
  });

  it('removing one takes it out of every search and leaves the others', async () => {
    const page = await options();
    await page.evaluate((title) => {
      const row = [...document.querySelectorAll('.meetings tr')].find((tr) => tr.textContent?.includes(title))!;
      row.querySelector<HTMLButtonElement>('button.remove')!.click();
    }, FILES[0].title);
    await waitFor(() => storedTitles(page), (t) => !t.includes(FILES[0].title), 'removed');
    await page.close();
    const gone = await search(FILES[0].word);
    expect(gone.hits).toEqual([]);
    await gone.page.close();
    for (const f of FILES.slice(1)) {
      const { page: results, hits } = await search(f.word);
      expect(hits[0]?.yours).toBe(true);
      await results.close();
    }
  });
});
