/**
 * Runs once before the Firefox browser tests: checks that Firefox ESR is there
 * and builds the packages (the same build as the Chromium suite's, done once).
 * A missing browser is an error, never a skip.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildPackagesOnce, requirePackage } from '../support/build';
import { FIREFOX_EXTENSION_DIR, FIREFOX_INSTALL, FIREFOX_PATH } from './harness';

export default function setup(): void {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox ESR not found at ${FIREFOX_PATH} (set MINUTES_LENS_FIREFOX to use another). ` +
        `Install it as root with: ${FIREFOX_INSTALL}`,
    );
  }
  // The Japanese UI comes from Debian's language pack (firefox-esr-l10n-ja), beside the browser.
  const packs = join(dirname(realpathSync(FIREFOX_PATH)), 'browser', 'extensions');
  if (!existsSync(packs) || !readdirSync(packs).some((f) => f.startsWith('langpack-ja@'))) {
    throw new Error(`Firefox's Japanese language pack is not in ${packs}. Install it as root with: ${FIREFOX_INSTALL}`);
  }
  buildPackagesOnce();
  requirePackage(FIREFOX_EXTENSION_DIR);
}
