/**
 * Node-side reading of minutes files: bytes from disk, then the shared
 * extraction (text, PDF, web page), parser and sidecar.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extractDocument, formatOf, type Extracted } from '../../lib/extract/extract';
import { parseDocument } from '../../lib/extract/minutes';
import { readSidecar } from '../../lib/extract/sidecar';
import { decodeMinutes } from '../../lib/minutes/decode';
import { MinutesError } from '../../lib/minutes/errors';
import type { ParsedMinutes } from '../../lib/minutes/types';
import { nodeExtractEnv } from './extract-env';

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

/** A minutes document's extracted text: what `lens text` prints and remark offsets index into. */
export function readDocument(path: string): Promise<Extracted> {
  return extractDocument(readBytes(path), shown(path), nodeExtractEnv);
}

/** `seeds/x.pdf` → `seeds/x.meta.json`. */
export const sidecarOf = (path: string) => path.replace(/\.[^./\\]+$/, '.meta.json');

export async function readMinutesFile(path: string): Promise<ParsedMinutes> {
  const doc = await readDocument(path);
  const meta = sidecarOf(path);
  const sidecar = existsSync(meta) ? readSidecar(readFileSync(meta, 'utf8'), shown(meta)) : null;
  return parseDocument(doc, shown(path), sidecar);
}

export interface MinutesFolder {
  /** Minutes files (.txt, .pdf, .html, .htm), sorted so that builds are reproducible. */
  files: string[];
  /** Sidecars (.meta.json) that belong to one of the files. */
  sidecars: string[];
  /** Everything else, each with why it is not read: the build says so rather than drop it silently. */
  skipped: { file: string; reason: string }[];
}

export function readMinutesFolder(dir: string): MinutesFolder {
  const names = readdirSync(dir).filter((f) => !f.startsWith('.')).sort();
  const files = names.filter((f) => formatOf(f) !== null).map((f) => join(dir, f));
  const sidecars = names.filter((f) => f.endsWith('.meta.json')).map((f) => join(dir, f));
  const skipped: MinutesFolder['skipped'] = [];
  for (const f of names) {
    const path = join(dir, f);
    if (formatOf(f) !== null) continue;
    if (f.endsWith('.meta.json')) {
      if (!files.some((m) => sidecarOf(m) === path)) skipped.push({ file: shown(path), reason: 'a sidecar without a minutes file of the same name' });
    } else skipped.push({ file: shown(path), reason: 'not a minutes format (.txt, .pdf, .html, .htm)' });
  }
  return { files, sidecars: sidecars.filter((s) => !skipped.some((k) => k.file === shown(s))), skipped };
}

/** The minutes files of a folder (see readMinutesFolder for what else it holds). */
export function minutesFilesIn(dir: string): string[] {
  return readMinutesFolder(dir).files;
}
