/**
 * Lints the Firefox package with Mozilla's addons-linter (through web-ext), as
 * addons.mozilla.org does on upload.
 *
 *   npx wxt zip -b firefox && npx tsx scripts/lint-firefox.ts [ZIP_OR_DIR]
 *
 * Defaults to the zip `wxt zip -b firefox` writes (.output/<name>-<version>-firefox.zip).
 * Prints every message and exits 1 when there is an error. The browser tests
 * run the same check (tests/browser/firefox-package.browser.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** One message of addons-linter's JSON output (the fields we use). */
export interface LintMessage {
  code: string;
  message: string;
  description?: string | string[];
  file?: string;
  line?: number;
  column?: number;
}

export interface LintResult {
  count: number;
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
  metadata?: { id?: string; manifestVersion?: number; name?: string };
}

/** The zip `wxt zip -b firefox` writes for the version in package.json. */
export function firefoxZipPath(root = ROOT): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  return join(root, '.output', `${pkg.name}-${pkg.version}-firefox.zip`);
}

/**
 * Runs `web-ext lint --output json` on a zip or a directory and returns the
 * linter's report. Throws when web-ext does not produce one (a crash, a
 * missing source); lint errors are in the result, not thrown.
 */
export function lintFirefoxPackage(source: string, root = ROOT): LintResult {
  if (!existsSync(source)) throw new Error(`nothing to lint at ${source}: run npx wxt zip -b firefox`);
  const bin = join(root, 'node_modules', '.bin', 'web-ext');
  const run = spawnSync(bin, ['lint', '--source-dir', source, '--output', 'json', '--no-config-discovery'], {
    cwd: root,
    encoding: 'utf8',
    // web-ext checks npm for a newer version of itself; this run must stay offline.
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const out = run.stdout ?? '';
  const start = out.indexOf('{');
  let result: LintResult;
  try {
    result = JSON.parse(out.slice(start)) as LintResult;
  } catch {
    throw new Error(
      `web-ext lint gave no JSON report (exit ${run.status}${run.error ? `, ${run.error.message}` : ''}):\n${out}\n${run.stderr ?? ''}`,
    );
  }
  // web-ext exits non-zero exactly when there are errors; a mismatch means something else broke.
  if ((run.status !== 0) !== result.summary.errors > 0) {
    throw new Error(`web-ext lint exited ${run.status} with ${result.summary.errors} errors:\n${run.stderr ?? ''}`);
  }
  return result;
}

/** One line per message: `error CODE file:line message`. */
export function formatLint(result: LintResult): string {
  const line = (kind: string, m: LintMessage) =>
    `${kind.padEnd(7)} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`.replace(/\s+/g, ' ').trim();
  const lines = [
    ...result.errors.map((m) => line('error', m)),
    ...result.warnings.map((m) => line('warning', m)),
    ...result.notices.map((m) => line('notice', m)),
  ];
  const { errors, warnings, notices } = result.summary;
  return [`${errors} errors, ${warnings} warnings, ${notices} notices`, ...lines].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const source = resolve(process.argv[2] ?? firefoxZipPath());
  const result = lintFirefoxPackage(source);
  console.log(`${source}\n${formatLint(result)}`);
  process.exitCode = result.summary.errors > 0 ? 1 : 0;
}
