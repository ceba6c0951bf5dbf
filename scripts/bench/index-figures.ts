/** Build, load and memory figures of the index asset. */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import { readContainer } from '../../lib/search/container';
import { readAsset } from '../../lib/search/asset';
import { MinutesIndex } from '../../lib/search/engine';
import { buildIndexBytes, nodePlatform, SEED_DIR } from '../node/index-file';
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

/** What the asset holds, uncompressed. */
export function uncompressedSize(asset: Uint8Array): number {
  const outer = readContainer(asset)!;
  const chunkStart = outer.section<Uint32Array>('chunkStart');
  const chunks = outer.section<Uint8Array>('chunks');
  let texts = 0;
  for (let c = 0; c + 1 < chunkStart.length; c++) texts += inflateRawSync(chunks.subarray(chunkStart[c], chunkStart[c + 1])).length;
  return gunzipSync(outer.section<Uint8Array>('index')).length + chunkStart.byteLength + texts;
}

export interface SizeFigures {
  /** The asset with nothing compressed: its index block gunzipped and its text blocks inflated. */
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
    rawBytes: uncompressedSize(compressed),
    compressedBytes: compressed.length,
    seedsGzipBytes,
    ratio: round(compressed.length / seedsGzipBytes, 3),
  };
}

export interface LoadFigures {
  runs: number;
  medianMs: number;
  /** The two halves of a load, medians: reading the asset (the index block's gunzip, its header, views), then the MinutesIndex. */
  decompressParseMs: number;
  constructMs: number;
}

/**
 * `MinutesIndex.fromBytes` timed after a warm-up, then its two halves timed
 * apart. No forced GC between runs: tried, it made 1× slower (V8 shrinks the
 * young generation after a full GC) and 100× barely faster.
 */
export async function loadFigures(bytes: Uint8Array, runs: number): Promise<LoadFigures> {
  const whole = await timeRuns(runs, () => MinutesIndex.fromBytes(bytes, nodePlatform));
  const read: number[] = [];
  const construct: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, value: data } = await timed(() => readAsset(bytes, nodePlatform.inflate));
    read.push(ms);
    construct.push((await timed(() => new MinutesIndex(data, nodePlatform))).ms);
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
  /**
   * Memory one index adds: the growth of the live heap and of array buffers
   * (where the asset's columns, postings and texts are) from loading `copies`
   * of it, divided by `copies`.
   */
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
  const memory = () => liveHeap() + process.memoryUsage().arrayBuffers;
  const before = memory();
  const index = await MinutesIndex.fromBytes(bytes, nodePlatform);
  const heapUsedBytes = liveHeap();
  const held = [index];
  while (held.length < copies) held.push(await MinutesIndex.fromBytes(bytes, nodePlatform));
  const indexBytes = Math.round((memory() - before) / held.length);
  return { index, memory: { heapUsedBytes, indexBytes, copies } };
}
