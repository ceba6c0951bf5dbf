/**
 * An extension update keeps the reader's library: the built extension is
 * copied, loaded on a profile, given a meeting, then replaced on disk by a
 * build with a higher version and loaded again on the same profile.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchWithExtension, type Chrome, type ExtensionBrowser } from './harness';

const work = mkdtempSync(join(tmpdir(), 'library-update-'));
const extensionDir = join(work, 'extension');
const profile = join(work, 'profile');
let ext: ExtensionBrowser | undefined;

afterAll(async () => {
  await ext?.close();
  rmSync(work, { recursive: true, force: true });
});

const version = (e: ExtensionBrowser) =>
  e.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.getManifest().version);

async function libraryTitles(e: ExtensionBrowser): Promise<string[]> {
  const page = await e.context.newPage();
  await page.goto(`chrome-extension://${e.extensionId}/options.html`);
  await page.locator('.library .usage').waitFor();
  const titles = await page.locator('.meetings tbody td:first-child').allInnerTexts();
  await page.close();
  return titles;
}

describe('an extension update', () => {
  it('keeps the library, and searches it with the new version', async () => {
    cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
    const file = join(work, 'suishin-03.txt');
    writeFileSync(file, readFileSync('tests/fixtures/minutes/bracket-speakers.txt'));

    ext = await launchWithExtension({ extensionDir, userDataDir: profile });
    const before = await version(ext);
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await page.setInputFiles('input[name="library-files"]', file);
    await page.locator('.job.added').waitFor({ timeout: 30_000 });
    expect(await libraryTitles(ext)).toEqual(['情報セキュリティ対策推進会議（第３回）議事録']);
    await ext.close();

    // The update: the same extension (same path, so the same id and storage) with a higher version.
    const manifestFile = join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const [major, minor, patch] = String(manifest.version).split('.').map(Number);
    manifest.version = `${major}.${minor}.${(patch ?? 0) + 1}`;
    writeFileSync(manifestFile, JSON.stringify(manifest));

    ext = await launchWithExtension({ extensionDir, userDataDir: profile });
    expect(await version(ext)).toBe(manifest.version);
    expect(manifest.version).not.toBe(before);
    expect(await libraryTitles(ext)).toEqual(['情報セキュリティ対策推進会議（第３回）議事録']);
    const results = await ext.context.newPage();
    await results.goto(`chrome-extension://${ext.extensionId}/search.html?q=${encodeURIComponent('ネットワークカメラ')}`);
    await results.locator('main[aria-busy="false"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => results.locator('.hits [data-remark-id] .yours').count()).toBeGreaterThan(0);
  }, 120_000);
});
