/**
 * The index asset on disk: built from seeds/ into public/ (WXT copies public/
 * into the extension), and read back by the command line, which so answers
 * from the very bytes the extension ships.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkDistinctMeetings } from '../../lib/minutes/duplicates';
import { MinutesError } from '../../lib/minutes/errors';
import type { ParsedMinutes } from '../../lib/minutes/types';
import { buildAsset } from '../../lib/search/build';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { MinutesIndex, type Platform } from '../../lib/search/engine';
import { INDEX_ASSET_PATH } from '../../lib/search/schema';
import { createAnalyzer } from './analyzer';
import { readMinutesFile, readMinutesFolder, shown } from './minutes-files';

export const SEED_DIR = 'seeds';
export const ASSET_FILE = join('public', INDEX_ASSET_PATH);

/** Hash of the seed files' (and sidecars') names and bytes: the asset records it, and a stale asset is rebuilt. */
export function seedsHash(dir = SEED_DIR): string {
  const { files, sidecars } = readMinutesFolder(dir);
  const h = createHash('sha256');
  for (const f of [...files, ...sidecars].sort()) h.update(f).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

export interface SeedMinutes {
  minutes: ParsedMinutes[];
  /** Everything the build has to say about a file, each naming it: skipped files, parser warnings. */
  warnings: string[];
}

/**
 * Every minutes file of a folder, parsed. A file that cannot be read stops the
 * build (its error names it); a file that is not minutes is skipped with a
 * warning naming it; two files for one meeting id (a.txt and a.pdf) are refused.
 */
export async function readSeeds(dir = SEED_DIR): Promise<SeedMinutes> {
  const folder = readMinutesFolder(dir);
  const minutes: ParsedMinutes[] = [];
  for (const f of folder.files) minutes.push(await readMinutesFile(f));
  const ids = new Map<string, string>();
  for (const m of minutes) {
    const other = ids.get(m.meeting.id);
    if (other) throw new MinutesError(m.meeting.source ?? m.meeting.id, null, `has the same name (meeting id ${m.meeting.id}) as ${other}; rename one`);
    ids.set(m.meeting.id, m.meeting.source ?? m.meeting.id);
  }
  checkDistinctMeetings(minutes);
  const warnings = [...folder.skipped.map((s) => `${s.file}: skipped: ${s.reason}`), ...minutes.flatMap((m) => m.warnings)];
  return { minutes, warnings };
}

/** Parse, analyse, index and compress the seeds. Deterministic: same seeds, same bytes. */
export async function buildIndexBytes(dir = SEED_DIR, seeds?: SeedMinutes): Promise<Uint8Array> {
  const { minutes } = seeds ?? (await readSeeds(dir));
  // Compressed inside (the index block gzip, each meeting's texts deflate), reproducibly: same seeds, same bytes.
  return buildAsset(minutes, await createAnalyzer(), seedsHash(dir));
}

/** Build the asset from seeds/ and write it; the warnings are the build's to print. */
export async function writeIndexAsset(file = ASSET_FILE, dir = SEED_DIR): Promise<{ bytes: Uint8Array; seeds: SeedMinutes }> {
  const seeds = await readSeeds(dir);
  const bytes = await buildIndexBytes(dir, seeds);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return { bytes, seeds };
}

/** The built asset, rebuilt first when it is missing or was built from other seeds. */
export async function loadIndex(file = ASSET_FILE): Promise<MinutesIndex> {
  if (existsSync(file)) {
    const index = await MinutesIndex.fromBytes(readFileSync(file), nodePlatform).catch(() => null);
    if (index && index.seeds === seedsHash()) return index;
  }
  return MinutesIndex.fromBytes((await writeIndexAsset(file)).bytes, nodePlatform);
}

export { shown };

/** Node's zlib for the asset: several times faster here than DecompressionStream or fflate. */
export const nodePlatform: Platform = {
  inflate: async (bytes) => new Uint8Array(gunzipSync(bytes)),
  inflateBlock: (bytes) => new Uint8Array(inflateRawSync(bytes)),
};
