/**
 * Figures measured in Chromium with the built extension: the content script's
 * main-thread time on a 30 KB article and on a page of 1 MB of text (its own
 * slices, as it reports them), popover latency from the pointer at rest to
 * painted results, with the service worker warm and after it was stopped, then
 * query latency in the real side panel, and last the live heap of the service
 * worker and of the side panel after all that use.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ContentState } from '../../lib/messaging/protocol';
import { EXTENSION_DIR, contentState, launchWithExtension, startServer, textCentre, type ExtensionBrowser } from '../../tests/browser/harness';
import { connectOverDebugPort, extensionHeaps, type HeapFigure } from './heap';
import { median, round } from './measure';
import { openBenchPanel, panelQueryLatency, type PanelFigures } from './panel';

const RUNS = 3;
const POPOVER_RUNS = 5;
/**
 * heapBytes: the "≤ 20 MB heap for background and side panel".
 * panelQueryP95Ms is ours, no target is stated: a reply within 100 ms reads as
 * immediate (RAIL's response budget), on top of the deliberate debounce.
 */
export const BROWSER_TARGET = {
  // Issue 13: "≤ 10 ms of main-thread work on the 31 KB article" (issue 5 had asked 5 ms).
  articleMs: 10,
  bigTotalMs: 100,
  bigLongestMs: 50,
  popoverWarmMs: 30,
  popoverColdMs: 250,
  panelQueryP95Ms: 100,
  heapBytes: 20_000_000,
};

/** Paragraphs of real minutes text (terms included), as an article would quote them. */
function paragraphs(): string[] {
  const seeds = ['seeds/soumu-cstf-24.txt', 'seeds/soumu-cstf-06.txt', 'seeds/meti-wg3-02.txt'];
  return seeds
    .flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 80 && !/[<>&]/.test(p));
}

/** An HTML page of about `bytes` of UTF-8 text, in paragraphs under headings. */
export function pageOf(bytes: number, title: string): string {
  const source = paragraphs();
  const body: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = source[i % source.length]!;
    if (i % 12 === 0) body.push(`<h2>第${i / 12 + 1}節</h2>`);
    // Numbered, so no two paragraphs are the same text (the content script caches repeated texts).
    body.push(`<p>（${i + 1}）${p}</p>`);
    size += Buffer.byteLength(p);
  }
  return `<!doctype html><html lang="ja"><meta charset="utf-8"><title>${title}</title><body><article><h1>${title}</h1>${body.join('\n')}</article></body></html>`;
}

/** The running service worker (a stopped one is replaced by a new one on the next message). */
const worker = (b: ExtensionBrowser) => b.context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://')).at(-1) ?? b.serviceWorker;

export const stateOf = (b: ExtensionBrowser, page: Page): Promise<ContentState> => contentState(worker(b), page);

/** Waits for the first scan to finish, then reports the content script's work on the page. */
async function scanWork(b: ExtensionBrowser, url: string) {
  const page = await b.context.newPage();
  await page.goto(url);
  for (;;) {
    const state = await stateOf(b, page);
    if (state.scans >= 1 && !state.busy) {
      await page.close();
      return state.work;
    }
    await page.waitForTimeout(50);
  }
}

/**
 * Opens an article, waits for its marks, then the popover's median latency over
 * POPOVER_RUNS terms with the worker running (warm) and stopped first (cold).
 * The first lookup loads the index, so it counts as neither; a last one leaves
 * the worker holding the index, for a heap read after.
 */
export async function popoverFigures(b: ExtensionBrowser, page: Page, url: string): Promise<{ warmMs: number; coldMs: number; runs: number }> {
  await page.goto(url);
  while ((await stateOf(b, page)).busy || (await stateOf(b, page)).marked.length === 0) await page.waitForTimeout(50);
  await popoverLatency(b, page, 0);
  const warm: number[] = [];
  const cold: number[] = [];
  for (let i = 1; i <= POPOVER_RUNS; i++) warm.push(await popoverLatency(b, page, i));
  for (let i = 1; i <= POPOVER_RUNS; i++) cold.push(await popoverLatency(b, page, i, true));
  await popoverLatency(b, page, 0);
  return { warmMs: round(median(warm)), coldMs: round(median(cold)), runs: POPOVER_RUNS };
}

/** Rests the pointer on the `n`th marked term and waits for its popover's painted results. */
export async function popoverLatency(b: ExtensionBrowser, page: Page, n: number, stopWorkerFirst = false): Promise<number> {
  const before = await stateOf(b, page);
  const text = before.marked[n % before.marked.length]!.text;
  if (stopWorkerFirst) await stopServiceWorker(b, page);
  const at = await textCentre(page, text);
  await page.keyboard.press('Escape');
  await page.mouse.move(at.x - 60, at.y + 80);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  // A popover that answered (one with an error is not counted): never a figure for a failure.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = await stateOf(b, page);
    if (state.popover.opened > before.popover.opened && state.popover.lastMs !== null) return state.popover.lastMs;
    if (Date.now() > deadline) throw new Error(`no popover answered for ${text}: is the index loading?`);
    await page.waitForTimeout(50);
  }
}

