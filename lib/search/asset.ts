/**
 * The index asset, version 3. Built for loading fast however large the
 * minutes grow (the reader's library of hundreds of meetings is a segment of
 * this same form, lib/search/segment.ts):
 *
 * - the index: meetings and interned strings in a JSON header, every remark's
 *   facts as columns of typed arrays, and the postings MiniSearch computed at
 *   build time (terms sorted; each term's rows, term frequencies and total;
 *   each row's field length), gzip-compressed as one block. Loading it is one
 *   decompression and a handful of views: nothing is parsed row by row or
 *   rebuilt into a tree;
 * - the texts: consecutive meetings' texts in blocks of about
 *   TEXT_BLOCK_BYTES (deflate), a block read only when a remark in it is
 *   shown: a popover of five remarks inflates a few blocks, not the whole
 *   library's text.
 *
 *   "MLIA" | u32 header length | header JSON | index block | chunk offsets | text chunks
 */
import { deflateSync, gzipSync, inflateSync } from 'fflate';
import type { Meeting, Remark, RemarkKind } from '../minutes/types';
import { readContainer, sectionEnd, TruncatedError, writeContainer } from './container';
import { TEXT_BLOCK_BYTES } from '../limits';
import { INDEX_FORMAT, INDEX_VERSION } from './schema';

export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
}

const KINDS: RemarkKind[] = ['turn', 'item', 'heading'];
export const kindOf = (code: number): RemarkKind => KINDS[code]!;
const NONE = -1;

/** Gunzip: the platform's own. Browsers have DecompressionStream; Node's zlib is several times faster than Node's streams. */
export type Inflate = (compressed: Uint8Array) => Promise<Uint8Array>;

/** Inflate one raw-deflate text block, at once: fflate's pure-JS one by default, Node's zlib where it runs. */
export type InflateBlock = (compressed: Uint8Array) => Uint8Array;

