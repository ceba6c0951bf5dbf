/**
 * Side-panel query latency in the real Chrome side panel: from the panel
 * sending its search to the background until the first frame painted with the
 * results. The panel waits SEARCH_DEBOUNCE_MS after the last keystroke before
 * it sends; that wait is a choice, not a cost, so it is left out: the clock
 * starts when the request leaves (and, as a check, at the input event, less
 * the debounce constant).
 */
import type { Browser, Page } from 'playwright-core';
import { SEARCH_DEBOUNCE_MS } from '../../lib/limits';
import { openSidePanel, type ExtensionBrowser } from '../../tests/browser/harness';
import { median, percentile, round } from './measure';

/** Queries the minutes answer (each checked with `npm run lens -- search`), in an order where no two neighbours repeat. */
export const PANEL_QUERIES = ['テレワーク', 'IoT', 'サイバー保険', 'ISAC', 'サプライチェーン', 'ゼロトラスト', '脆弱性'];
/** Passes over PANEL_QUERIES: 3 × 7 = 21 samples, enough for a p95 that is not the maximum. */
export const PANEL_ROUNDS = 3;
/** Untimed first query: the panel's first render of a hit list runs its code cold. */
const WARM_UP_QUERY = 'セキュリティ';
const ANSWER_TIMEOUT_MS = 10_000;

export interface PanelFigures {
  queries: number;
  /** Request sent → results painted. */
  p50Ms: number;
  p95Ms: number;
  /** Input event → results painted, less SEARCH_DEBOUNCE_MS: also counts the render and effect that start the debounce timer, and its lateness. */
  fromInputP50Ms: number;
  debounceMs: number;
  /** Fewest hits any timed query showed (0 would mean a query measured an empty answer). */
  minHits: number;
}

/** One search as the probe in the panel saw it. */
interface Sample {
  query: string;
  fromRequestMs: number;
  fromInputMs: number;
  hits: number;
}

/** Opens the side panel the way a reader does, chrome.sidePanel.open() inside a click, and reaches its page over CDP. */
export async function openBenchPanel(b: ExtensionBrowser): Promise<{ connection: Browser; panel: Page }> {
  const opener = await b.context.newPage();
  await opener.goto(`chrome-extension://${b.extensionId}/search.html`);
  const found = await openSidePanel(opener, b.userDataDir);
  // The extension's pages share one renderer process, so one V8 isolate, and a
  // page's heap figure is the isolate's: with the opener (a search page too)
  // still open it would count both apps. The panel stays, it belongs to the window.
  await opener.close();
  // Neither a locator nor waitForFunction: see search() on keeping Playwright's injected script out of the panel.
  await found.panel.evaluate(async (timeoutMs) => {
    const deadline = performance.now() + timeoutMs;
    while (!document.querySelector('input[type="search"]')) {
      if (performance.now() > deadline) throw new Error('the side panel shows no search box');
      await new Promise((wake) => setTimeout(wake, 50));
    }
  }, ANSWER_TIMEOUT_MS);
  return found;
}

/**
 * Installs the probe in the panel's page. It wraps runtime.sendMessage (the
 * same object as `browser.runtime`, which the panel calls at each search) to
 * note when a `lens/search` leaves, and a MutationObserver that, once `main`
 * is no longer aria-busy (the panel sets it in the very render that shows an
 * answer for the current query), waits for the next paint the way the
 * popover's own stats do: a message posted from a requestAnimationFrame
 * callback arrives just after that frame is painted.
 */
async function installProbe(panel: Page): Promise<void> {
  // No named function inside: tsx wraps those in a __name() helper that the page does not have.
  await panel.evaluate(() => {
    type Probe = { inputAt: number; sent: { query: string; at: number; inputAt: number } | null; samples: unknown[]; onSample: (() => void) | null };
    const g = globalThis as unknown as { __benchProbe?: Probe; chrome: { runtime: { sendMessage: (...a: unknown[]) => unknown } } };
    if (g.__benchProbe) return;
    const probe: Probe = { inputAt: 0, sent: null, samples: [], onSample: null };
    g.__benchProbe = probe;
    document.addEventListener('input', () => void (probe.inputAt = performance.now()), true);
    const runtime = g.chrome.runtime;
    const send = runtime.sendMessage;
    runtime.sendMessage = (...args: unknown[]) => {
      const m = args[0] as { type?: string; payload?: { query?: string } } | undefined;
      if (m?.type === 'lens/search') probe.sent = { query: m.payload?.query ?? '', at: performance.now(), inputAt: probe.inputAt };
      return send.apply(runtime, args);
    };
    new MutationObserver(() => {
      const sent = probe.sent;
      if (sent === null || document.querySelector('main')?.getAttribute('aria-busy') !== 'false') return;
      probe.sent = null;
      const hits = document.querySelectorAll('.hits [role="option"]').length;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const now = performance.now();
          probe.samples.push({ query: sent.query, fromRequestMs: now - sent.at, fromInputMs: now - sent.inputAt, hits });
          channel.port1.close();
          probe.onSample?.();
        };
        channel.port2.postMessage(null);
      });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * Types `query` over the box's text, as one insertion through CDP's Input
 * domain (one input event, as a paste or an IME commit makes), and waits for
 * the probe's sample of its answer. Not locator.fill(): locators load
 * Playwright's injected script into the page, about 0.7 MB of heap that the
 * panel's heap figure would count.
 */
async function search(panel: Page, query: string): Promise<Sample> {
  await panel.evaluate(() => document.querySelector<HTMLInputElement>('input[type="search"]')!.select());
  await panel.keyboard.insertText(query);
  // One evaluate that resolves when the sample is in, rather than polling the panel while it works.
  return panel.evaluate(
    ({ query, timeoutMs }) =>
      new Promise<Sample>((resolve, reject) => {
        const probe = (globalThis as unknown as { __benchProbe: { samples: Sample[]; onSample: (() => void) | null } }).__benchProbe;
        const timer = setTimeout(() => reject(new Error(`no painted answer for ${query}`)), timeoutMs);
        probe.onSample = () => {
          const at = probe.samples.findIndex((s) => s.query === query);
          if (at < 0) return;
          clearTimeout(timer);
          probe.onSample = null;
          resolve(probe.samples.splice(at, 1)[0]!);
        };
        probe.onSample();
      }),
    { query, timeoutMs: ANSWER_TIMEOUT_MS },
  );
}

/** Query latency in the open panel, warm: after an untimed first query. */
export async function panelQueryLatency(panel: Page): Promise<PanelFigures> {
  await installProbe(panel);
  await search(panel, WARM_UP_QUERY);
  const samples: Sample[] = [];
  for (let pass = 0; pass < PANEL_ROUNDS; pass++) for (const q of PANEL_QUERIES) samples.push(await search(panel, q));
  const fromRequest = samples.map((s) => s.fromRequestMs);
  return {
    queries: samples.length,
    p50Ms: round(median(fromRequest)),
    p95Ms: round(percentile(fromRequest, 0.95)),
    fromInputP50Ms: round(median(samples.map((s) => s.fromInputMs)) - SEARCH_DEBOUNCE_MS),
    debounceMs: SEARCH_DEBOUNCE_MS,
    minHits: Math.min(...samples.map((s) => s.hits)),
  };
}
