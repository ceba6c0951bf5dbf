/** The shipped index answers in Chromium exactly as in Node, and the search page shows it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MinutesIndex } from '../../lib/search/engine';
import { INDEX_ASSET_PATH } from '../../lib/search/schema';
import { EXTENSION_DIR, launchWithExtension, type Chrome, type ExtensionBrowser } from './harness';

const QUERIES = ['テレワーク', 'IoT機器', 'cyber insurance', 'セキュリティ', '情報共有 匿名化', 'サッカー'];

describe('search in the extension', () => {
  let browser: ExtensionBrowser;
  let node: MinutesIndex;

  beforeAll(async () => {
    browser = await launchWithExtension();
    node = await MinutesIndex.fromBytes(readFileSync(join(EXTENSION_DIR, INDEX_ASSET_PATH)));
  });
  afterAll(() => browser?.close());

  it('answers each query as the command line does, from the packaged asset', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/search.html`);
    for (const query of QUERIES) {
      const reply = await page.evaluate(
        (query) => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'lens/search', payload: { query, options: { limit: 10 } } }),
        query,
      );
      const expected = node.search(query, { limit: 10 }).map((h) => h.remark.id);
      expect(reply).toMatchObject({ ok: true });
      expect((reply as { value: { hits: { remark: { id: string } }[] } }).value.hits.map((h) => h.remark.id)).toEqual(expected);
    }
    expect(node.search('テレワーク').length).toBeGreaterThan(0);
    await page.close();
  });

  it('shows results with the matched words marked as the reader types', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/search.html`);
    await page.getByRole('searchbox').fill('テレワーク');
    const first = page.locator('.hits li').first();
    await expect(first.locator('mark').first().textContent()).resolves.toBe('テレワーク');
    const top = node.search('テレワーク')[0]!;
    await expect(first.getAttribute('data-remark-id')).resolves.toBe(top.remark.id);
    await expect(first.locator('.speaker').textContent()).resolves.toBe(top.remark.speaker ?? '（発言者の記載なし）');

    await page.getByRole('searchbox').fill('量子コンピュータ');
    await expect(page.locator('.status').textContent()).resolves.toBe('議事録に関連する発言はありません');
    await page.close();
  });
});
