/**
 * The reader's library as an index segment in the asset's own form (lib/search/asset.ts),
 * kept in IndexedDB beside the meetings, so the service worker loads hundreds
 * of the reader's meetings as views on one buffer instead of indexing every
 * stored remark again. A meeting added is appended (columns copied, each
 * term's rows extended, its text block compressed once); a meeting removed is
 * filtered out (rows renumbered). Neither reads another meeting's text.
 */
import type { Meeting, Remark } from '../minutes/types';
import {
  concat, encodeAsset, flattenPostings, Interner, meetingTextsOf, packTexts, statsOf, tablesOf,
  type AssetTables, type BuiltPostings,
} from './asset';
import { remarkFlags } from './quality';

/** A meeting with each remark's terms (repeats are term frequencies; empty for headings). */
export interface SegmentEntry {
  meeting: Meeting;
  remarks: Remark[];
  terms: string[][];
}

export const LIBRARY_SEGMENT_SEEDS = 'library';

/** Stored uncompressed: it lives in IndexedDB, not in a download, and is read at once. */
const store = (t: AssetTables) => encodeAsset(t, { compressIndex: false });

/** Postings of rows given by their terms, in the shape MiniSearch's build gives them (terms sorted, rows ascending). */
function postingsOf(rowsTerms: readonly string[][], base = 0): BuiltPostings {
  const byTerm = new Map<string, { rows: number[]; tfs: number[] }>();
  const lengths = new Uint16Array(rowsTerms.length);
  rowsTerms.forEach((list, row) => {
    const counts = new Map<string, number>();
    for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1);
    lengths[row] = Math.min(counts.size, 0xffff);
    for (const [t, tf] of counts) {
      let p = byTerm.get(t);
      if (!p) byTerm.set(t, (p = { rows: [], tfs: [] }));
      p.rows.push(base + row);
      p.tfs.push(tf);
    }
  });
  const terms = [...byTerm.keys()].sort(byCodeUnit);
  return { terms, rows: terms.map((t) => byTerm.get(t)!.rows), tfs: terms.map((t) => byTerm.get(t)!.tfs), lengths };
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function tablesOfEntries(entries: readonly SegmentEntry[]): AssetTables {
  const remarks = entries.flatMap((e) => e.remarks);
  return tablesOf({
    seeds: LIBRARY_SEGMENT_SEEDS,
    meetings: entries.map((e) => e.meeting),
    remarks,
    flags: Uint8Array.from(remarks, remarkFlags),
    postings: postingsOf(entries.flatMap((e) => e.terms)),
  });
}

/** A segment of the given meetings, from nothing (the first meeting, or a rebuild). */
export function buildSegment(entries: readonly SegmentEntry[]): Uint8Array {
  return store(tablesOfEntries(entries));
}

