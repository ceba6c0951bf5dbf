/**
 * The seed corpus, and larger ones made from it in memory (never written to
 * the repository) to see how size, load and search scale.
 */
import { encodeAsset } from '../../lib/search/asset';
import { uncompressedSize } from './index-figures';
import { assembleTables, analyzeRemarks, type Analyzer } from '../../lib/search/build';
import type { Meeting, Remark } from '../../lib/minutes/types';
import { minutesFilesIn, readMinutesFile } from '../node/minutes-files';
import { SEED_DIR, seedsHash } from '../node/index-file';

export interface Corpus {
  meetings: Meeting[];
  remarks: Remark[];
  /** Each searchable remark's terms (compound parts included), by row in `remarks`. */
  terms: Map<number, string[]>;
}

/** The seeds, parsed and analysed once. */
export async function seedCorpus(analyze: Analyzer): Promise<Corpus> {
  const minutes = await Promise.all(minutesFilesIn(SEED_DIR).map(readMinutesFile));
  const meetings = minutes.map((m) => m.meeting);
  const remarks = minutes.flatMap((m) => m.remarks);
  return { meetings, remarks, terms: analyzeRemarks(remarks, analyze) };
}

/** Days each copy's dates move, so copies spread over years rather than pile onto one day. */
const DAYS_PER_COPY = 17;

function shiftDate(iso: string | null, days: number): string | null {
  if (iso === null || days === 0) return iso;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * `factor` copies of the corpus: copy 0 is the original, copy k has meeting ids
 * `${id}-x${k}`, dates k×17 days later, and its remarks point at them. Terms are
 * reused rather than re-analysed: kuromoji per copy would dominate the run, and a
 * copy's text (hence its terms) is the original's.
 */
export function scaleCorpus(base: Corpus, factor: number): Corpus {
  const meetings: Meeting[] = [];
  const remarks: Remark[] = [];
  const terms = new Map<number, string[]>();
  for (let k = 0; k < factor; k++) {
    const idOf = (id: string) => (k === 0 ? id : `${id}-x${k}`);
    for (const m of base.meetings) meetings.push({ ...m, id: idOf(m.id), date: shiftDate(m.date, k * DAYS_PER_COPY) });
    const offset = remarks.length;
    for (const r of base.remarks) {
      const meetingId = idOf(r.meetingId);
      remarks.push({ ...r, meetingId, id: `${meetingId}-r${r.order}` });
    }
    for (const [row, list] of base.terms) terms.set(offset + row, list);
  }
  return { meetings, remarks, terms };
}

export interface CorpusAsset {
  meetings: number;
  remarks: number;
  /** Uncompressed bytes. */
  raw: number;
  compressed: Uint8Array;
}

/** The asset for a corpus, the way the build makes it (and, for the raw size, the same tables uncompressed). */
export function assetBytes(corpus: Corpus): CorpusAsset {
  const compressed = encodeAsset(assembleTables(corpus.meetings, corpus.remarks, corpus.terms, seedsHash()));
  return { meetings: corpus.meetings.length, remarks: corpus.remarks.length, raw: uncompressedSize(compressed), compressed };
}
