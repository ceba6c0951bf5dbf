/** How fast the seed files decode and parse. */
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { decodeMinutes } from '../../lib/minutes/decode';
import { parseMinutes } from '../../lib/minutes/parse';
import { minutesFilesIn } from '../node/minutes-files';
import { median, round } from './measure';

export const PARSE_ROUNDS = 50;

export function parseSeeds() {
  const files = minutesFilesIn('seeds').map((f) => ({ f, bytes: readFileSync(f) }));
  const bytes = files.reduce((n, x) => n + x.bytes.length, 0);
  let remarks = 0;
  const times: number[] = [];
  for (let round = 0; round < PARSE_ROUNDS; round++) {
    const t0 = performance.now();
    remarks = 0;
    for (const { f, bytes: b } of files) remarks += parseMinutes(decodeMinutes(b, f), { source: f }).remarks.length;
    times.push(performance.now() - t0);
  }
  return { files: files.length, bytes, remarks, parseMsMedian: round(median(times)) };
}
