// The page extraction is one module for Node and the browser: in Chromium it
// reads pages through DOMParser, in Node through linkedom. Both must give
// exactly the same text, address and publisher for the same bytes.
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHtml } from '../../lib/extract/html/read';
import { nodeExtractEnv } from '../../scripts/node/extract-env';
import { bundleForPage } from '../browser/bundle';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/harness';
import { SEED_DIR, txtFiles } from '../unit/seeds';
import { shiftJis } from './office-pdf';
import { webPage, type Skin } from './publish';

let browser: Browser;
let page: Page;


beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><title>parity</title>');
  // lib/extract/html/read.ts as a script for a plain page: `MinutesLensHtml.readHtml`.
  await page.addScriptTag({ content: await bundleForPage('lib/extract/html/read.ts', 'MinutesLensHtml') });
}, 60_000);
afterAll(() => browser?.close());

function inChromium(bytes: Uint8Array, file: string) {
  return page.evaluate(
    ([data, name]) => {
      const lib = (window as unknown as { MinutesLensHtml: { readHtml: typeof readHtml } }).MinutesLensHtml;
      return lib.readHtml(new Uint8Array(data), name, (html) => new DOMParser().parseFromString(html, 'text/html'));
    },
    [[...bytes], file] as const,
  );
}

const cases: [string, Uint8Array][] = [];
const skins: Skin[] = ['html5', 'cms', 'tables'];
for (const file of txtFiles(SEED_DIR)) {
  const text = readFileSync(file, 'utf8');
  for (const skin of skins) {
    cases.push([`${file} (${skin})`, new TextEncoder().encode(webPage(text, { skin, title: '議事要旨', canonical: 'https://www.soumu.go.jp/x.html' }))]);
  }
}
cases.push(['news article', readFileSync('tests/fixtures/pages/news-article.html')]);
cases.push(['Shift_JIS page', shiftJis(webPage(readFileSync('seeds/soumu-cstf-06.txt', 'utf8'), { skin: 'cms', title: 'x', charset: 'Shift_JIS' }))]);

describe('DOMParser in Chromium and linkedom in Node read a page alike', () => {
  it.each(cases)('%s', async (name, bytes) => {
    const node = readHtml(bytes, 'page.html', nodeExtractEnv.parseHtml);
    const browserSide = await inChromium(bytes, 'page.html');
    expect(node.text.length).toBeGreaterThan(200);
    expect(browserSide).toEqual(node);
  });
});
