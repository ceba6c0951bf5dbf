/**
 * Privacy, proven: while the extension does its work on a page (marks terms,
 * opens a popover of remarks, opens a passage in the viewer, searches in the
 * real side panel and on the search page, imports files into the reader's
 * library, searches them and opens one), every request the browser makes
 * goes either to the fixture server for the page we loaded, or to the
 * extension's own packaged files. Nothing else: no other host, no other scheme,
 * no websocket.
 *
 * The requests are recorded in three layers, each covering what the one before
 * can not see:
 *
 * 1. Playwright's own connection: `context.on('request')` for every tab (the
 *    fixture page, the viewer tab, the search tab) and for the background
 *    service worker (Playwright enables Network on service workers; its fetch
 *    of the index arrives here, with `request.serviceWorker()` set), plus
 *    `page.on('websocket')` for each tab.
 * 2. The side panel, which Playwright's connection never attaches (see
 *    sidepanel.browser.test.ts): a second connection over CDP reaches its page
 *    once open; what it loaded before that, by its Resource Timing entries
 *    (http(s) fetches only), then a reload the connection's `request` events
 *    see from the start. The viewer tab, opened by the background, starts
 *    loading before Playwright attaches to it: the same, on the first
 *    connection.
 * 3. Chromium's NetLog (--log-net-log), written by the network stack for every
 *    process: every http(s)/ws(s) request, whoever asked, with the origin that
 *    initiated it. Extension files (chrome-extension://) never reach it;
 *    everything that leaves the browser does. Chromium's own services (the
 *    account check, the component updater) also appear there; they have no
 *    initiating origin and no frame, and are listed, not judged.
 *
 * The recorder is shown to work by the extension's own requests (non-empty,
 * the index asset among them). When it was written, requests to
 * http://127.0.0.2:9/ added for the purpose were caught from the page, a
 * content script, the service worker (fetch and WebSocket), the side panel
 * (while loading and after) and the search page (sendBeacon).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import type { ContentState } from '../../lib/messaging/protocol';
import { INDEX_ASSET_PATH } from '../../lib/search/schema';
import { officePdf } from '../formats/office-pdf';
import { webPage } from '../formats/publish';
import { CHROMIUM_ARGS, languageOptions, CHROMIUM_PATH, EXTENSION_DIR, connectToSidePanel, contentState, startServer, textCentre, type TestServer } from './harness';

const DIALOG = 'minutes-lens-root [role=dialog]';
const ARTICLE = '/article-ja.html';

interface Recorded {
  url: string;
  /** Which recorder saw it, and from where: `page …`, `service-worker`, `cdp-connection …`, `… resource timing`, `netlog …`, `chromium-own`. */
  via: string;
}

