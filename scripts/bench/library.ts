/**
 * The reader's library in Chromium with the built extension: a 100-page PDF
 * imported on the options page (the time, and the longest task on the options
 * page and the open side panel meanwhile), then a library of 200 generated
 * meetings (import time, side-panel search, popovers, heaps).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { extractDocument } from '../../lib/extract/extract';
import { launchWithExtension, startServer, type ExtensionBrowser } from '../../tests/browser/harness';
import { startPrinter } from '../../tests/formats/printer';
import { printPage } from '../../tests/formats/publish';
import { nodeExtractEnv } from '../node/extract-env';
import { SEED_DIR } from '../node/index-file';
import { minutesFilesIn } from '../node/minutes-files';
import { pageOf, popoverFigures } from './browser';
import { extensionHeaps, type HeapFigure } from './heap';
import { median, round } from './measure';
import { openBenchPanel, panelQueryLatency, type PanelFigures } from './panel';

const LIBRARY_MEETINGS = 200;
const LONG_PDF_PAGES = 100;
export const LIBRARY_TARGET = { longestTaskMs: 50, panelP95Ms: 30, heapBytes: 40_000_000 };

export interface LibraryFigures {
  pdf: { pages: number; bytes: number; importMs: number; longestTaskMs: { options: number; sidePanel: number } };
  library: {
    meetings: number;
    importMs: number;
    panel: PanelFigures;
    popover: { warmMs: number; coldMs: number; runs: number };
    heap: { serviceWorker: HeapFigure; sidePanel: HeapFigure };
  };
}

const seedTexts = () => minutesFilesIn(SEED_DIR).map((f) => readFileSync(f, 'utf8'));
const bodyOf = (text: string) => text.slice(text.search(/\n(?:#+\s*)?[0-9０-９]?[.．\s]*議事(?:概要|内容|要旨)|\n◆|\n### /) + 1);

/** One long meeting: a header, then the seeds' proceedings again and again, numbered so no two paragraphs repeat. */
function longMinutes(rounds: number): string {
  const head = '情報セキュリティ政策会議 合同検討会（第1回）議事録\n\n1. 日時：令和4年6月1日（水）10:00～17:00\n2. 場所：中央合同庁舎第4号館\n\n3. 議事内容\n';
  const parts: string[] = [head];
  for (let r = 0; r < rounds; r++) {
    for (const text of seedTexts()) parts.push(`\n(${parts.length}) 第${r + 1}部の議論\n\n${bodyOf(text).replace(/。/g, `。`)}\n（以上、第${r + 1}部・${parts.length}）`);
  }
  return parts.join('\n');
}

/** Meeting k of the generated library: a seed under another number and date, with a closing line of its own. */
function generated(k: number): string {
  const texts = seedTexts();
  const text = texts[k % texts.length]!;
  const year = 2021 + (k % 5);
  return `${text.replace(/第\s*(\d+)\s*回/, (_, n: string) => `第${Number(n) + 100 + k}回`).replace(/(平成|令和)\s*[0-9０-９元]+\s*年/, `${year}年`)}\n\n（生成した議事録 ${k}）\n`;
}

/**
 * Long tasks (≥ 50 ms, the Long Tasks API) and the longest gap between
 * frames, recorded in a page from now on. Plain source text: a callback would
 * carry the bundler's name helpers into the page.
 */
const WATCH_TASKS = `(() => {
  const t = (globalThis.__tasks = { long: [], gap: 0 });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) t.long.push(e.duration); }).observe({ type: 'longtask' });
  let last = performance.now();
  const frame = (now) => { t.gap = Math.max(t.gap, now - last); last = now; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})()`;

async function watchTasks(page: Page): Promise<void> {
  await page.evaluate(WATCH_TASKS);
}

/** The longest task seen: a long task's own duration, else the longest frame gap less one frame (a task under 50 ms). */
const longestTask = (page: Page) =>
  page.evaluate(() => {
    const t = (globalThis as unknown as { __tasks: { long: number[]; gap: number } }).__tasks;
    return t.long.length ? Math.max(...t.long) : Math.max(0, t.gap - 1000 / 60);
  });

async function importFiles(options: Page, files: string[], expected: number): Promise<number> {
  const before = await options.locator('.job').count();
  const t0 = performance.now();
  await options.setInputFiles('input[name="library-files"]', files);
  await options.waitForFunction((n) => document.querySelectorAll('.job.added, .job.refused').length >= n, before + expected, { timeout: 600_000, polling: 100 });
  const ms = performance.now() - t0;
  const refused = await options.locator('.job.refused').allInnerTexts();
  if (refused.length) throw new Error(`the bench's files were refused: ${refused.join(' / ')}`);
  return ms;
}

export async function libraryFigures(): Promise<LibraryFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-library-'));
  const server = await startServer({ routes: { '/article.html': { body: pageOf(30 * 1024, 'テレワークとIoTのセキュリティ') } } });
  let b: ExtensionBrowser | undefined;
  try {
    // The 100-page PDF, printed as a ministry would.
    const printer = await startPrinter();
    let pdf: Uint8Array;
    let pages = 0;
    try {
      for (let rounds = 3; pages < LONG_PDF_PAGES; rounds++) {
        pdf = await printer.pdf(printPage(longMinutes(rounds), { header: '合同検討会 資料', numbers: 'dashes' }));
        pages = (await extractDocument(pdf, 'long.pdf', nodeExtractEnv)).pages ?? 0;
      }
    } finally {
      await printer.close();
    }
    writeFileSync(join(dir, 'long-minutes.pdf'), pdf!);
    const meetings = Array.from({ length: LIBRARY_MEETINGS }, (_, k) => {
      const file = join(dir, `generated-${String(k).padStart(3, '0')}.txt`);
      writeFileSync(file, generated(k));
      return file;
    });

    b = await launchWithExtension({ args: ['--remote-debugging-port=0'] });
    const { connection, panel } = await openBenchPanel(b);
    try {
      const options = await b.context.newPage();
      await options.goto(`chrome-extension://${b.extensionId}/options.html`);
      await options.locator('.library .usage').waitFor();
      await watchTasks(options);
      await watchTasks(panel);
      const pdfMs = await importFiles(options, [join(dir, 'long-minutes.pdf')], 1);
      const pdfFigures = {
        pages,
        bytes: pdf!.length,
        importMs: round(pdfMs, 0),
        longestTaskMs: { options: round(await longestTask(options), 1), sidePanel: round(await longestTask(panel), 1) },
      };
      options.on('dialog', (d) => void d.accept().catch(() => undefined));
      // The list shows the PDF's meeting once the page has heard back; only then is there anything to remove.
      await options.locator('.meetings tbody tr').first().waitFor({ timeout: 60_000 });
      await options.locator('button.remove-all').click();
      await options.locator('.library .empty').waitFor({ timeout: 60_000 });

      const libraryMs = await importFiles(options, meetings, meetings.length);
      await options.close();
      const panelFigures = await panelQueryLatency(panel);

      const article = await b.context.newPage();
      const popover = await popoverFigures(b, article, server.url('/article.html'));
      await article.close();
      const heaps = await extensionHeaps(connection, b.extensionId, '/sidepanel.html');
      return {
        pdf: pdfFigures,
        library: {
          meetings: meetings.length,
          importMs: round(libraryMs, 0),
          panel: panelFigures,
          popover,
          heap: { serviceWorker: heaps.serviceWorker, sidePanel: heaps.page },
        },
      };
    } finally {
      await connection.close().catch(() => undefined);
    }
  } finally {
    await b?.close().catch(() => undefined);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