function joined<T extends Uint32Array | Int32Array | Uint8Array | Uint16Array>(a: T, b: T): T {
  const out = new (a.constructor as new (n: number) => T)(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The segment with one more meeting, its rows after the others. */
export function appendToSegment(segment: AssetTables | null, entry: SegmentEntry): Uint8Array {
  if (!segment || segment.rowMeeting.length === 0) return buildSegment([entry]);
  const base = segment.rowMeeting.length;
  const fresh = tablesOfEntries([entry]);
  // The new rows' strings join the segment's table; their indices move with them.
  const strings = new Interner([...segment.strings]);
  const reindex = (column: Int32Array) => Int32Array.from(column, (i) => (i < 0 ? i : strings.of(fresh.strings[i]!)));
  // Each term's rows stay ascending: the segment's own, then the new ones (all after them).
  const add = postingsOf(entry.terms, base);
  const oldIndex = new Map(segment.terms.map((t, i) => [t, i]));
  const newIndex = new Map(add.terms.map((t, i) => [t, i]));
  const terms = [...new Set([...segment.terms, ...add.terms])].sort(byCodeUnit);
  const rows: number[][] = [];
  const tfs: number[][] = [];
  for (const term of terms) {
    const o = oldIndex.get(term);
    const n = newIndex.get(term);
    const r: number[] = o === undefined ? [] : Array.from(segment.postRow.subarray(segment.postStart[o], segment.postStart[o + 1]));
    const f: number[] = o === undefined ? [] : Array.from(segment.postTf.subarray(segment.postStart[o], segment.postStart[o + 1]));
    if (n !== undefined) {
      r.push(...add.rows[n]!);
      f.push(...add.tfs[n]!);
    }
    rows.push(r);
    tfs.push(f);
  }
  const rowLength = joined(segment.rowLength, fresh.rowLength);
  return store({
    seeds: LIBRARY_SEGMENT_SEEDS,
    meetings: [...segment.meetings, entry.meeting],
    strings: strings.strings,
    terms,
    ...statsOf(rowLength),
    rowMeeting: joined(segment.rowMeeting, fresh.rowMeeting.map(() => segment.meetings.length)),
    rowOrder: joined(segment.rowOrder, fresh.rowOrder),
    rowKind: joined(segment.rowKind, fresh.rowKind),
    rowSpeaker: joined(segment.rowSpeaker, reindex(fresh.rowSpeaker)),
    rowRole: joined(segment.rowRole, reindex(fresh.rowRole)),
    rowAffiliation: joined(segment.rowAffiliation, reindex(fresh.rowAffiliation)),
    rowLabel: joined(segment.rowLabel, reindex(fresh.rowLabel)),
    rowSection: joined(segment.rowSection, reindex(fresh.rowSection)),
    rowStart: joined(segment.rowStart, fresh.rowStart),
    rowEnd: joined(segment.rowEnd, fresh.rowEnd),
    rowFlags: joined(segment.rowFlags, fresh.rowFlags),
    rowLength,
    rowTextBytes: joined(segment.rowTextBytes, fresh.rowTextBytes),
    ...flattenPostings({ rows, tfs }),
    ...repack(segment, segment.meetingChunk[segment.meetings.length - 1]!, new Set(), entry.remarks),
  });
}

/**
 * The segment's text blocks with one block packed again: without the
 * meetings in `drop`, and with `added`'s texts after its last meeting. The
 * other blocks are copied as they are; the returned map is for the meetings
 * that remain, in order, then the added one.
 */
function repack(segment: AssetTables, chunk: number, drop: ReadonlySet<number>, added: readonly Remark[] | null) {
  const encoder = new TextEncoder();
  const kept = meetingTextsOf(segment, chunk).filter((b) => !drop.has(b.meeting));
  const texts = [...kept.map((b) => b.bytes), ...(added ? [concat(added.map((r) => encoder.encode(r.text)))] : [])];
  const packed = texts.length > 0 ? packTexts(texts, chunk) : null;
  const made = packed ? packed.chunkStart.length - 1 : 0;
  const before = segment.chunks.subarray(0, segment.chunkStart[chunk]);
  const after = segment.chunks.subarray(segment.chunkStart[chunk + 1]);
  const chunks = concat([before, packed?.chunks ?? new Uint8Array(), after]);
  const chunkCount = segment.chunkStart.length - 1 - 1 + made;
  const chunkStart = new Uint32Array(chunkCount + 1);
  let at = 0;
  for (let c = 0; c < chunkCount; c++) {
    const source = c < chunk ? c : c < chunk + made ? -1 : c - made + 1;
    const size = source >= 0 ? segment.chunkStart[source + 1]! - segment.chunkStart[source]! : packed!.chunkStart[c - chunk + 1]! - packed!.chunkStart[c - chunk]!;
    chunkStart[c] = at;
    at += size;
  }
  chunkStart[chunkCount] = at;
  const meetingChunk: number[] = [];
  const inChunk = new Map(kept.map((b, i) => [b.meeting, i]));
  segment.meetings.forEach((_, m) => {
    if (drop.has(m)) return;
    const c = segment.meetingChunk[m]!;
    meetingChunk.push(c < chunk ? c : c === chunk ? packed!.meetingChunk[inChunk.get(m)!]! : c - 1 + made);
  });
  if (added) meetingChunk.push(packed!.meetingChunk[texts.length - 1]!);
  return { meetingChunk: Uint32Array.from(meetingChunk), chunkStart, chunks };
}

/** The segment without one meeting: its rows, text block and postings dropped, the rest renumbered. */
export function removeFromSegment(segment: AssetTables, meetingId: string): Uint8Array {
  const gone = segment.meetings.findIndex((m) => m.id === meetingId);
  if (gone < 0) return store(segment);
  const keep: number[] = [];
  const newRow = new Int32Array(segment.rowMeeting.length).fill(-1);
  segment.rowMeeting.forEach((m, row) => {
    if (m !== gone) newRow[row] = keep.push(row) - 1;
  });
  const pick = <T extends Uint32Array | Int32Array | Uint8Array | Uint16Array>(a: T) =>
    (a.constructor as unknown as { from(x: Iterable<number>): T }).from(keep.map((row) => a[row]!));
  const terms: string[] = [];
  const rows: number[][] = [];
  const tfs: number[][] = [];
  segment.terms.forEach((term, i) => {
    const r: number[] = [];
    const f: number[] = [];
    for (let k = segment.postStart[i]!; k < segment.postStart[i + 1]!; k++) {
      const to = newRow[segment.postRow[k]!]!;
      if (to >= 0) {
        r.push(to);
        f.push(segment.postTf[k]!);
      }
    }
    if (r.length > 0) {
      terms.push(term);
      rows.push(r);
      tfs.push(f);
    }
  });
  const rowLength = pick(segment.rowLength);
  return store({
    ...segment,
    meetings: segment.meetings.filter((_, m) => m !== gone),
    terms,
    ...statsOf(rowLength),
    rowMeeting: Uint32Array.from(keep.map((row) => segment.rowMeeting[row]! - (segment.rowMeeting[row]! > gone ? 1 : 0))),
    rowOrder: pick(segment.rowOrder),
    rowKind: pick(segment.rowKind),
    rowSpeaker: pick(segment.rowSpeaker),
    rowRole: pick(segment.rowRole),
    rowAffiliation: pick(segment.rowAffiliation),
    rowLabel: pick(segment.rowLabel),
    rowSection: pick(segment.rowSection),
    rowStart: pick(segment.rowStart),
    rowEnd: pick(segment.rowEnd),
    rowFlags: pick(segment.rowFlags),
    rowLength,
    rowTextBytes: pick(segment.rowTextBytes),
    ...flattenPostings({ rows, tfs }),
    ...repack(segment, segment.meetingChunk[gone]!, new Set([gone]), null),
  });
}