async function stopServiceWorker(b: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

export interface BrowserFigures {
  article: { bytes: number; totalMs: number; longestMs: number; slices: number };
  big: { bytes: number; totalMs: number; longestMs: number; slices: number };
  popover: { warmMs: number; coldMs: number; runs: number };
  panel: PanelFigures;
  /** After the popovers and the panel's queries, each after a forced GC. */
  heap: { serviceWorker: HeapFigure; sidePanel: HeapFigure };
}

export async function browserFigures(): Promise<BrowserFigures> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const article = pageOf(30 * 1024, 'テレワークとIoTのセキュリティ');
  const big = pageOf(1024 * 1024, '議事録の抜粋');
  const server = await startServer({ routes: { '/article.html': { body: article }, '/big.html': { body: big } } });
  // The debugging port (written to the profile's DevToolsActivePort) is how the side panel's page is reached.
  const b = await launchWithExtension({ args: ['--remote-debugging-port=0'] });
  try {
    return await measureAll(b, server.url.bind(server), article, big);
  } finally {
    await b.close().catch(() => undefined);
    await server.close();
  }
}

async function measureAll(b: ExtensionBrowser, url: (path: string) => string, article: string, big: string): Promise<BrowserFigures> {
  {
    const measure = async (path: string) => {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await scanWork(b, url(path)));
      return {
        totalMs: round(median(runs.map((r) => r.totalMs))),
        longestMs: round(median(runs.map((r) => r.longestMs))),
        slices: Math.round(median(runs.map((r) => r.slices))),
      };
    };
    const articleWork = await measure('/article.html');
    const bigWork = await measure('/big.html');

    const popover = await popoverFigures(b, await b.context.newPage(), url('/article.html'));

    const { connection, panel } = await openBenchPanel(b);
    try {
      const panelFigures = await panelQueryLatency(panel);
      const heaps = await extensionHeaps(connection, b.extensionId, '/sidepanel.html');
      return {
        article: { bytes: Buffer.byteLength(article), ...articleWork },
        big: { bytes: Buffer.byteLength(big), ...bigWork },
        popover,
        panel: panelFigures,
        heap: { serviceWorker: heaps.serviceWorker, sidePanel: heaps.page },
      };
    } finally {
      await connection.close().catch(() => undefined);
    }
  }
}

export interface HundredfoldFigures {
  meetings: number;
  /** The popover after the browser stopped the service worker, which then loads the 100× index again. */
  popoverColdMs: number;
  popoverWarmMs: number;
  runs: number;
  /** The service worker's JS heap with the 100× index loaded, after a forced GC, its ArrayBuffers included (the index's columns and texts live there). */
  serviceWorkerBytes: number;
  /** Of which JS objects / ArrayBuffer backing stores. */
  serviceWorkerHeapBytes: number;
  serviceWorkerBufferBytes: number;
}

/**
 * The extension with the 100× index as its shipped asset (a copy of the
 * build with the asset replaced): what a library grown to 500 meetings costs
 * the popover when the service worker starts cold, and its heap.
 */
export async function hundredfoldFigures(asset: Uint8Array, meetings: number): Promise<HundredfoldFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-100x-'));
  const extensionDir = join(dir, 'extension');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  writeFileSync(join(extensionDir, 'data', 'minutes-index.bin'), asset);
  const server = await startServer({ routes: { '/article.html': { body: pageOf(30 * 1024, 'テレワークとIoTのセキュリティ') } } });
  const b = await launchWithExtension({ extensionDir, args: ['--remote-debugging-port=0'] });
  try {
    const popover = await popoverFigures(b, await b.context.newPage(), server.url('/article.html'));
    const connection = await connectOverDebugPort(b.userDataDir);
    try {
      const { serviceWorker } = await extensionHeaps(connection, b.extensionId);
      return {
        meetings, popoverColdMs: popover.coldMs, popoverWarmMs: popover.warmMs, runs: popover.runs,
        serviceWorkerBytes: serviceWorker.usedBytes + serviceWorker.bufferBytes,
        serviceWorkerHeapBytes: serviceWorker.usedBytes,
        serviceWorkerBufferBytes: serviceWorker.bufferBytes,
      };
    } finally {
      await connection.close().catch(() => undefined);
    }
  } finally {
    await b.close().catch(() => undefined);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
