/** Build, load and memory figures of the index asset. */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readAsset } from '../../lib/search/asset';
import { MinutesIndex } from '../../lib/search/engine';
import { buildIndexBytes, SEED_DIR } from '../node/index-file';
import { minutesFilesIn } from '../node/minutes-files';
import { liveHeap, median, round, timed, timeRuns } from './measure';

export interface BuildFigures {
  /** The first build loads kuromoji's dictionary (17.8 MB); later builds reuse it. */
  firstMs: number;
  warmMedianMs: number;
  warmRuns: number;
  bytes: Uint8Array;
}

export async function buildFigures(warmRuns: number): Promise<BuildFigures> {
  const first = await timed(() => buildIndexBytes());
  const warm = await timeRuns(warmRuns, () => buildIndexBytes(), { warmup: 0 });
  return { firstMs: round(first.ms, 1), warmMedianMs: round(median(warm), 1), warmRuns, bytes: first.value };
}

export interface SizeFigures {
  rawBytes: number;
  compressedBytes: number;
  /** The seed files concatenated, gzip level 9: what the text alone costs compressed. */
  seedsGzipBytes: number;
  /** compressed / seedsGzip: the price of the index structures on top of the text. */
  ratio: number;
}

export function sizeFigures(compressed: Uint8Array): SizeFigures {
  const seeds = Buffer.concat(minutesFilesIn(SEED_DIR).map((f) => readFileSync(f)));
  const seedsGzipBytes = gzipSync(seeds, { level: 9 }).length;
  return {
    rawBytes: gunzipSync(compressed).length,
    compressedBytes: compressed.length,
    seedsGzipBytes,
    ratio: round(compressed.length / seedsGzipBytes, 3),
  };
}

export interface LoadFigures {
  runs: number;
  medianMs: number;
  /** The two halves of a load, medians: gunzip + JSON.parse, then the MinutesIndex objects. */
  decompressParseMs: number;
  constructMs: number;
}

/**
 * `MinutesIndex.fromBytes` timed after a warm-up, then its two halves timed
 * apart. No forced GC between runs: tried, it made 1× slower (V8 shrinks the
 * young generation after a full GC) and 100× barely faster.
 */
export async function loadFigures(bytes: Uint8Array, runs: number): Promise<LoadFigures> {
  const whole = await timeRuns(runs, () => MinutesIndex.fromBytes(bytes));
  const read: number[] = [];
  const construct: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, value: data } = await timed(() => readAsset(bytes));
    read.push(ms);
    construct.push((await timed(() => new MinutesIndex(data))).ms);
  }
  return {
    runs,
    medianMs: round(median(whole)),
    decompressParseMs: round(median(read)),
    constructMs: round(median(construct)),
  };
}

export interface MemoryFigures {
  /** `heapUsed` after a full GC with one index loaded: the whole process, kuromoji's dictionary included. */
  heapUsedBytes: number;
  /** Live heap one index adds: the growth from loading `copies` of it, divided by `copies`. */
  indexBytes: number;
  copies: number;
}

/**
 * Load an index and see how much live heap it adds; the index is returned for
 * further use. A small index adds less than the heap's own noise (code, caches
 * that GC frees meanwhile), so `copies` indexes are held and the growth averaged.
 */
export async function loadMeasuringHeap(
  bytes: Uint8Array,
  copies: number,
): Promise<{ index: MinutesIndex; memory: MemoryFigures }> {
  const before = liveHeap();
  const index = await MinutesIndex.fromBytes(bytes);
  const heapUsedBytes = liveHeap();
  const held = [index];
  while (held.length < copies) held.push(await MinutesIndex.fromBytes(bytes));
  const indexBytes = Math.round((liveHeap() - before) / held.length);
  return { index, memory: { heapUsedBytes, indexBytes, copies } };
}
