/**
 * The content script's main-thread work on the bench's 31 KB article, for two
 * builds of the extension measured in turn: this machine's figures move by a
 * third from one run to the next, so only runs interleaved on the same machine
 * compare. Each build runs in its own Chromium; the article is loaded in one,
 * then the other, `rounds` times.
 *
 *   npx tsx scripts/bench/content-ab.ts OLD_DIR NEW_DIR [rounds] [KiB]
 *
 * Prints each build's median and quartiles of `work.totalMs` (set-up and
 * every scan slice, as the content script reports it) and `longestMs`. KiB
 * (default 30, the bench's article) sizes the page; 1024 is the bench's big one.
 */
import type { Page } from 'playwright-core';
import { contentState, launchWithExtension, startServer, type ExtensionBrowser } from '../../tests/browser/harness';
import { pageOf } from './browser';
import { percentile, round } from './measure';

async function work(b: ExtensionBrowser, url: string) {
  const page: Page = await b.context.newPage();
  await page.goto(url);
  for (;;) {
    const state = await contentState(b.serviceWorker, page);
    if (state.scans >= 1 && !state.busy) {
      await page.close();
      return state.work;
    }
    await page.waitForTimeout(50);
  }
}

async function main(): Promise<void> {
  const [oldDir, newDir, roundsArg, kibArg] = process.argv.slice(2);
  if (!oldDir || !newDir) throw new Error('usage: content-ab.ts OLD_DIR NEW_DIR [rounds] [KiB]');
  const rounds = Number(roundsArg ?? 15);
  const article = pageOf(Number(kibArg ?? 30) * 1024, 'テレワークとIoTのセキュリティ');
  const server = await startServer({ routes: { '/article.html': { body: article } } });
  const builds = { old: await launchWithExtension({ extensionDir: oldDir }), new: await launchWithExtension({ extensionDir: newDir }) };
  const runs: Record<keyof typeof builds, { totalMs: number; longestMs: number }[]> = { old: [], new: [] };
  try {
    // One untimed load each: the first page of a fresh browser also pays for the browser's own start.
    for (const b of Object.values(builds)) await work(b, server.url('/article.html'));
    for (let i = 0; i < rounds; i++) {
      // Alternate which goes first, so neither always follows the other's load.
      const order = i % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const);
      for (const name of order) runs[name].push(await work(builds[name], server.url('/article.html')));
    }
  } finally {
    await Promise.all(Object.values(builds).map((b) => b.close()));
    await server.close();
  }
  for (const name of ['old', 'new'] as const) {
    const total = runs[name].map((r) => r.totalMs);
    const longest = runs[name].map((r) => r.longestMs);
    console.log(
      `${name}: total p25/p50/p75 ${round(percentile(total, 0.25))} / ${round(percentile(total, 0.5))} / ${round(percentile(total, 0.75))} ms, ` +
        `longest p50 ${round(percentile(longest, 0.5))} ms (${rounds} runs; all: ${total.map((t) => round(t, 1)).join(' ')})`,
    );
  }
}

await main();