export const inflateWithStreams: Inflate = async (bytes) => {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

/** The loaded index, as the engine reads it; also what the library's segment is edited as. */
export interface AssetTables {
  seeds: string;
  meetings: Meeting[];
  strings: string[];
  /** Sorted. */
  terms: string[];
  /** BM25's statistics: searchable rows, and the sum of their field lengths. */
  documents: number;
  lengthSum: number;
  rowMeeting: Uint32Array;
  rowOrder: Uint32Array;
  rowKind: Uint8Array;
  rowSpeaker: Int32Array;
  rowRole: Int32Array;
  rowAffiliation: Int32Array;
  rowLabel: Int32Array;
  rowSection: Int32Array;
  rowStart: Uint32Array;
  rowEnd: Uint32Array;
  /** Ranking features (lib/search/quality.ts). */
  rowFlags: Uint8Array;
  /** Unique terms of each row (MiniSearch's field length); 0 for rows not searchable. */
  rowLength: Uint16Array;
  /** UTF-8 bytes of each row's text, in its meeting's text block. */
  rowTextBytes: Uint32Array;
  /** Each term's postings: `postRow`/`postTf` from `postStart[t]` to `postStart[t + 1]`; rows ascending. */
  postStart: Uint32Array;
  postRow: Uint32Array;
  postTf: Uint8Array;
  /** Each term's count over all rows: the query segmenter's word frequencies. */
  termFreq: Uint32Array;
  /** The text block each meeting's texts are in; blocks hold consecutive meetings. */
  meetingChunk: Uint32Array;
  /** Each block (deflate), from `chunkStart[c]` to `chunkStart[c + 1]` in `chunks`. */
  chunkStart: Uint32Array;
  chunks: Uint8Array;
}

// ------------------------------------------------------------ building

/** The postings MiniSearch computed (lib/search/build.ts): terms sorted, each with its rows ascending. */
export interface BuiltPostings {
  terms: string[];
  rows: number[][];
  tfs: number[][];
  /** Unique terms of each row; 0 for rows not searchable. */
  lengths: Uint16Array;
}

/** Rows given as remarks (rows of one meeting together, meetings in order), with their ranking features and postings. */
export interface IndexParts {
  seeds: string;
  meetings: Meeting[];
  remarks: Remark[];
  flags: Uint8Array;
  postings: BuiltPostings;
}

const encoder = new TextEncoder();

/** Interns strings into a table: the same name or role is stored once. */
export class Interner {
  private readonly index = new Map<string, number>();
  constructor(readonly strings: string[] = []) {
    strings.forEach((s, i) => this.index.set(s, i));
  }
  of(s: string | null): number {
    if (s === null) return NONE;
    let i = this.index.get(s);
    if (i === undefined) this.index.set(s, (i = this.strings.push(s) - 1));
    return i;
  }
}

/** The tables of remarks: columns, one text block per meeting, postings flattened. */
export function tablesOf({ seeds, meetings, remarks, flags, postings }: IndexParts): AssetTables {
  const strings = new Interner();
  const meetingIndex = new Map(meetings.map((m, i) => [m.id, i]));
  const n = remarks.length;
  const col = <T extends Int32Array | Uint32Array | Uint8Array>(a: T, f: (r: Remark) => number) => {
    remarks.forEach((r, row) => (a[row] = f(r)));
    return a;
  };
  // Each meeting's texts in one block; its rows are contiguous, meetings in order.
  const rowTextBytes = new Uint32Array(n);
  const perMeeting: Uint8Array[][] = meetings.map(() => []);
  remarks.forEach((r, row) => {
    const m = meetingIndex.get(r.meetingId)!;
    if (row > 0 && m < meetingIndex.get(remarks[row - 1]!.meetingId)!) throw new Error(`remarks of ${r.meetingId} are not together`);
    const bytes = encoder.encode(r.text);
    rowTextBytes[row] = bytes.length;
    perMeeting[m]!.push(bytes);
  });
  const blocks = perMeeting.map((texts) => concat(texts));
  const flat = flattenPostings(postings);
  return {
    seeds,
    meetings,
    strings: strings.strings,
    terms: postings.terms,
    ...statsOf(postings.lengths),
    rowMeeting: col(new Uint32Array(n), (r) => meetingIndex.get(r.meetingId)!),
    rowOrder: col(new Uint32Array(n), (r) => r.order),
    rowKind: col(new Uint8Array(n), (r) => KINDS.indexOf(r.kind)),
    rowSpeaker: col(new Int32Array(n), (r) => strings.of(r.speaker)),
    rowRole: col(new Int32Array(n), (r) => strings.of(r.role)),
    rowAffiliation: col(new Int32Array(n), (r) => strings.of(r.affiliation)),
    rowLabel: col(new Int32Array(n), (r) => strings.of(r.label)),
    rowSection: col(new Int32Array(n), (r) => strings.of(r.section)),
    rowStart: col(new Uint32Array(n), (r) => r.start),
    rowEnd: col(new Uint32Array(n), (r) => r.end),
    rowFlags: flags,
    rowLength: postings.lengths,
    rowTextBytes,
    ...flat,
    ...withoutRaw(packTexts(blocks)),
  };
}

export function statsOf(lengths: Uint16Array): { documents: number; lengthSum: number } {
  let documents = 0;
  let lengthSum = 0;
  for (const l of lengths) {
    if (l > 0) {
      documents++;
      lengthSum += l;
    }
  }
  return { documents, lengthSum };
}

export function flattenPostings(p: Pick<BuiltPostings, 'rows' | 'tfs'>): Pick<AssetTables, 'postStart' | 'postRow' | 'postTf' | 'termFreq'> {
  const postStart = new Uint32Array(p.rows.length + 1);
  p.rows.forEach((r, i) => (postStart[i + 1] = postStart[i]! + r.length));
  const postRow = new Uint32Array(postStart[p.rows.length]!);
  const postTf = new Uint8Array(postRow.length);
  const termFreq = new Uint32Array(p.rows.length);
  p.rows.forEach((r, i) => {
    postRow.set(r, postStart[i]!);
    const tfs = p.tfs[i]!;
    let total = 0;
    tfs.forEach((tf, k) => {
      postTf[postStart[i]! + k] = Math.min(tf, 255);
      total += tf;
    });
    termFreq[i] = total;
  });
  return { postStart, postRow, postTf, termFreq };
}

type TextBlocks = Pick<AssetTables, 'meetingChunk' | 'chunkStart' | 'chunks'>;

/**
 * Meetings' texts (in order) packed into compressed blocks of about
 * TEXT_BLOCK_BYTES: one meeting per block would lose what compression finds
 * across meetings (12 % more bytes for the seeds), one block for everything
 * would make the first remark shown inflate the whole library.
 */
export function packTexts(meetingTexts: readonly Uint8Array[], firstChunk = 0): TextBlocks & { raw: Uint8Array[] } {
  const groups: Uint8Array[][] = [];
  const meetingChunk = new Uint32Array(meetingTexts.length);
  let size = 0;
  meetingTexts.forEach((t, m) => {
    if (groups.length === 0 || (size > 0 && size + t.length > TEXT_BLOCK_BYTES)) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1]!.push(t);
    size += t.length;
    meetingChunk[m] = firstChunk + groups.length - 1;
  });
  const raw = groups.map((g) => concat(g));
  const compressed = raw.map((b) => deflateSync(b, { level: 9 }));
  const chunkStart = new Uint32Array(compressed.length + 1);
  compressed.forEach((c, i) => (chunkStart[i + 1] = chunkStart[i]! + c.length));
  return { meetingChunk, chunkStart, chunks: concat(compressed), raw };
}

