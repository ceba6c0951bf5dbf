/** One index built from the seeds for all search tests (kuromoji loads once per test file). */
import { readAsset, type AssetTables } from '../../lib/search/asset';
import { MinutesIndex } from '../../lib/search/engine';
import { buildIndexBytes, nodePlatform } from '../../scripts/node/index-file';

let built: Promise<{ bytes: Uint8Array; tables: AssetTables; index: MinutesIndex }> | undefined;

export function seedIndex() {
  built ??= (async () => {
    const bytes = await buildIndexBytes();
    const tables = await readAsset(bytes, nodePlatform.inflate);
    return { bytes, tables, index: new MinutesIndex(tables, nodePlatform) };
  })();
  return built;
}
