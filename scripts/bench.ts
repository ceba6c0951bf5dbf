/**
 * `npm run bench`: speed and size figures, printed as a table and one JSON line.
 * Figures are measured, never asserted; the README keeps the current ones.
 */
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { decodeMinutes } from '../lib/minutes/decode';
import { parseMinutes } from '../lib/minutes/parse';
import { minutesFilesIn } from './node/minutes-files';

const ROUNDS = 50;

function parseSeeds() {
  const files = minutesFilesIn('seeds').map((f) => ({ f, bytes: readFileSync(f) }));
  const bytes = files.reduce((n, x) => n + x.bytes.length, 0);
  let remarks = 0;
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    remarks = 0;
    for (const { f, bytes: b } of files) remarks += parseMinutes(decodeMinutes(b, f), { source: f }).remarks.length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { files: files.length, bytes, remarks, parseMsMedian: +times[Math.floor(ROUNDS / 2)]!.toFixed(2) };
}

const parse = parseSeeds();
console.log('| figure | value |\n| --- | --- |');
console.log(`| seed files | ${parse.files} (${(parse.bytes / 1024).toFixed(1)} KiB) |`);
console.log(`| remarks | ${parse.remarks} |`);
console.log(`| parse all seeds (median of ${ROUNDS}) | ${parse.parseMsMedian} ms |`);
console.log(JSON.stringify({ bench: 'minutes-lens', parse }));
