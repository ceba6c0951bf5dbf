/**
 * `npm run bench`: speed and size figures, printed as a table and one JSON line.
 * Figures are measured, never asserted; the README keeps the current ones.
 *
 * Besides the seeds (1×), the index is measured at 10× and 100× the corpus:
 * copies of the seed meetings made in memory (scripts/bench/corpus.ts).
 */
import { MinutesIndex } from '../lib/search/engine';
import { createAnalyzer } from './node/analyzer';
import { assetBytes, scaleCorpus, seedCorpus, type CorpusAsset } from './bench/corpus';
import {
  buildFigures,
  loadFigures,
  loadMeasuringHeap,
  sizeFigures,
  type LoadFigures,
  type MemoryFigures,
} from './bench/index-figures';
import { kib, mb, mib } from './bench/measure';
import { PARSE_ROUNDS, parseSeeds } from './bench/parse-figures';
import { queryLatency, type LatencyFigures } from './bench/queries';
import { decompoundingRecall, type RecallFigures } from './bench/recall';
import { BROWSER_TARGET as BT, browserFigures, type BrowserFigures } from './bench/browser';
import { extractFigures, type ExtractFigures } from './bench/extract-figures';
import { firefoxFigures, type FirefoxFigures } from './bench/firefox';
import { LIBRARY_TARGET as LT, libraryFigures, type LibraryFigures } from './bench/library';
import { QUERIES } from './bench/queries';
import { readSeeds } from './node/index-file';
import { runtimeAgreement, type Agreement } from './node/runtime-agreement';
import { judge, type RankingFigures } from '../lib/search/judge';
import { readJudgments } from './node/judgments';
import { hundredfoldFigures, type HundredfoldFigures } from './bench/browser';
import { nodePlatform } from './node/index-file';

const BUILD_WARM_RUNS = 4;
/**
 * Runs per scale: fewer where one run takes long, enough for a stable median.
 * heapCopies: indexes held at once to measure one's heap (see loadMeasuringHeap).
 */
const SCALES = [
  { factor: 1, loadRuns: 20, queryRuns: 50, heapCopies: 20 },
  { factor: 10, loadRuns: 10, queryRuns: 20, heapCopies: 4 },
  { factor: 100, loadRuns: 7, queryRuns: 10, heapCopies: 1 },
] as const;
const TARGET = { ratio: 1.6, loadMs: 50, loadMs100x: 100, p95Ms1x: 5, p95Ms100x: 10, coldP95Ms100x: 30, pdfPagesPerSecond: 50, popoverCold100xMs: 250, heap100xBytes: 40_000_000 };

interface ScaleFigures {
  factor: number;
  meetings: number;
  remarks: number;
  rawBytes: number;
  compressedBytes: number;
  load: LoadFigures;
  query: LatencyFigures;
  memory: MemoryFigures;
}

/**
 * One corpus size: its asset, then heap (on a fresh load, before any search
 * fills caches), search latency on that index, and load time.
 */
async function measureScale(
  scale: (typeof SCALES)[number],
  asset: CorpusAsset,
): Promise<ScaleFigures> {
  const { index, memory } = await loadMeasuringHeap(asset.compressed, scale.heapCopies);
  const query = await queryLatency(index, scale.queryRuns);
  const load = await loadFigures(asset.compressed, scale.loadRuns);
  return {
    factor: scale.factor,
    meetings: asset.meetings,
    remarks: asset.remarks,
    rawBytes: asset.raw,
    compressedBytes: asset.compressed.length,
    load,
    query,
    memory,
  };
}

