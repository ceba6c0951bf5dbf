/**
 * The Firefox package passes Mozilla's addons-linter (web-ext lint), as
 * addons.mozilla.org runs it on upload: no errors. Warnings are printed with
 * the test output. The package is built by the global setup
 * (`wxt zip -b firefox`); no browser is started here.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firefoxZipPath, formatLint, lintFirefoxPackage } from '../../scripts/lint-firefox';
import { ROOT } from './harness';

const FIREFOX_DIR = join(ROOT, '.output', 'firefox-mv2');

describe('Firefox package', () => {
  it('lints without errors, with an add-on id and a data collection statement', () => {
    const zip = firefoxZipPath();
    const result = lintFirefoxPackage(zip);
    console.log(`web-ext lint ${zip}\n${formatLint(result)}`);

    expect(result.errors, formatLint(result)).toEqual([]);
    expect(result.summary.errors).toBe(0);
    const codes = result.warnings.map((w) => w.code);
    expect(codes).not.toContain('MISSING_ADDON_ID');
    expect(codes).not.toContain('MISSING_DATA_COLLECTION_PERMISSIONS');
    expect(result.metadata).toMatchObject({ id: 'minutes-lens@minutes-lens.dev', manifestVersion: 2 });
  });

  it('declares that it collects nothing, in the Firefox manifest only', async () => {
    const firefox = JSON.parse(await readFile(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: 'minutes-lens@minutes-lens.dev', data_collection_permissions: { required: ['none'] } },
    });
    const chrome = JSON.parse(await readFile(join(ROOT, '.output', 'chrome-mv3', 'manifest.json'), 'utf8'));
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('fails on a broken package (the check can fail)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'minutes-lens-firefox-'));
    try {
      await cp(FIREFOX_DIR, dir, { recursive: true });
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
      manifest.background = { scripts: ['no-such-background.js'] };
      await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
      const result = lintFirefoxPackage(dir);
      expect(result.summary.errors).toBeGreaterThan(0);
      expect(result.errors.map((e) => e.code)).toContain('MANIFEST_BACKGROUND_FILE_NOT_FOUND');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
