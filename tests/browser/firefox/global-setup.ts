/**
 * Runs once before the Firefox browser tests: checks that Firefox ESR is there
 * and builds the packages (the same build as the Chromium suite's, done once).
 * A missing browser is an error, never a skip.
 */
import { existsSync } from 'node:fs';
import { buildPackagesOnce, requirePackage } from '../support/build';
import { FIREFOX_EXTENSION_DIR, FIREFOX_INSTALL, FIREFOX_PATH } from './harness';

export default function setup(): void {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox ESR not found at ${FIREFOX_PATH} (set MINUTES_LENS_FIREFOX to use another). ` +
        `Install it as root with: ${FIREFOX_INSTALL}`,
    );
  }
  buildPackagesOnce();
  requirePackage(FIREFOX_EXTENSION_DIR);
}
