/**
 * The shipped index asset: meetings, remarks and the MiniSearch index in one
 * gzip-compressed JSON file with a format version. The build writes it (Node's
 * zlib, so the same seeds give the same bytes); the extension and the command
 * line read it with the platform's DecompressionStream.
 */
import type { Meeting, Remark, RemarkKind } from '../minutes/types';
import { INDEX_FORMAT, INDEX_VERSION } from './schema';

export interface RemarkColumns {
  meeting: number[];
  order: number[];
  /** t: turn, i: item, h: heading. */
  kind: string;
  speaker: (string | null)[];
  role: (string | null)[];
  affiliation: (string | null)[];
  label: (string | null)[];
  section: (string | null)[];
  text: string[];
  start: number[];
  end: number[];
}

/** MiniSearch's index, compacted: postings are `[Δrow, freq, Δrow, freq, …]` per term. */
export interface CompactIndex {
  terms: string[];
  postings: number[][];
  /** Per document (MiniSearch short id): its remark row and its number of terms. */
  rows: number[];
  lengths: number[];
}

export interface AssetData {
  format: typeof INDEX_FORMAT;
  version: number;
  /** Hash of the seed files the asset was built from: the command line rebuilds when it differs. */
  seeds: string;
  meetings: Meeting[];
  remarks: RemarkColumns;
  index: CompactIndex;
}

export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
}

const KIND_CODE: Record<RemarkKind, string> = { turn: 't', item: 'i', heading: 'h' };
const CODE_KIND: Record<string, RemarkKind> = { t: 'turn', i: 'item', h: 'heading' };

export function remarkColumns(meetings: Meeting[], remarks: Remark[]): RemarkColumns {
  const index = new Map(meetings.map((m, i) => [m.id, i]));
  return {
    meeting: remarks.map((r) => index.get(r.meetingId)!),
    order: remarks.map((r) => r.order),
    kind: remarks.map((r) => KIND_CODE[r.kind]).join(''),
    speaker: remarks.map((r) => r.speaker),
    role: remarks.map((r) => r.role),
    affiliation: remarks.map((r) => r.affiliation),
    label: remarks.map((r) => r.label),
    section: remarks.map((r) => r.section),
    text: remarks.map((r) => r.text),
    start: remarks.map((r) => r.start),
    end: remarks.map((r) => r.end),
  };
}

export function remarksFrom(meetings: Meeting[], c: RemarkColumns): Remark[] {
  return c.order.map((order, i) => {
    const meetingId = meetings[c.meeting[i]!]!.id;
    return {
      id: `${meetingId}-r${order}`,
      meetingId,
      order,
      kind: CODE_KIND[c.kind[i]!]!,
      speaker: c.speaker[i]!,
      role: c.role[i]!,
      affiliation: c.affiliation[i]!,
      label: c.label[i]!,
      section: c.section[i]!,
      text: c.text[i]!,
      start: c.start[i]!,
      end: c.end[i]!,
    };
  });
}

export function serializeAsset(data: AssetData): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(data));
}

/** Decompress and check an asset; a different format or version is an error, never wrong results. */
export async function readAsset(compressed: Uint8Array | ArrayBuffer): Promise<AssetData> {
  const bytes = compressed instanceof Uint8Array ? compressed : new Uint8Array(compressed);
  let json: string;
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    json = await new Response(stream).text();
  } catch (e) {
    throw new IndexFormatError(`the index asset is not gzip data (${(e as Error).message})`);
  }
  return checkAsset(JSON.parse(json) as Partial<AssetData>);
}

export function checkAsset(data: Partial<AssetData>): AssetData {
  if (data.format !== INDEX_FORMAT) throw new IndexFormatError('the index asset is not a Minutes Lens index');
  if (data.version !== INDEX_VERSION) {
    throw new IndexFormatError(
      `the index asset has format version ${String(data.version)}, this code reads version ${INDEX_VERSION}: rebuild it with npm run build`,
    );
  }
  return data as AssetData;
}
