/** Node-side reading of minutes files: bytes from disk, then the shared decoder and parser. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeMinutes } from '../../lib/minutes/decode';
import { MinutesError } from '../../lib/minutes/errors';
import { parseMinutes } from '../../lib/minutes/parse';
import type { ParsedMinutes } from '../../lib/minutes/types';

/** A path as people see it in messages: relative to the working directory. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new MinutesError(shown(path), null, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** A UTF-8 text file, with the same checks (and messages) as a minutes file. */
export function readTextFile(path: string): string {
  return decodeMinutes(readBytes(path), shown(path));
}

export function readMinutesFile(path: string): ParsedMinutes {
  return parseMinutes(readTextFile(path), { source: shown(path) });
}

/** Every `*.txt` in a folder, sorted so that builds are reproducible. */
export function minutesFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}
