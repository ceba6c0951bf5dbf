/**
 * Runs once before the Chromium browser tests: checks that Chromium is there
 * and builds the extension they load, and the Firefox package that
 * firefox-package.browser.test.ts lints. A missing browser is an error, never a
 * skip, so the browser tests can not pass without having run.
 */
import { existsSync } from 'node:fs';
import { CHROMIUM_INSTALL, CHROMIUM_PATH, EXTENSION_DIR } from './harness';
import { buildPackagesOnce, requirePackage } from './support/build';

export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH} (set MINUTES_LENS_CHROMIUM to use another). ` +
        `Install it as root with: ${CHROMIUM_INSTALL}`,
    );
  }
  buildPackagesOnce();
  requirePackage(EXTENSION_DIR);
}
