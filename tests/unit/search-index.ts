/** One index built from the seeds for all search tests (kuromoji loads once per test file). */
import { gunzipSync } from 'node:zlib';
import { checkAsset, type AssetData } from '../../lib/search/asset';
import { MinutesIndex } from '../../lib/search/engine';
import { buildIndexBytes } from '../../scripts/node/index-file';

let built: Promise<{ bytes: Uint8Array; data: AssetData; index: MinutesIndex }> | undefined;

export function seedIndex() {
  built ??= (async () => {
    const bytes = await buildIndexBytes();
    const data = checkAsset(JSON.parse(gunzipSync(bytes).toString('utf8')));
    return { bytes, data, index: await MinutesIndex.fromBytes(bytes) };
  })();
  return built;
}
