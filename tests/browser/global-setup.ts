/**
 * Runs once before the browser tests: checks that Chromium is there and builds
 * the extension they load, and the Firefox package that
 * firefox-package.browser.test.ts lints. A missing browser is an error, never a
 * skip, so the browser tests can not pass without having run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_INSTALL, CHROMIUM_PATH, EXTENSION_DIR, ROOT } from './harness';

export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH} (set MINUTES_LENS_CHROMIUM to use another). ` +
        `Install it as root with: ${CHROMIUM_INSTALL}`,
    );
  }

  if (process.env.MINUTES_LENS_SKIP_BUILD !== '1') {
    // Chrome (with the index asset), then the Firefox package from the same index.
    run('npm run build', 'npm', ['run', 'build']);
    run('wxt zip -b firefox', join(ROOT, 'node_modules', '.bin', 'wxt'), ['zip', '-b', 'firefox']);
  }

  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run npm run build`);
  }
}

/** Runs a build step, quiet when it works; the whole output when it does not. */
function run(name: string, command: string, args: string[]): void {
  const build = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) {
    process.stdout.write(build.stdout ?? '');
    process.stderr.write(build.stderr ?? '');
    throw new Error(`${name} failed (exit ${build.status}${build.error ? `, ${build.error.message}` : ''})`);
  }
}