const ms = (n: number) => `${n} ms`;
const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`);

function scaleRows(s: ScaleFigures): string[][] {
  const x = `${s.factor}×`;
  const p95Target = s.factor === 1 ? TARGET.p95Ms1x : s.factor === 100 ? TARGET.p95Ms100x : null;
  const q = s.query;
  return [
    [`corpus ${x}`, `${s.meetings} meetings, ${s.remarks} remarks`],
    // The 1× asset's sizes are the rows above.
    ...(s.factor === 1 ? [] : [[`index asset ${x}: uncompressed / as built`, `${kib(s.rawBytes)} / ${kib(s.compressedBytes)}`]]),
    [
      `load ${x} (fromBytes, median of ${s.load.runs})`,
      `${ms(s.load.medianMs)}${s.factor === 1 ? ` (target ≤ ${TARGET.loadMs} ms)` : s.factor === 100 ? ` (target ≤ ${TARGET.loadMs100x} ms)` : ''}`,
    ],
    [`load ${x}: read the asset (gunzip the index block, views) / construct`, `${ms(s.load.decompressParseMs)} / ${ms(s.load.constructMs)}`],
    [
      `search ${x} p50 / p95 (${q.queries} queries × ${q.runsPerQuery} runs, limit 20)`,
      `${q.p50Ms} / ${ms(q.p95Ms)}${p95Target === null ? '' : ` (target p95 ≤ ${p95Target} ms)`}`,
    ],
    [`search ${x}: max / first search of each query p95`, `${ms(q.maxMs)} / ${ms(q.coldP95Ms)}${s.factor === 100 ? ` (target first ≤ ${TARGET.coldP95Ms100x} ms)` : ''}`],
    [`search ${x}: slowest query (median)`, `${q.slowest.query} ${ms(q.slowest.medianMs)}`],
    ...(q.unexpectedHits.length > 0 ? [[`search ${x}: hits for queries that should find nothing`, q.unexpectedHits.join(', ')]] : []),
    [
      `heap used after load ${x}, kuromoji dictionary included / held by the index (heap and buffers)`,
      `${mib(s.memory.heapUsedBytes)} / ${mib(s.memory.indexBytes)}`,
    ],
  ];
}

function recallRow(r: RecallFigures): string[] {
  const found = `${r.found}/${r.containing} (${pct(r.found, r.containing)})`;
  const without = `${r.foundWithoutDecompounding}/${r.containing} (${pct(r.foundWithoutDecompounding, r.containing)})`;
  return [`recall ${r.word}: with / without decompounding`, `${found} / ${without}`];
}

function extractRows(e: ExtractFigures): string[][] {
  return [
    [`PDF (seeds printed by Chromium): extract + parse per page, median of rounds (${e.pdf.files} PDFs, ${e.pdf.pages} pages, one core)`, `${ms(e.pdf.msPerPageMedian)} = ${e.pdf.pagesPerSecond} pages/s (target ≥ ${TARGET.pdfPagesPerSecond} pages/s)`],
    [`web page (seeds in site furniture): extract + parse per page (${e.html.files} pages, ${kib(e.html.bytes)})`, ms(e.html.msPerPageMedian)],
    [`build with ${e.build50.pdfs} PDF minutes (${e.build50.pages} pages): read, parse, analyse, index, compress`, `${ms(e.build50.totalMs)} (${ms(e.build50.msPerPdf)} a PDF)`],
  ];
}

function rankingRows(r: { plain: RankingFigures; readers: RankingFigures }): string[][] {
  return [
    [
      `ranking, ${r.readers.queries} graded queries (tests/fixtures/ranking): nDCG@5 / recall@10, before issue 13 (plain) → readers' ranking`,
      `${r.plain.ndcg5} / ${r.plain.recall10} → ${r.readers.ndcg5} / ${r.readers.recall10}`,
    ],
    ...Object.keys(r.readers.byKind).map((kind) => [
      `ranking, ${kind} (${r.readers.byKind[kind]!.queries}): nDCG@5 / recall@10, plain → readers'`,
      `${r.plain.byKind[kind]!.ndcg5} / ${r.plain.byKind[kind]!.recall10} → ${r.readers.byKind[kind]!.ndcg5} / ${r.readers.byKind[kind]!.recall10}`,
    ]),
  ];
}

function hundredfoldRows(h: HundredfoldFigures): string[][] {
  return [
    [`Chromium with the 100× index (${h.meetings} meetings): popover after the service worker was stopped / warm (median of ${h.runs})`, `${ms(h.popoverColdMs)} (target ≤ ${TARGET.popoverCold100xMs} ms) / ${ms(h.popoverWarmMs)}`],
    [
      `Chromium with the 100× index: service worker memory after a forced GC, JS heap + ArrayBuffers (the index's columns and texts)`,
      `${mb(h.serviceWorkerBytes)} = ${mb(h.serviceWorkerHeapBytes)} + ${mb(h.serviceWorkerBufferBytes)} (target ≤ ${TARGET.heap100xBytes / 1e6} MB)`,
    ],
  ];
}

function agreementRows(a: Agreement): string[][] {
  return [
    [
      `run-time analysis (no kuromoji) of the seeds vs the shipped index, ${a.queries} bench queries: shipped top 10s found / same first result`,
      `${a.found}/${a.total} (${pct(a.found, a.total)}) / ${a.sameTop}/${a.queries} (${pct(a.sameTop, a.queries)}) (targets ≥ 95% / ≥ 90%)`,
    ],
  ];
}

