/** The project's seeds and fixtures, parsed the way the build and the CLI parse them. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeMinutes } from '../../lib/minutes/decode';
import { parseMinutes } from '../../lib/minutes/parse';

export const SEED_DIR = 'seeds';
export const FIXTURE_DIR = 'tests/fixtures/minutes';
export const GOLDEN_DIR = 'tests/golden';

export const txtFiles = (dir: string) =>
  readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));

export function load(path: string) {
  const text = decodeMinutes(readFileSync(path), path);
  return { text, parsed: parseMinutes(text, { source: path }) };
}
