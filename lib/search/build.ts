/**
 * Build the index asset's data from parsed minutes. Pure: the analyser that
 * turns a remark's (normalised) text into terms is passed in, kuromoji at
 * build time. Compound parts are added here, with the same rule queries use.
 */
import MiniSearch from 'minisearch';
import type { ParsedMinutes, Remark } from '../minutes/types';
import { remarkColumns, type AssetData, type CompactIndex } from './asset';
import { decompound, isKatakanaWord, newParts } from './decompound';
import { INDEX_FORMAT, INDEX_VERSION, SEARCH_OPTIONS, type IndexedDoc } from './schema';

/** Content words of a text, normalised, in order (repeats kept: they are term frequencies). */
export type Analyzer = (text: string) => string[];

/** Remarks worth searching: headings are structure, and a label alone says nothing. */
export const isSearchable = (r: Remark): boolean => r.kind !== 'heading' && r.text.trim() !== '';

/**
 * The terms of each searchable remark, compound parts included. `alsoKnown`
 * adds katakana words known elsewhere (the shipped index's, when a reader's
 * meeting is analysed on its own) to those its remarks use.
 */
export function analyzeRemarks(remarks: Remark[], analyze: Analyzer, alsoKnown: (word: string) => boolean = () => false): Map<number, string[]> {
  const tokens = new Map<number, string[]>();
  remarks.forEach((r, row) => {
    if (isSearchable(r)) tokens.set(row, analyze(r.text));
  });
  const katakana = new Set<string>();
  for (const list of tokens.values()) for (const t of list) if (isKatakanaWord(t)) katakana.add(t);
  // First the words compounds hide (ゼロトラスト in ゼロトラストネットワーク), then split with all of them,
  // as queries will: the query side knows exactly these katakana words.
  const seen = (part: string) => katakana.has(part) || alsoKnown(part);
  const hidden = new Set<string>();
  for (const w of katakana) for (const p of newParts(w, seen)) hidden.add(p);
  for (const p of hidden) katakana.add(p);
  const known = (part: string) => katakana.has(part) || alsoKnown(part);
  for (const [row, list] of tokens) tokens.set(row, list.flatMap((t) => [t, ...decompound(t, known)]));
  return tokens;
}

export function buildAssetData(minutes: ParsedMinutes[], analyze: Analyzer, seeds: string): AssetData {
  const meetings = minutes.map((m) => m.meeting);
  const remarks = minutes.flatMap((m) => m.remarks);
  return assembleAsset(meetings, remarks, analyzeRemarks(remarks, analyze), seeds);
}

/** Index already-analysed remarks (the benchmark reuses one analysis for its larger corpora). */
export function assembleAsset(
  meetings: AssetData['meetings'],
  remarks: Remark[],
  terms: Map<number, string[]>,
  seeds: string,
): AssetData {
  const search = new MiniSearch<IndexedDoc>(SEARCH_OPTIONS);
  const docs: IndexedDoc[] = [...terms].map(([row, list]) => ({ id: row, terms: list.join(' ') }));
  search.addAll(docs);
  return {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    seeds,
    meetings,
    remarks: remarkColumns(meetings, remarks),
    index: compact(search),
  };
}

function compact(search: MiniSearch<IndexedDoc>): CompactIndex {
  const js = search.toJSON();
  const count = js.documentCount;
  const rows: number[] = [];
  const lengths: number[] = [];
  for (let short = 0; short < count; short++) {
    rows.push(js.documentIds[short] as number);
    lengths.push((js.fieldLength[short] as number[])[0]!);
  }
  const entries = js.index
    .map(([term, fields]) => [term, fields['0'] ?? {}] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const postings = entries.map(([, freqs]) => {
    const list: number[] = [];
    let prev = 0;
    for (const short of Object.keys(freqs).map(Number).sort((a, b) => a - b)) {
      list.push(short - prev, freqs[short]!);
      prev = short;
    }
    return list;
  });
  return { terms: entries.map(([t]) => t), postings, rows, lengths };
}