describe('privacy: no request leaves the extension and the page it reads', () => {
  let server: TestServer;
  let userDataDir: string;
  let netLog: string;
  let context: BrowserContext | undefined;
  let cdp: Browser | undefined;
  let extensionId: string;
  let serviceWorker: Worker;
  const recorded: Recorded[] = [];
  const record = (url: string, via: string) => void recorded.push({ url, via });

  beforeAll(async () => {
    server = await startServer();
    userDataDir = await mkdtemp(join(tmpdir(), 'minutes-lens-privacy-'));
    netLog = join(userDataDir, 'netlog.json');
    context = await chromium.launchPersistentContext(join(userDataDir, 'profile'), {
      executablePath: CHROMIUM_PATH,
      headless: false, // --headless=new in CHROMIUM_ARGS
      env: languageOptions().env,
      locale: languageOptions().locale,
      args: [
        ...CHROMIUM_ARGS,
        ...languageOptions().args,
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--remote-debugging-port=0', // for the side panel's connection
        `--log-net-log=${netLog}`,
      ],
    });
    // Layer 1, before anything of ours runs: tabs and the service worker.
    context.on('request', (request) => {
      const worker = request.serviceWorker();
      // A dedicated worker's request (the library's import worker) may have no frame to name.
      let from = 'worker';
      try {
        from = `page ${request.frame().page().url()}`;
      } catch {
        // keep 'worker'
      }
      record(request.url(), worker ? `service-worker` : from);
    });
    const watchSockets = (page: Page) => page.on('websocket', (ws) => record(ws.url(), `websocket ${page.url()}`));
    context.pages().forEach(watchSockets);
    context.on('page', watchSockets);

    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
    serviceWorker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
    extensionId = new URL(serviceWorker.url()).host;
  });

  afterAll(async () => {
    await cdp?.close().catch(() => {});
    await context?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    await server?.close();
  });

  // ------------------------------------------------------------ helpers (as in terms / sidepanel tests)

  const stateOf = (page: Page): Promise<ContentState> => contentState(serviceWorker, page);

  const waitForMarked = async (page: Page, termId: string): Promise<void> => {
    const deadline = Date.now() + 10_000;
    while (!(await stateOf(page)).marked.some((m) => m.termId === termId)) {
      if (Date.now() > deadline) throw new Error(`${termId} not marked in time`);
      await page.waitForTimeout(100);
    }
  };

  /** Moves the pointer onto the first `text` and waits for its popover and its remarks. */
  const hover = async (page: Page, text: string) => {
    await page.mouse.move(1, 1);
    await page.locator('minutes-lens-root').waitFor({ state: 'detached', timeout: 3_000 });
    const at = await textCentre(page, text);
    await page.mouse.move(at.x - 40, at.y + 60);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await page.locator(DIALOG).waitFor({ timeout: 5_000 });
    await page.locator(`${DIALOG} ol li`).first().waitFor({ timeout: 10_000 });
  };

  /**
   * The page a request came from. A navigation can be reported before its frame
   * exists (Playwright then throws), and a worker's request has no frame: the
   * request is still recorded, under what can be said of it.
   */
  const requester = (request: Request): string => {
    try {
      return request.frame().page()?.url() ?? 'no page';
    } catch {
      return request.isNavigationRequest() ? 'navigation before its frame' : 'no frame';
    }
  };

  /** Layer 2: the side panel's page, over a second CDP connection, once it is open. */
  const findPanel = async (): Promise<Page> => {
    const found = await connectToSidePanel(join(userDataDir, 'profile'), cdp);
    cdp = found.connection;
    // This connection sees every page, the panel among them; the tabs arrive twice.
    found.panel.context().on('request', (request) => record(request.url(), `cdp-connection ${requester(request)}`));
    found.panel.on('websocket', (ws) => record(ws.url(), 'websocket side panel'));
    return found.panel;
  };

  /** What a document loaded, by its own account: its URL and every resource it fetched. */
  const resourcesOf = (page: Page) =>
    page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)]);

  /**
   * Layer 3: every request in Chromium's NetLog (read once Chromium has closed it), as
   * URL_REQUEST_START_JOB events: the URL, who initiated it (an origin, or "not an origin"
   * for the browser itself) and what for (main frame, sub frame, other).
   */
  const readNetLog = async (): Promise<{ requests: { url: string; initiator: string; type: string }[]; events: number }> => {
    let text = await readFile(netLog, 'utf8');
    type Event = { type: number; params?: { url?: string; initiator?: string; request_type?: string } };
    let log: { constants: { logEventTypes: Record<string, number> }; events?: Event[] };
    try {
      log = JSON.parse(text);
    } catch {
      // Written as `{"constants":…,"events":[ … ]}`; a log cut short lacks the closing brackets.
      text = text.trimEnd().replace(/,$/, '');
      log = JSON.parse(`${text}]}`);
    }
    const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
    expect(start, 'NetLog event type URL_REQUEST_START_JOB').toBeTypeOf('number');
    const requests = (log.events ?? [])
      .filter((e) => e.type === start && typeof e.params?.url === 'string')
      .map((e) => ({ url: e.params!.url!, initiator: e.params!.initiator ?? '', type: e.params!.request_type ?? '' }));
    return { requests, events: log.events?.length ?? 0 };
  };

  // ------------------------------------------------------------ the test

  it('makes no request but to the page it reads and its own packaged files', async () => {
    const ctx = context!;
    const started = Date.now();
    const ext = `chrome-extension://${extensionId}`;

    // A Japanese article: terms marked, a popover of remarks on hover.
    const article = await ctx.newPage();
    await article.goto(server.url(ARTICLE));
    await waitForMarked(article, 'telework');
    await hover(article, 'テレワーク');

    // The passage, from the popover, in the viewer tab.
    const [viewer] = await Promise.all([
      ctx.waitForEvent('page', { timeout: 10_000 }),
      article.locator(`${DIALOG} ol li`).first().getByRole('button', { name: '原文を開く' }).click(),
    ]);
    await viewer.waitForURL(/\/viewer\.html/);
    await viewer.locator('[aria-current="true"]').waitFor({ timeout: 10_000 });
    // Opened by the background, the tab starts loading before Playwright attaches to it: ask the
    // document what it loaded, then load it again in full view of the recorder.
    for (const url of await resourcesOf(viewer)) record(url, 'viewer resource timing');
    await viewer.reload();
    await viewer.locator('[aria-current="true"]').waitFor({ timeout: 10_000 });

    // All results, from the popover: the real side panel opens and searches for the term.
    await article.bringToFront();
    await hover(article, 'テレワーク');
    await article.locator(DIALOG).getByRole('button', { name: 'すべての結果' }).click();
    const panel = await findPanel();
    const panelSettled = () => panel.locator('main[aria-busy="false"]').waitFor({ timeout: 10_000 });
    await panel.locator('.hits [role="option"]').first().waitFor({ timeout: 10_000 });
    // The panel loaded before the second connection reached it: its own account of that (Resource
    // Timing lists http(s) fetches only), then a reload the connection sees from the start.
    for (const url of await resourcesOf(panel)) record(url, 'side-panel resource timing');
    await panel.reload();
    await panel.locator('.hits [role="option"]').first().waitFor({ timeout: 10_000 });
    // And a search typed into it, with a filter.
    await panel.getByRole('searchbox').fill('IoT機器');
    await panelSettled();
    await panel.locator('.hits [role="option"]').first().waitFor({ timeout: 10_000 });
    for (const url of await resourcesOf(panel)) record(url, 'side-panel resource timing');

    // The search page, in a tab.
    const search = await ctx.newPage();
    await search.goto(`${ext}/search.html`);
    await search.getByRole('searchbox').fill('情報共有');
    await search.locator('main[aria-busy="false"]').waitFor({ timeout: 10_000 });
    await search.locator('.hits [role="option"]').first().waitFor({ timeout: 10_000 });
    for (const url of await resourcesOf(search)) record(url, 'search resource timing');

    // The reader's library: an old office PDF (pdf.js and its CMaps, in the import worker), a saved
    // ministry page and a text file imported on the options page, then searched and opened.
    const files = await mkdtemp(join(tmpdir(), 'minutes-lens-privacy-files-'));
    const fixture = (name: string) => readFileSync(`tests/fixtures/minutes/${name}.txt`, 'utf8');
    await writeFile(join(files, 'insurance.pdf'), officePdf(fixture('colon-inline'), 'UniJIS-UCS2-H'));
    await writeFile(join(files, 'jinzai.html'), webPage(fixture('speaker-parens'), { skin: 'cms', title: '議事要旨', canonical: 'https://www.example.go.jp/x.html' }));
    await writeFile(join(files, 'suishin.txt'), fixture('bracket-speakers'));
    const options = await ctx.newPage();
    await options.goto(`${ext}/options.html`);
    await options.setInputFiles('input[name="library-files"]', ['insurance.pdf', 'jinzai.html', 'suishin.txt'].map((f) => join(files, f)));
    await options.waitForFunction(() => document.querySelectorAll('.job.added').length === 3, null, { timeout: 60_000 });
    for (const url of await resourcesOf(options)) record(url, 'options resource timing');
    await rm(files, { recursive: true, force: true });
    await search.getByRole('searchbox').fill('モラルハザード');
    await search.locator('main[aria-busy="false"]').waitFor({ timeout: 10_000 });
    const yours = search.locator('.hits [role="option"]').first();
    await yours.locator('.yours').waitFor({ timeout: 10_000 });
    const [imported] = await Promise.all([ctx.waitForEvent('page', { timeout: 10_000 }), yours.click()]);
    await imported.locator('[aria-current="true"]').waitFor({ timeout: 10_000 });
    for (const url of await resourcesOf(imported)) record(url, 'viewer resource timing');

    // Let anything late (a timer, a beacon) happen while we still listen.
    await article.waitForTimeout(1_000);

    // Close Chromium: the NetLog is complete once it has.
    await cdp?.close().catch(() => {});
    cdp = undefined;
    await ctx.close();
    context = undefined;
    const net = await readNetLog();
    // Chromium's own services (account check, component updater) make requests whatever
    // the extension does: no initiating origin, no frame. Everything a document, a worker
    // or a content script asks for names its origin, and every navigation is a frame; a
    // websocket counts whoever opened it.
    const chromiumOwn = (r: { url: string; initiator: string; type: string }) =>
      r.initiator === 'not an origin' && r.type === 'other' && !/^wss?:/.test(r.url);
    for (const r of net.requests) record(r.url, chromiumOwn(r) ? 'chromium-own' : `netlog ${r.initiator} ${r.type}`);

    // ---------------------------------------------------------- what was seen
    const allowedPages = new Set([ARTICLE, '/favicon.ico']);
    const verdict = (url: string): string | null => {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return 'not a URL';
      }
      if (u.origin === server.origin) return allowedPages.has(u.pathname) ? null : 'a fixture-server path we did not load';
      if (u.protocol === 'chrome-extension:') {
        if (u.host !== extensionId) return 'another extension';
        const file = decodeURIComponent(u.pathname).replace(/^\/+/, '');
        return file && existsSync(join(EXTENSION_DIR, file)) ? null : 'not a file of our package';
      }
      return 'another host or scheme';
    };
    const bad = recorded
      .filter((r) => !r.via.startsWith('chromium-own'))
      .map((r) => ({ ...r, why: verdict(r.url) }))
      .filter((r) => r.why);
    const byVia = new Map<string, Set<string>>();
    const layer = (via: string) => via.split(' ').slice(0, via.endsWith('resource timing') ? 3 : 1).join(' ');
    for (const r of recorded) byVia.set(layer(r.via), (byVia.get(layer(r.via)) ?? new Set()).add(r.url));
    console.log(
      [
        `privacy: ${recorded.length} requests recorded in ${Date.now() - started} ms (extension ${extensionId}); NetLog: ${net.events} events, ${net.requests.length} URL requests`,
        ...[...byVia].map(([via, urls]) => `  ${via}: ${[...urls].map((u) => u.replace(ext, 'ext:').replace(/\?.*/, '?…')).sort().join(' ')}`),
      ].join('\n'),
    );

    expect(bad, JSON.stringify(bad, null, 2)).toEqual([]);

    // The recorder works: it saw the fixture page (tabs and NetLog), the extension's own
    // files in tabs, in the side panel and in the service worker, among them the index.
    const urls = (via: string) => recorded.filter((r) => r.via.startsWith(via)).map((r) => r.url);
    expect(urls('page')).toContain(server.url(ARTICLE));
    expect(urls('netlog')).toContain(server.url(ARTICLE));
    expect(urls('page').filter((u) => u.startsWith(`${ext}/`)).length).toBeGreaterThan(0);
    expect(urls('page')).toContain(`${ext}/search.html`);
    expect(urls('viewer resource timing').some((u) => u.startsWith(`${ext}/viewer.html?`))).toBe(true);
    expect(urls('side-panel resource timing')).toContain(`${ext}/sidepanel.html`);
    const panelLoads = recorded.filter((r) => r.via === `cdp-connection ${ext}/sidepanel.html`).map((r) => r.url);
    expect(panelLoads).toContain(`${ext}/sidepanel.html`);
    expect(panelLoads.some((u) => u.startsWith(`${ext}/chunks/`))).toBe(true);
    expect(urls('page').some((u) => u.startsWith(`${ext}/viewer.html?`))).toBe(true);
    expect(urls('service-worker')).toContain(`${ext}/${INDEX_ASSET_PATH}`);
    // The import worker read the office PDF's CMaps from the package, and from nowhere else.
    expect(recorded.some((r) => r.url === `${ext}/cmaps/UniJIS-UCS2-H.bcmap`)).toBe(true);
    expect(INDEX_ASSET_PATH).toBe('data/minutes-index.bin');
  });
});
