/**
 * Build the index asset from parsed minutes. Pure: the analyser that
 * turns a remark's (normalised) text into terms is passed in, kuromoji at
 * build time. Compound parts are added here, with the same rule queries use.
 */
import MiniSearch from 'minisearch';
import type { Meeting, ParsedMinutes, Remark } from '../minutes/types';
import { encodeAsset, tablesOf, type AssetTables, type BuiltPostings } from './asset';
import { decompound, isKatakanaWord, newParts } from './decompound';
import { remarkFlags } from './quality';
import { SEARCH_OPTIONS, type IndexedDoc } from './schema';

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

/** The index asset's bytes from parsed minutes and an analyser. */
export function buildAsset(minutes: ParsedMinutes[], analyze: Analyzer, seeds: string): Uint8Array {
  const meetings = minutes.map((m) => m.meeting);
  const remarks = minutes.flatMap((m) => m.remarks);
  return encodeAsset(assembleTables(meetings, remarks, analyzeRemarks(remarks, analyze), seeds));
}

/** Index already-analysed remarks (the benchmark reuses one analysis for its larger corpora). */
export function assembleTables(meetings: Meeting[], remarks: Remark[], terms: Map<number, string[]>, seeds: string): AssetTables {
  return tablesOf({ seeds, meetings, remarks, flags: Uint8Array.from(remarks, remarkFlags), postings: indexWithMiniSearch(remarks.length, terms) });
}

/**
 * MiniSearch indexes the analysed terms (its field lengths and term counts
 * are what BM25+ scores by); its postings are then laid out as typed arrays,
 * which the extension reads in place instead of rebuilding MiniSearch's tree.
 */
function indexWithMiniSearch(rowCount: number, terms: Map<number, string[]>): BuiltPostings {
  const search = new MiniSearch<IndexedDoc>(SEARCH_OPTIONS);
  search.addAll([...terms].map(([row, list]) => ({ id: row, terms: list.join(' ') })));
  const js = search.toJSON();
  const lengths = new Uint16Array(rowCount);
  const rowOf: number[] = [];
  for (let short = 0; short < js.documentCount; short++) {
    const row = js.documentIds[short] as number;
    rowOf[short] = row;
    lengths[row] = Math.min((js.fieldLength[short] as number[])[0]!, 0xffff);
  }
  const entries = js.index
    .map(([term, fields]) => [term, fields['0'] ?? {}] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rows: number[][] = [];
  const tfs: number[][] = [];
  for (const [, freqs] of entries) {
    const pairs = Object.keys(freqs).map((short) => [rowOf[Number(short)]!, freqs[short]!] as const).sort((a, b) => a[0] - b[0]);
    rows.push(pairs.map(([row]) => row));
    tfs.push(pairs.map(([, tf]) => tf));
  }
  return { terms: entries.map(([t]) => t), rows, tfs, lengths };
}
