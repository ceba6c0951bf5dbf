/**
 * Figures measured in Firefox ESR with the built Firefox package, as the
 * Chromium ones are (./browser.ts): the content script's main-thread time on
 * the same 30 KB article and 1 MB page (its own slices, as it reports them),
 * and the popover from the pointer at rest to painted results, warm. Firefox
 * has no service worker to stop (the background is a page that stays), so
 * there is no cold figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { puppeteerDriven } from '../../tests/browser/firefox/drivers';
import { FIREFOX_EXTENSION_DIR, launchFirefox, type FirefoxExtension } from '../../tests/browser/firefox/harness';
import { restOn } from '../../tests/browser/support/page';
import { startServer } from '../../tests/browser/support/server';
import { pageOf } from './browser';
import { median, round } from './measure';

const RUNS = 3;
const POPOVER_RUNS = 5;
const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

export interface FirefoxFigures {
  version: string;
  article: { bytes: number; totalMs: number; longestMs: number; slices: number };
  big: { bytes: number; totalMs: number; longestMs: number; slices: number };
  popover: { warmMs: number; runs: number };
}

/** Loads `url` in a new tab, waits for the first scan to finish, and reports the content script's work. */
async function scanWork(ff: FirefoxExtension, url: string) {
  const page = await ff.newPage(url);
  for (;;) {
    const state = await ff.contentState(page);
    if (state.scans >= 1 && !state.busy) {
      await page.close();
      return state.work;
    }
    await sleep(50);
  }
}

/** Rests the pointer on the `n`th marked term and returns the content script's own time to painted results. */
async function popoverLatency(ff: FirefoxExtension, page: Page, n: number): Promise<number> {
  const before = await ff.contentState(page);
  const text = before.marked[n % before.marked.length]!.text;
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
  await restOn(puppeteerDriven(page), text);
  for (;;) {
    const state = await ff.contentState(page);
    if (state.popover.opened > before.popover.opened && state.popover.lastMs !== null) return state.popover.lastMs;
    await sleep(50);
  }
}

export async function firefoxFigures(): Promise<FirefoxFigures> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    const build = spawnSync('npm', ['run', 'build:firefox'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build:firefox failed');
  }
  const article = pageOf(30 * 1024, 'テレワークとIoTのセキュリティ');
  const big = pageOf(1024 * 1024, '議事録の抜粋');
  const server = await startServer({ routes: { '/article.html': { body: article }, '/big.html': { body: big } } });
  const ff = await launchFirefox();
  try {
    const measure = async (path: string) => {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await scanWork(ff, server.url(path)));
      return {
        totalMs: round(median(runs.map((r) => r.totalMs))),
        longestMs: round(median(runs.map((r) => r.longestMs))),
        slices: Math.round(median(runs.map((r) => r.slices))),
      };
    };
    const articleWork = await measure('/article.html');
    const bigWork = await measure('/big.html');

    const page = await ff.newPage(server.url('/article.html'));
    for (let s = await ff.contentState(page); s.busy || s.marked.length === 0; s = await ff.contentState(page)) await sleep(50);
    await popoverLatency(ff, page, 0); // the first lookup loads the index: not "warm"
    const warm: number[] = [];
    for (let i = 1; i <= POPOVER_RUNS; i++) warm.push(await popoverLatency(ff, page, i));
    return {
      version: (await ff.browser.version()).replace(/^firefox\//i, ''),
      article: { bytes: Buffer.byteLength(article), ...articleWork },
      big: { bytes: Buffer.byteLength(big), ...bigWork },
      popover: { warmMs: round(median(warm)), runs: POPOVER_RUNS },
    };
  } finally {
    await ff.close().catch(() => undefined);
    await server.close();
  }
}