function libraryRows(l: LibraryFigures): string[][] {
  const lib = l.library;
  return [
    [`Chromium library: import of a ${l.pdf.pages}-page PDF (${kib(l.pdf.bytes)}), file chosen → meeting listed`, ms(l.pdf.importMs)],
    [`Chromium library: longest task meanwhile, options page / side panel`, `${ms(l.pdf.longestTaskMs.options)} / ${ms(l.pdf.longestTaskMs.sidePanel)} (target < ${LT.longestTaskMs} ms)`],
    [`Chromium library: import of ${lib.meetings} generated meetings (text files), all / each`, `${ms(lib.importMs)} / ${ms(Math.round(lib.importMs / lib.meetings))}`],
    [`Chromium library of ${lib.meetings}: side panel, query sent → results painted, p50 / p95 (${lib.panel.queries} queries)`, `${lib.panel.p50Ms} / ${ms(lib.panel.p95Ms)} (target p95 ≤ ${LT.panelP95Ms} ms)`],
    [`Chromium library of ${lib.meetings}: popover warm / after the service worker was stopped (median of ${lib.popover.runs})`, `${ms(lib.popover.warmMs)} / ${ms(lib.popover.coldMs)}`],
    [
      `Chromium library of ${lib.meetings}: JS heap (+ ArrayBuffers), service worker / side panel`,
      `${mb(lib.heap.serviceWorker.usedBytes)} (+ ${mb(lib.heap.serviceWorker.bufferBytes)}) / ${mb(lib.heap.sidePanel.usedBytes)} (target ≤ ${LT.heapBytes / 1e6} MB for the worker)`,
    ],
  ];
}

function firefoxRows(f: FirefoxFigures): string[][] {
  return [
    [`Firefox ${f.version}: content script on a ${kib(f.article.bytes)} article, total / longest task`, `${ms(f.article.totalMs)} / ${ms(f.article.longestMs)} (target ≤ ${BT.articleMs} ms)`],
    [`Firefox: content script on a page of ${kib(f.big.bytes)} of text, total / longest task`, `${ms(f.big.totalMs)} / ${ms(f.big.longestMs)} in ${f.big.slices} tasks (targets ≤ ${BT.bigTotalMs} / ≤ ${BT.bigLongestMs} ms)`],
    [`Firefox: popover, pointer at rest → painted, warm (median of ${f.popover.runs})`, `${ms(f.popover.warmMs)} (target ≤ ${BT.popoverWarmMs} ms)`],
  ];
}

function browserRows(b: BrowserFigures): string[][] {
  return [
    [`Chromium: content script on a ${kib(b.article.bytes)} article, total / longest task`, `${ms(b.article.totalMs)} / ${ms(b.article.longestMs)} (target ≤ ${BT.articleMs} ms)`],
    [`Chromium: content script on a page of ${kib(b.big.bytes)} of text, total / longest task`, `${ms(b.big.totalMs)} / ${ms(b.big.longestMs)} in ${b.big.slices} tasks (targets ≤ ${BT.bigTotalMs} / ≤ ${BT.bigLongestMs} ms)`],
    [`Chromium: popover, pointer at rest → painted, warm (median of ${b.popover.runs})`, `${ms(b.popover.warmMs)} (target ≤ ${BT.popoverWarmMs} ms)`],
    [`Chromium: popover after the service worker was stopped (median of ${b.popover.runs})`, `${ms(b.popover.coldMs)} (target ≤ ${BT.popoverColdMs} ms)`],
    [
      `Chromium: side panel, query sent → results painted, warm, p50 / p95 (${b.panel.queries} queries; the ${b.panel.debounceMs} ms debounce before it not counted)`,
      `${b.panel.p50Ms} / ${ms(b.panel.p95Ms)} (our target p95 ≤ ${BT.panelQueryP95Ms} ms, none stated)`,
    ],
    [`Chromium: side panel, input event → results painted, less the ${b.panel.debounceMs} ms debounce (median)`, ms(b.panel.fromInputP50Ms)],
    [
      `Chromium: JS heap (+ ArrayBuffers) after use and a forced GC, service worker / side panel`,
      `${mb(b.heap.serviceWorker.usedBytes)} (+ ${mb(b.heap.serviceWorker.bufferBytes)}) / ${mb(b.heap.sidePanel.usedBytes)} (target ≤ ${BT.heapBytes / 1e6} MB each)`,
    ],
  ];
}

