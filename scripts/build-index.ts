/**
 * `npm run build:index`: seeds/ → public/data/minutes-index.bin (run by `npm
 * run build`). Every file is either indexed or named in a warning; a file that
 * cannot be read fails the build with its name and line.
 */
import { performance } from 'node:perf_hooks';
import { MinutesError } from '../lib/minutes/errors';
import { ASSET_FILE, writeIndexAsset } from './node/index-file';

const t0 = performance.now();
try {
  const { bytes, seeds } = await writeIndexAsset();
  for (const w of seeds.warnings) console.warn(`warning: ${w}`);
  const formats = new Map<string, number>();
  for (const m of seeds.minutes) {
    const ext = (m.meeting.source ?? '').replace(/^.*\./, '.');
    formats.set(ext, (formats.get(ext) ?? 0) + 1);
  }
  const counts = [...formats].map(([ext, n]) => `${n} ${ext}`).join(', ');
  console.log(`${ASSET_FILE}: ${(bytes.length / 1024).toFixed(1)} KiB from ${seeds.minutes.length} minutes (${counts}) in ${Math.round(performance.now() - t0)} ms`);
} catch (e) {
  if (!(e instanceof MinutesError)) throw e;
  console.error(`build:index: ${e.message}`);
  process.exitCode = 1;
}
