/**
 * Privacy in Firefox, proven: while the extension does its work (marks terms,
 * opens a popover, opens a passage in the viewer, "see all" in a search tab,
 * a selection looked up in the sidebar by the shortcut, a search typed there,
 * files imported into the reader's library and searched), every request
 * Firefox makes that any page, frame, content script or extension page asked
 * for goes to the fixture server, for the page we loaded. Firefox's own
 * requests (system principal, no document of ours) are listed, not judged.
 *
 * The recorder (./network-log.ts) is shown to hear what it guards against:
 * after the journey, a request from the page and one from our extension's
 * own page are sent to a closed port and must both be recorded, with the
 * page's and the extension's principal.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officePdf } from '../../formats/office-pdf';
import { webPage } from '../../formats/publish';
import { popoverButton, restOn, waitForPopover } from '../support/page';
import { readSearchApp } from '../support/search-app';
import { startServer, type TestServer } from '../support/server';
import { commitText, focusSidebarBox, inSidebar, pressShortcut, waitForSidebar } from './browser-ui';
import { inWindow, puppeteerDriven } from './drivers';
import { launchFirefox, waitFor, type FirefoxExtension } from './harness';
import { networkLog, startNetworkLog, type Requested } from './network-log';

const ARTICLE = '/article-ja.html';
// A closed port off the fixture server (not 9, which browsers block before any request exists).
const PROBE = 'http://127.0.0.2:8/';

describe('Firefox privacy: no request leaves for anywhere but the page it reads', () => {
  let ff: FirefoxExtension;
  let server: TestServer;
  let files: string;

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'minutes-lens-firefox-privacy-'));
    const fixture = (name: string) => readFileSync(`tests/fixtures/minutes/${name}.txt`, 'utf8');
    writeFileSync(join(files, 'insurance.pdf'), officePdf(fixture('colon-inline'), 'UniJIS-UCS2-H'));
    writeFileSync(join(files, 'jinzai.html'), webPage(fixture('speaker-parens'), { skin: 'cms', title: '議事要旨', canonical: 'https://www.example.go.jp/x.html' }));
    writeFileSync(join(files, 'suishin.txt'), fixture('bracket-speakers'));
    [ff, server] = await Promise.all([launchFirefox(), startServer()]);
    await startNetworkLog(ff);
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('makes no request but to the page it reads, and the recorder hears the page and the extension', async () => {
    const started = Date.now();
    // Terms marked, a popover of remarks.
    const article = await ff.newPage(server.url(ARTICLE));
    await waitFor(() => ff.contentState(article), (s) => s.marked.some((m) => m.termId === 'telework'), 'marked');
    const d = puppeteerDriven(article);
    await restOn(d, 'テレワーク');
    const [first] = (await waitForPopover(d)).remarks;
    // A passage in the viewer.
    const open = await popoverButton(d, '原文を開く', first!.id);
    await article.mouse.click(open.x, open.y);
    const viewer = await ff.waitForPage((href) => href.includes('/viewer.html'));
    await viewer.waitForFunction(() => document.querySelector('[aria-current="true"]') !== null, { timeout: 10_000 });
    // "See all": the search in a tab.
    await article.bringToFront();
    await article.mouse.move(1, 1);
    await restOn(d, 'テレワーク');
    await waitForPopover(d);
    const all = await popoverButton(d, 'すべての結果');
    await article.mouse.click(all.x, all.y);
    const tab = await ff.waitForPage((href) => href.includes('/search.html'));
    await waitFor(() => inWindow(tab, readSearchApp), (v) => !v.busy && v.hits.length > 0, 'the search tab');
    // A selection looked up by the shortcut, in the sidebar; then a search typed there.
    await article.evaluate(() => getSelection()!.selectAllChildren(document.querySelector('h1')!));
    await pressShortcut(ff, article);
    await waitForSidebar(ff);
    await waitFor(() => inSidebar(ff, readSearchApp), (v) => v.value.startsWith('中小企業') && !v.busy, 'the sidebar on the selection');
    await inSidebar(ff, (w) => void w.document.querySelector<HTMLInputElement>('input[type="search"]')!.select());
    await focusSidebarBox(ff);
    await commitText(ff, 'IoT機器');
    await waitFor(() => inSidebar(ff, readSearchApp), (v) => v.value === 'IoT機器' && !v.busy && v.hits.length > 0, 'the sidebar on IoT機器');
    // The library: files imported (pdf.js and its CMaps in the import worker), searched, one opened.
    const options = await ff.openExtensionPage('/options.html');
    await options.waitForSelector('.library .usage');
    const input = (await options.$('input[name="library-files"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...['insurance.pdf', 'jinzai.html', 'suishin.txt'].map((f) => join(files, f)));
    await options.waitForFunction(() => document.querySelectorAll('.job.added').length === 3, { timeout: 60_000 });
    const mine = await ff.openExtensionPage(`/search.html?q=${encodeURIComponent('モラルハザード')}`);
    await waitFor(() => inWindow(mine, readSearchApp), (v) => !v.busy && v.hits[0]?.yours === true, 'an imported remark found');
    await mine.click('.hits [role="option"]');
    await ff.waitForPage((href) => href.includes('/viewer.html') && href.includes('insurance'), 10_000).catch(() => undefined);
    // Anything late (a timer, a beacon) while we still listen.
    await new Promise((wake) => setTimeout(wake, 1_000));

    const recorded = await networkLog(ff);
    const firefoxOwn = (r: Requested) => r.triggering === 'system' && (r.loading === 'system' || r.loading === '') && r.addon === '' && r.top === '';
    const verdict = (r: Requested): string | null => {
      let u: URL;
      try {
        u = new URL(r.url);
      } catch {
        return 'not a URL';
      }
      if (u.origin !== server.origin) return 'another host';
      return [ARTICLE, '/favicon.ico'].includes(u.pathname) ? null : 'a fixture-server path we did not load';
    };
    const judged = recorded.filter((r) => !firefoxOwn(r));
    const bad = judged.map((r) => ({ ...r, why: verdict(r) })).filter((r) => r.why);
    console.log(
      [
        `Firefox privacy: ${recorded.length} requests in ${Date.now() - started} ms (extension ${ff.origin})`,
        ...judged.map((r) => `  ${r.url} (triggering ${r.triggering}, loading ${r.loading || '-'}${r.addon ? `, add-on ${r.addon}` : ''})`),
        ...recorded.filter(firefoxOwn).map((r) => `  Firefox's own: ${r.url}`),
      ].join('\n'),
    );
    expect(bad, JSON.stringify(bad, null, 2)).toEqual([]);
    // It saw the page we loaded, and the favicon the page's own document asked for.
    expect(judged.map((r) => r.url)).toContain(server.url(ARTICLE));
    expect(judged.some((r) => r.triggering === server.origin)).toBe(true);

    // The recorder hears a page's request and an extension page's, with who asked.
    await article.evaluate((probe) => void fetch(`${probe}page`).catch(() => undefined), PROBE);
    await ff.ext((probe) => void fetch(`${probe}extension`).catch(() => undefined), PROBE);
    const probes = await waitFor(() => networkLog(ff), (log) => log.filter((r) => r.url.startsWith(PROBE)).length >= 2, 'the probes recorded');
    const heard = probes.filter((r) => r.url.startsWith(PROBE));
    expect(heard.find((r) => r.url === `${PROBE}page`)?.triggering).toBe(server.origin);
    expect(heard.find((r) => r.url === `${PROBE}extension`)).toMatchObject({ triggering: ff.origin, addon: ff.id });
  });
});