async function main() {
  const parse = parseSeeds();
  const build = await buildFigures(BUILD_WARM_RUNS);
  const asset = sizeFigures(build.bytes);

  const analyze = await createAnalyzer();
  const seeds = await seedCorpus(analyze);
  const shipped = await MinutesIndex.fromBytes(build.bytes, nodePlatform);
  const recall = decompoundingRecall(shipped, analyze);
  const judged = readJudgments();
  const ranking = {
    plain: judge(judged, (q) => shipped.search(q, { limit: 10, ranking: 'plain' }).map((h) => h.remark.id)),
    readers: judge(judged, (q) => shipped.search(q, { limit: 10 }).map((h) => h.remark.id)),
  };
  const scales: ScaleFigures[] = [];
  let asset100: CorpusAsset | null = null;
  for (const scale of SCALES) {
    // 1× is the shipped asset itself; larger corpora are assembled the same way from reused
    // terms, and only their bytes are kept, so the heap figures do not count the copies.
    const bytes: CorpusAsset =
      scale.factor === 1
        ? { meetings: seeds.meetings.length, remarks: seeds.remarks.length, raw: asset.rawBytes, compressed: build.bytes }
        : assetBytes(scaleCorpus(seeds, scale.factor));
    if (scale.factor === 100) asset100 = bytes;
    scales.push(await measureScale(scale, bytes));
  }
  // The 10×/100× figures stand for the shipped index only if the same assembly reproduces it.
  if (Buffer.compare(assetBytes(seeds).compressed, build.bytes) !== 0) {
    console.error('warning: the benchmark assembles different bytes than buildIndexBytes(): scaled figures may not compare');
  }

  const extract = await extractFigures();
  const agreement = runtimeAgreement(shipped, (await readSeeds()).minutes, QUERIES);
  const browser = await browserFigures();
  const hundredfold = await hundredfoldFigures(asset100!.compressed, asset100!.meetings);
  const firefox = await firefoxFigures();
  const library = await libraryFigures();
  const rows: string[][] = [
    ['seed files', `${parse.files} (${kib(parse.bytes)})`],
    ['remarks', `${parse.remarks}`],
    [`parse all seeds (median of ${PARSE_ROUNDS})`, ms(parse.parseMsMedian)],
    ['index asset: uncompressed / as built', `${kib(asset.rawBytes)} / ${kib(asset.compressedBytes)}`],
    ['seeds concatenated, gzip -9', kib(asset.seedsGzipBytes)],
    ['asset / gzip(seeds)', `${asset.ratio} (target ≤ ${TARGET.ratio})`],
    [
      `build index: first (loads kuromoji dictionary) / warm median of ${build.warmRuns}`,
      `${ms(build.firstMs)} / ${ms(build.warmMedianMs)}`,
    ],
    ...scales.flatMap(scaleRows),
    ...rankingRows(ranking),
    ...recall.map(recallRow),
    ...extractRows(extract),
    ...agreementRows(agreement),
    ...browserRows(browser),
    ...hundredfoldRows(hundredfold),
    ...firefoxRows(firefox),
    ...libraryRows(library),
  ];
  console.log('| figure | value |\n| --- | --- |');
  for (const [figure, value] of rows) console.log(`| ${figure} | ${value} |`);

  const byScale = <T>(pick: (s: ScaleFigures) => T) => Object.fromEntries(scales.map((s) => [`${s.factor}x`, pick(s)]));
  console.log(
    JSON.stringify({
      bench: 'minutes-lens',
      parse,
      asset,
      build: { firstMs: build.firstMs, warmMedianMs: build.warmMedianMs, warmRuns: build.warmRuns },
      corpus: byScale(({ meetings, remarks, rawBytes, compressedBytes }) => ({ meetings, remarks, rawBytes, compressedBytes })),
      load: byScale((s) => s.load),
      query: byScale((s) => s.query),
      memory: { ...byScale((s) => s.memory), '100x': { ...scales.find((s) => s.factor === 100)!.memory, serviceWorkerBytes: hundredfold.serviceWorkerBytes } },
      ranking,
      recall,
      extract,
      agreement: { ...agreement, differing: agreement.differing.map((d) => d.query) },
      browser: { ...browser, popover: { ...browser.popover, cold100xMs: hundredfold.popoverColdMs } },
      firefox,
      library,
    }),
  );
}

await main();
