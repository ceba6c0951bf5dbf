/** Query latency over a fixed list of queries, the way the side panel searches. */
import type { MinutesIndex } from '../../lib/search/engine';
import { median, percentile, round, timed } from './measure';

/** Queries the minutes answer: single words, compounds, phrases, English. */
export const QUERIES = [
  'セキュリティ',
  'サイバーセキュリティ',
  '情報共有',
  'IoT機器',
  'テレワーク',
  'サイバー保険',
  'ISAC',
  'ホワイトハッカー',
  'サプライチェーン',
  '人材育成',
  '脆弱性',
  '重要インフラ',
  'NOTICE',
  'クラウド',
  'フィッシング',
  '匿名化',
  '通信の秘密',
  '機能安全',
  'テレワークのセキュリティ',
  'IoT機器の脆弱性',
  'information sharing',
  'cyber insurance',
  'telework',
  'critical infrastructure',
  'supply chain risk',
  'white hat hacker',
  'phishing',
  'vulnerability',
];

/** Queries about things the minutes never discuss: they must return nothing (and fast). */
export const EMPTY_QUERIES = ['量子コンピュータ', 'サッカー', 'ramen recipe'];

const SEARCH = { limit: 20 } as const;

export interface LatencyFigures {
  queries: number;
  runsPerQuery: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The first search of each query on a fresh index (phrase keys not yet cached), p95. */
  coldP95Ms: number;
  /** The query with the highest median, and that median. */
  slowest: { query: string; medianMs: number };
  /** Queries of EMPTY_QUERIES that returned hits (should be none). */
  unexpectedHits: string[];
}

/**
 * Every query `runs` times, interleaved (one pass over the list per run) so a
 * query's repeats do not hit a cache the previous identical call just filled.
 * Percentiles are over all single searches.
 */
export async function queryLatency(index: MinutesIndex, runs: number): Promise<LatencyFigures> {
  const all = [...QUERIES, ...EMPTY_QUERIES];
  const cold: number[] = [];
  const unexpectedHits: string[] = [];
  for (const q of all) {
    const { ms, value } = await timed(() => index.search(q, SEARCH));
    cold.push(ms);
    if (EMPTY_QUERIES.includes(q) && value.length > 0) unexpectedHits.push(q);
  }
  const perQuery = new Map<string, number[]>(all.map((q) => [q, []]));
  for (let run = 0; run < runs; run++) {
    for (const q of all) perQuery.get(q)!.push((await timed(() => index.search(q, SEARCH))).ms);
  }
  const samples = [...perQuery.values()].flat();
  const [query, times] = [...perQuery].reduce((a, b) => (median(b[1]) > median(a[1]) ? b : a));
  return {
    queries: all.length,
    runsPerQuery: runs,
    p50Ms: round(percentile(samples, 0.5), 3),
    p95Ms: round(percentile(samples, 0.95), 3),
    maxMs: round(Math.max(...samples), 3),
    coldP95Ms: round(percentile(cold, 0.95), 3),
    slowest: { query, medianMs: round(median(times), 3) },
    unexpectedHits,
  };
}