export const withoutRaw = ({ meetingChunk, chunkStart, chunks }: TextBlocks & { raw: Uint8Array[] }): TextBlocks => ({ meetingChunk, chunkStart, chunks });

/** The texts of each meeting in one block, as bytes (to repack a block when a meeting joins or leaves it). */
export function meetingTextsOf(t: AssetTables, chunk: number): { meeting: number; bytes: Uint8Array }[] {
  const block = inflateSync(t.chunks.subarray(t.chunkStart[chunk]!, t.chunkStart[chunk + 1]!));
  const out: { meeting: number; bytes: Uint8Array }[] = [];
  let at = 0;
  for (let m = 0; m < t.meetings.length; m++) {
    if (t.meetingChunk[m] !== chunk) continue;
    let size = 0;
    for (let row = 0; row < t.rowMeeting.length; row++) if (t.rowMeeting[row] === m) size += t.rowTextBytes[row]!;
    out.push({ meeting: m, bytes: block.subarray(at, at + size) });
    at += size;
  }
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ------------------------------------------------------------ bytes

interface OuterHeader {
  format: string;
  version: number;
  /** The index block is gzip (the shipped asset) or stored as it is (the library's segment in IndexedDB). */
  indexCompressed: boolean;
}

const INDEX_COLUMNS = [
  'rowMeeting', 'rowOrder', 'rowKind', 'rowSpeaker', 'rowRole', 'rowAffiliation', 'rowLabel', 'rowSection',
  'rowFlags', 'rowLength', 'rowTextBytes', 'postTf', 'termFreq', 'meetingChunk',
] as const;

/** Running values stored as their differences: small numbers, which compress to a fraction. */
/**
 * Each value less the one before it, starting again from 0 at each index in
 * `restarts` (ascending): a term's first row, a meeting's first offset. A
 * cursor over the restarts, not a set lookup per value: the load decodes
 * hundreds of thousands of postings with the inverse.
 */
function gaps(a: Uint32Array, restarts: ArrayLike<number> = []): Uint32Array {
  const out = new Uint32Array(a.length);
  let prev = 0;
  for (let i = 0, r = 0; i < a.length; i++) {
    while (r < restarts.length && restarts[r]! < i) r++;
    if (r < restarts.length && restarts[r] === i) prev = 0;
    out[i] = a[i]! - prev;
    prev = a[i]!;
  }
  return out;
}

/** The inverse of `gaps`. */
function sums(a: Uint32Array, restarts: ArrayLike<number> = []): Uint32Array {
  const out = new Uint32Array(a.length);
  let total = 0;
  for (let i = 0, r = 0; i < a.length; i++) {
    while (r < restarts.length && restarts[r]! < i) r++;
    if (r < restarts.length && restarts[r] === i) total = 0;
    out[i] = total += a[i]!;
  }
  return out;
}

/** The rows where a meeting begins after another: where its offsets start again. */
function meetingStarts(rowMeeting: Uint32Array): number[] {
  const out: number[] = [];
  for (let i = 1; i < rowMeeting.length; i++) if (rowMeeting[i] !== rowMeeting[i - 1]) out.push(i);
  return out;
}

/** The asset's bytes. Deterministic: the same tables give the same bytes. */
export function encodeAsset(t: AssetTables, { compressIndex = true } = {}): Uint8Array {
  // Rows ascend within each term, offsets within each meeting, postings start where the last ended:
  // all stored as gaps, which compress to a fraction of the values themselves.
  const starts = meetingStarts(t.rowMeeting);
  const index = writeContainer(
    { seeds: t.seeds, meetings: t.meetings, strings: t.strings, terms: t.terms, documents: t.documents, lengthSum: t.lengthSum },
    {
      ...Object.fromEntries(INDEX_COLUMNS.map((c) => [c, t[c]])),
      postRowGaps: gaps(t.postRow, t.postStart),
      postStartGaps: gaps(t.postStart),
      rowStartGaps: gaps(t.rowStart, starts),
      rowEndGaps: gaps(t.rowEnd, starts),
    },
  );
  const header: OuterHeader = { format: INDEX_FORMAT, version: INDEX_VERSION, indexCompressed: compressIndex };
  return writeContainer(header, {
    index: compressIndex ? gzipSync(index, { level: 9, mtime: 0 }) : index,
    chunkStart: t.chunkStart,
    chunks: t.chunks,
  });
}

/** Read and check an asset; a different format or version is an error, never wrong results. */
export async function readAsset(bytes: Uint8Array | ArrayBuffer, inflate: Inflate = inflateWithStreams): Promise<AssetTables> {
  const outer = openOuter(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  return withTexts(outer, await readIndex(outer, inflate));
}

/**
 * Read an asset as it arrives (a fetch's body): the index, which comes first,
 * is decompressed and decoded while the texts after it are still being read,
 * so a cold service worker waits for the longer of the two, not their sum.
 */
export async function readAssetStream(body: ReadableStream<Uint8Array>, inflate: Inflate = inflateWithStreams): Promise<AssetTables> {
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  let indexEnd: number | null = null;
  let index: Promise<IndexTables> | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.byteLength;
    if (index) continue;
    // Join what has arrived only to read the header, then once the whole index is in.
    if (indexEnd === null) indexEnd = sectionEnd(joined(parts, received), 'index');
    if (indexEnd !== null && received >= indexEnd) {
      const prefix = joined(parts, received);
      // Only the index is in yet: the texts after it are still arriving.
      index = readIndex(openOuter(prefix, true), inflate);
      index.catch(() => undefined); // awaited below; a rejection must not go unhandled meanwhile
    }
  }
  const outer = openOuter(joined(parts, received));
  return withTexts(outer, await (index ?? readIndex(outer, inflate)));
}

function joined(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  parts.splice(0, parts.length, out);
  return out;
}

/** An asset whose index is stored uncompressed (the library's segment), read at once. */
export function decodeAsset(bytes: Uint8Array): AssetTables {
  const outer = openOuter(bytes);
  if (outer.header.indexCompressed) throw new IndexFormatError('this index asset is compressed: read it with readAsset');
  return withTexts(outer, indexTables(outer.section<Uint8Array>('index')));
}

type Outer = NonNullable<ReturnType<typeof readContainer<OuterHeader>>>;
type IndexTables = Omit<AssetTables, 'chunkStart' | 'chunks'>;

async function readIndex(outer: Outer, inflate: Inflate): Promise<IndexTables> {
  let index = outer.section<Uint8Array>('index');
  if (outer.header.indexCompressed) {
    try {
      index = await inflate(index);
    } catch (e) {
      throw new IndexFormatError(`the index asset's index is not gzip data (${(e as Error).message})`);
    }
  }
  return indexTables(index);
}

function withTexts(outer: Outer, index: IndexTables): AssetTables {
  return { ...index, chunkStart: outer.section('chunkStart'), chunks: outer.section('chunks') };
}

function openOuter(bytes: Uint8Array, partial = false) {
  let outer;
  try {
    outer = readContainer<OuterHeader>(bytes, partial);
  } catch (e) {
    if (e instanceof TruncatedError) throw new IndexFormatError(`the index asset is cut short (${e.message}): rebuild it with npm run build`);
    outer = null;
  }
  if (!outer || outer.header.format !== INDEX_FORMAT) throw new IndexFormatError('the index asset is not a Minutes Lens index');
  if (outer.header.version !== INDEX_VERSION) {
    throw new IndexFormatError(
      `the index asset has format version ${String(outer.header.version)}, this code reads version ${INDEX_VERSION}: rebuild it with npm run build`,
    );
  }
  return outer;
}

/** The index section's JSON header: the tables that are not typed arrays. */
type IndexHeader = Pick<AssetTables, 'seeds' | 'meetings' | 'strings' | 'terms' | 'documents' | 'lengthSum'>;

function indexTables(indexBytes: Uint8Array): IndexTables {
  let inner;
  try {
    inner = readContainer<IndexHeader>(indexBytes);
  } catch {
    inner = null;
  }
  if (!inner) throw new IndexFormatError('the index asset is damaged');
  const h = inner.header;
  const columns = Object.fromEntries(INDEX_COLUMNS.map((c) => [c, inner.section(c)])) as Pick<AssetTables, (typeof INDEX_COLUMNS)[number]>;
  const postStart = sums(inner.section<Uint32Array>('postStartGaps'));
  const starts = meetingStarts(columns.rowMeeting);
  return {
    seeds: h.seeds,
    meetings: h.meetings,
    strings: h.strings,
    terms: h.terms,
    documents: h.documents,
    lengthSum: h.lengthSum,
    ...columns,
    postStart,
    postRow: sums(inner.section<Uint32Array>('postRowGaps'), postStart),
    rowStart: sums(inner.section<Uint32Array>('rowStartGaps'), starts),
    rowEnd: sums(inner.section<Uint32Array>('rowEndGaps'), starts),
  };
}

// ------------------------------------------------------------ texts

/**
 * Row texts, read a meeting at a time: the first remark asked of a meeting
 * inflates that meeting's block, the rest of its remarks are read from it.
 */
export class TextReader {
  /** Per block: its inflated bytes, its first row, and each of its rows' offsets in it. */
  private readonly blocks = new Map<number, { bytes: Uint8Array; first: number; offsets: Uint32Array }>();
  private readonly decoder = new TextDecoder();
  constructor(
    private readonly t: AssetTables,
    private readonly inflateBlock: InflateBlock = (b) => inflateSync(b),
  ) {}

  text(row: number): string {
    const t = this.t;
    const chunk = t.meetingChunk[t.rowMeeting[row]!]!;
    let block = this.blocks.get(chunk);
    if (!block) {
      // A block's rows are contiguous: their offsets in it are running sums of their sizes.
      const inChunk = (r: number) => t.meetingChunk[t.rowMeeting[r]!] === chunk;
      let first = row;
      while (first > 0 && inChunk(first - 1)) first--;
      let last = row;
      while (last + 1 < t.rowMeeting.length && inChunk(last + 1)) last++;
      const offsets = new Uint32Array(last - first + 2);
      for (let r = first; r <= last; r++) offsets[r - first + 1] = offsets[r - first]! + t.rowTextBytes[r]!;
      block = { bytes: this.inflateBlock(t.chunks.subarray(t.chunkStart[chunk]!, t.chunkStart[chunk + 1]!)), first, offsets };
      this.blocks.set(chunk, block);
    }
    const at = row - block.first;
    return this.decoder.decode(block.bytes.subarray(block.offsets[at]!, block.offsets[at + 1]!));
  }
}
