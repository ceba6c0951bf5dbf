/** `npm run build:index`: seeds/ → public/data/minutes-index.bin (run by `npm run build`). */
import { performance } from 'node:perf_hooks';
import { ASSET_FILE, writeIndexAsset } from './node/index-file';

const t0 = performance.now();
const bytes = await writeIndexAsset();
console.log(`${ASSET_FILE}: ${(bytes.length / 1024).toFixed(1)} KiB in ${Math.round(performance.now() - t0)} ms`);
