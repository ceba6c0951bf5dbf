/**
 * Builds what the browser suites load, once per test run: the Chrome package
 * (with the index asset) and the Firefox one from the same index. Both suites'
 * global setups call it; the second call finds the work done (global setups run
 * in the one main process, and this runs synchronously). MINUTES_LENS_SKIP_BUILD=1
 * uses the packages already in .output/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server';

const BUILT = 'MINUTES_LENS_PACKAGES_BUILT';

export function buildPackagesOnce(): void {
  if (process.env.MINUTES_LENS_SKIP_BUILD === '1' || process.env[BUILT] === '1') return;
  // Chrome (with the index asset), then the Firefox package (.output/firefox-mv2 and its zip, which the lint reads).
  run('npm run build', 'npm', ['run', 'build']);
  run('wxt zip -b firefox', join(ROOT, 'node_modules', '.bin', 'wxt'), ['zip', '-b', 'firefox']);
  process.env[BUILT] = '1';
}

/** Fails with how to build when a package is missing. */
export function requirePackage(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built extension at ${dir}: run npm run build and npm run build:firefox`);
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
