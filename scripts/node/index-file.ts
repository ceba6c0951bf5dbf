/**
 * The index asset on disk: built from seeds/ into public/ (WXT copies public/
 * into the extension), and read back by the command line, which so answers
 * from the very bytes the extension ships.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkDistinctMeetings } from '../../lib/minutes/duplicates';
import { buildAssetData } from '../../lib/search/build';
import { MinutesIndex } from '../../lib/search/engine';
import { INDEX_ASSET_PATH } from '../../lib/search/schema';
import { createAnalyzer } from './analyzer';
import { minutesFilesIn, readMinutesFile } from './minutes-files';

export const SEED_DIR = 'seeds';
export const ASSET_FILE = join('public', INDEX_ASSET_PATH);

/** Hash of the seed files' names and bytes: the asset records it, and a stale asset is rebuilt. */
export function seedsHash(dir = SEED_DIR): string {
  const h = createHash('sha256');
  for (const f of minutesFilesIn(dir)) h.update(f).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Parse, analyse, index and compress the seeds. Deterministic: same seeds, same bytes. */
export async function buildIndexBytes(dir = SEED_DIR): Promise<Uint8Array> {
  const minutes = minutesFilesIn(dir).map(readMinutesFile);
  checkDistinctMeetings(minutes);
  const data = buildAssetData(minutes, await createAnalyzer(), seedsHash(dir));
  // zlib at level 9 with no file name or time in the header: reproducible bytes.
  return gzipSync(Buffer.from(JSON.stringify(data)), { level: 9 });
}

export async function writeIndexAsset(file = ASSET_FILE): Promise<Uint8Array> {
  const bytes = await buildIndexBytes();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return bytes;
}

/** The built asset, rebuilt first when it is missing or was built from other seeds. */
export async function loadIndex(file = ASSET_FILE): Promise<MinutesIndex> {
  if (existsSync(file)) {
    const index = await MinutesIndex.fromBytes(readFileSync(file)).catch(() => null);
    if (index && index.seeds === seedsHash()) return index;
  }
  return MinutesIndex.fromBytes(await writeIndexAsset(file));
}
