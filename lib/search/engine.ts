/**
 * The query API over a loaded index: the background service worker, the side
 * panel and the command line all answer from this class.
 */
import MiniSearch, { type AsPlainObject, type SearchResult } from 'minisearch';
import type { Meeting, Remark } from '../minutes/types';
import { DEFAULT_SEARCH_LIMIT, MIN_QUERY_COVERAGE, RELATED_LIMIT } from '../limits';
import { normalize } from '../text/normalize';
import { readAsset, remarksFrom, type AssetData } from './asset';
import { analyzeQuery, phraseKey, type AnalyzedQuery } from './query';
import { SEARCH_OPTIONS, type IndexedDoc } from './schema';
import { makeSnippet, type Snippet } from './snippet';
import { Vocabulary } from './vocabulary';

export interface SearchOptions {
  limit?: number;
  /** Committee name, or part of it. */
  committee?: string;
  /** Meeting id. */
  meeting?: string;
  /** Speaker's name (or body), or part of it. */
  speaker?: string;
  /** Role, e.g. 構成員, 座長. */
  role?: string;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
}

/** How a hit matched: the whole query as written, every word of it, or some words. */
export type MatchKind = 'phrase' | 'all' | 'some';

export interface SearchHit {
  remark: Remark;
  meeting: Meeting;
  score: number;
  match: MatchKind;
  snippet: Snippet;
}

const TIER: Record<MatchKind, number> = { phrase: 2, all: 1, some: 0 };

export class MinutesIndex {
  readonly meetings: Meeting[];
  readonly remarks: Remark[];
  readonly vocabulary: Vocabulary;
  /** Hash of the seeds the index was built from. */
  readonly seeds: string;
  private readonly search_: MiniSearch<IndexedDoc>;
  private readonly meetingOfRow: Meeting[];
  private readonly keys: (string | undefined)[] = [];

  static async fromBytes(bytes: Uint8Array | ArrayBuffer): Promise<MinutesIndex> {
    return new MinutesIndex(await readAsset(bytes));
  }

  constructor(data: AssetData) {
    this.meetings = data.meetings;
    this.seeds = data.seeds;
    this.remarks = remarksFrom(data.meetings, data.remarks);
    this.meetingOfRow = data.remarks.meeting.map((m) => data.meetings[m]!);
    const { plain, frequencies } = expand(data);
    this.search_ = MiniSearch.loadJS(plain, SEARCH_OPTIONS);
    this.vocabulary = new Vocabulary(frequencies);
  }

  meeting(id: string): Meeting | undefined {
    return this.meetings.find((m) => m.id === id);
  }

  remarksOf(meetingId: string): Remark[] {
    return this.remarks.filter((r) => r.meetingId === meetingId);
  }

  analyze(query: string): AnalyzedQuery {
    return analyzeQuery(query, this.vocabulary);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const q = this.analyze(query);
    if (!answerable(q)) return [];
    // Only the words themselves: the index already holds each compound's parts as terms, so
    // セキュリティ finds サイバーセキュリティ, while テレワーク's part ワーク would find ネットワーク.
    const raw = this.search_.search(q.words.join(' '), { filter: (r) => this.passes(r.id as number, options) });
    const hits = raw.map((r) => ({ r, match: this.matchOf(r, q) }));
    hits.sort((a, b) => TIER[b.match] - TIER[a.match] || b.r.score - a.r.score || (a.r.id as number) - (b.r.id as number));
    return hits.slice(0, options.limit ?? DEFAULT_SEARCH_LIMIT).map(({ r, match }) => {
      const row = r.id as number;
      const remark = this.remarks[row]!;
      return {
        remark,
        meeting: this.meetingOfRow[row]!,
        score: Math.round(r.score * 1000) / 1000,
        match,
        snippet: makeSnippet(remark.text, q.phrase, q.words),
      };
    });
  }

  /** The remarks a popover shows for a glossary term: those that say it, best first. */
  related(term: string, limit = RELATED_LIMIT): SearchHit[] {
    return this.search(term, { limit: limit * 4 })
      .filter((h) => h.match !== 'some')
      .slice(0, limit);
  }

  private matchOf(r: SearchResult, q: AnalyzedQuery): MatchKind {
    if (!q.words.every((w) => r.queryTerms.includes(w))) return 'some';
    // A one-word query is its own phrase: no need to read the text (a cold index would
    // normalise thousands of remarks for a common word).
    if (q.words.length === 1 && q.phrase === q.words[0]) return 'phrase';
    const row = r.id as number;
    this.keys[row] ??= phraseKey(this.remarks[row]!.text);
    return q.phrase !== '' && this.keys[row]!.includes(q.phrase) ? 'phrase' : 'all';
  }

  private passes(row: number, o: SearchOptions): boolean {
    const r = this.remarks[row]!;
    const m = this.meetingOfRow[row]!;
    if (o.meeting && m.id !== o.meeting) return false;
    if (o.committee && !contains(m.committee, o.committee)) return false;
    if (o.speaker && !contains(r.speaker, o.speaker)) return false;
    if (o.role && !contains(r.role, o.role)) return false;
    if (o.from && (m.date === null || m.date < o.from)) return false;
    if (o.to && (m.date === null || m.date > o.to)) return false;
    return true;
  }
}

/**
 * Whether the minutes discuss what the query asks: it has known words, they
 * cover most of it, and no word of it is unknown to the minutes (量子 in
 * 量子コンピュータ). Otherwise we answer nothing rather than noise.
 */
export const answerable = (q: AnalyzedQuery): boolean =>
  q.words.length > 0 && q.unknown.length === 0 && q.covered >= q.counted * MIN_QUERY_COVERAGE;

const contains = (value: string | null, wanted: string): boolean =>
  value !== null && normalize(value).includes(normalize(wanted));

/** The compact index back into MiniSearch's own serialised shape, and the vocabulary's frequencies. */
function expand(data: AssetData): { plain: AsPlainObject; frequencies: Map<string, number> } {
  const { terms, postings, rows, lengths } = data.index;
  const frequencies = new Map<string, number>();
  const index: AsPlainObject['index'] = terms.map((term, t) => {
    const list = postings[t]!;
    const freqs: Record<string, number> = {};
    let short = 0;
    let total = 0;
    for (let k = 0; k < list.length; k += 2) {
      short += list[k]!;
      freqs[short] = list[k + 1]!;
      total += list[k + 1]!;
    }
    frequencies.set(term, total);
    return [term, { 0: freqs }];
  });
  const count = rows.length;
  const documentIds: Record<string, number> = {};
  const fieldLength: Record<string, number[]> = {};
  let sum = 0;
  for (let short = 0; short < count; short++) {
    documentIds[short] = rows[short]!;
    fieldLength[short] = [lengths[short]!];
    sum += lengths[short]!;
  }
  const plain: AsPlainObject = {
    documentCount: count,
    nextId: count,
    documentIds,
    fieldIds: { terms: 0 },
    fieldLength,
    averageFieldLength: [count === 0 ? 0 : sum / count],
    storedFields: {},
    dirtCount: 0,
    index,
    serializationVersion: 2,
  };
  return { plain, frequencies };
}
