/**
 * The query API over a loaded index: the background service worker, the side
 * panel and the command line all answer from this class.
 */
import MiniSearch, { type AsPlainObject, type SearchResult } from 'minisearch';
import type { Meeting, Remark } from '../minutes/types';
import { DEFAULT_SEARCH_LIMIT, FACET_VALUES_MAX, MIN_QUERY_COVERAGE, RELATED_LIMIT } from '../limits';
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
  /** Best first (default), or newest meeting first. */
  sort?: 'relevance' | 'date';
  /** Only the minutes the extension ships, or only the reader's own. */
  origin?: Origin;
}

/** Where a meeting comes from: shipped with the extension, or added by the reader (「自分の」). */
export type Origin = 'shipped' | 'yours';

/** Filters a result list can be narrowed by, and the facets counted for them. */
export const FACETS = ['committee', 'meeting', 'speaker', 'role', 'origin'] as const;
export type Facet = (typeof FACETS)[number];

export interface FacetCount {
  /** What the filter option takes (a meeting id, a name). */
  value: string;
  /** What a reader sees (the meeting's title and date). */
  label: string;
  count: number;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Hits before the limit. */
  total: number;
  /**
   * For each facet: the hits each value has, under every other filter (so a
   * reader can switch), most first: at most FACET_VALUES_MAX of them, plus the
   * chosen value wherever it ranks.
   */
  facets: Record<Facet, FacetCount[]>;
  /** For each facet, how many more values have hits than are listed. */
  facetsMore: Record<Facet, number>;
  /** The dates the hits span, under every filter but the date range. */
  dates: { from: string | null; to: string | null };
}

/** How a hit matched: the whole query as written, every word of it, or some words. */
export type MatchKind = 'phrase' | 'all' | 'some';

export interface SearchHit {
  remark: Remark;
  meeting: Meeting;
  /** The reader added this meeting (it is not shipped with the extension). */
  yours: boolean;
  score: number;
  match: MatchKind;
  snippet: Snippet;
}

/**
 * A reader's own meeting, analysed in the extension (lib/search/runtime-analyzer.ts):
 * what the index needs to search it together with the shipped minutes.
 */
export interface LibraryEntry {
  meeting: Meeting;
  remarks: Remark[];
  /** Each remark's terms, by its position in `remarks`; empty for headings and empty remarks. */
  terms: string[][];
}

const TIER: Record<MatchKind, number> = { phrase: 2, all: 1, some: 0 };

interface Ranked {
  row: number;
  score: number;
  match: MatchKind;
}

export class MinutesIndex {
  readonly meetings: Meeting[];
  readonly remarks: Remark[];
  readonly vocabulary: Vocabulary;
  /** Hash of the seeds the index was built from. */
  readonly seeds: string;
  private readonly search_: MiniSearch<IndexedDoc>;
  private readonly meetingOfRow: Meeting[];
  private readonly keys: (string | undefined)[] = [];
  /** The reader's meetings: their rows, and the terms they added to the index. */
  private readonly library = new Map<string, { rows: number[]; terms: string[][] }>();

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
    const own = this.library.get(meetingId);
    if (own) return own.rows.map((row) => this.remarks[row]!);
    return this.meeting(meetingId) ? this.remarks.filter((r) => r.meetingId === meetingId) : [];
  }

  /** Whether the reader added this meeting. */
  isYours(meetingId: string): boolean {
    return this.library.has(meetingId);
  }

  /**
   * Search a reader's meeting together with the shipped ones: one index, so a
   * score means the same whichever minutes a remark comes from. Its rows are
   * appended; its terms teach the vocabulary the words it brings.
   */
  addLibrary({ meeting, remarks, terms }: LibraryEntry): void {
    if (this.meeting(meeting.id)) throw new Error(`a meeting ${meeting.id} is already in the index`);
    const rows: number[] = [];
    const docs: IndexedDoc[] = [];
    remarks.forEach((remark, i) => {
      const row = this.remarks.length;
      rows.push(row);
      this.remarks.push(remark);
      this.meetingOfRow.push(meeting);
      if (terms[i]?.length) docs.push({ id: row, terms: terms[i]!.join(' ') });
    });
    this.search_.addAll(docs);
    this.vocabulary.update(terms.flat(), 1);
    this.meetings.push(meeting);
    this.library.set(meeting.id, { rows, terms });
  }

  /** Take a reader's meeting out of every search; its rows stay as unreachable holes. */
  removeLibrary(meetingId: string): boolean {
    const own = this.library.get(meetingId);
    if (!own) return false;
    own.rows.forEach((row, i) => {
      if (own.terms[i]?.length) this.search_.discard(row);
    });
    this.vocabulary.update(own.terms.flat(), -1);
    this.meetings.splice(this.meetings.findIndex((m) => m.id === meetingId), 1);
    this.library.delete(meetingId);
    return true;
  }

  analyze(query: string): AnalyzedQuery {
    return analyzeQuery(query, this.vocabulary);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const q = this.analyze(query);
    const ranked = this.rank(q, (row) => this.passes(row, options), options.sort);
    return ranked.slice(0, options.limit ?? DEFAULT_SEARCH_LIMIT).map((h) => this.hit(h, q));
  }

  /** A page of results with the facet counts a side panel shows beside them. */
  searchPage(query: string, options: SearchOptions = {}): SearchPage {
    const q = this.analyze(query);
    const all = this.rank(q, () => true, options.sort);
    const hits = all.filter((h) => this.passes(h.row, options));
    const counted = FACETS.map((f) => [f, this.count(all, f, { ...options, [f]: undefined })] as const);
    const listed = (f: Facet, values: FacetCount[]) =>
      values.filter((v, i) => i < FACET_VALUES_MAX || v.value === options[f]);
    const facets = Object.fromEntries(counted.map(([f, values]) => [f, listed(f, values)])) as SearchPage['facets'];
    const facetsMore = Object.fromEntries(counted.map(([f, values]) => [f, values.length - facets[f].length])) as SearchPage['facetsMore'];
    const dated = all
      .filter((h) => this.passes(h.row, { ...options, from: undefined, to: undefined }))
      .map((h) => this.meetingOfRow[h.row]!.date)
      .filter((d): d is string => d !== null)
      .sort();
    return {
      hits: hits.slice(0, options.limit ?? DEFAULT_SEARCH_LIMIT).map((h) => this.hit(h, q)),
      total: hits.length,
      facets,
      facetsMore,
      dates: { from: dated[0] ?? null, to: dated[dated.length - 1] ?? null },
    };
  }

  /** Every match of an analysed query that `keep` lets through, best first (or newest first). */
  private rank(q: AnalyzedQuery, keep: (row: number) => boolean, sort: SearchOptions['sort']): Ranked[] {
    if (!answerable(q)) return [];
    // Only the words themselves: the index already holds each compound's parts as terms, so
    // セキュリティ finds サイバーセキュリティ, while テレワーク's part ワーク would find ネットワーク.
    const raw = this.search_.search(q.words.join(' '), { filter: (r) => keep(r.id as number) });
    const ranked = raw.map((r) => ({ row: r.id as number, score: r.score, match: this.matchOf(r, q) }));
    const date = (h: Ranked) => this.meetingOfRow[h.row]!.date ?? '';
    ranked.sort((a, b) =>
      (sort === 'date' ? date(b).localeCompare(date(a)) || a.row - b.row : 0) ||
      TIER[b.match] - TIER[a.match] || b.score - a.score || a.row - b.row,
    );
    return ranked;
  }

  private originOf(meetingId: string): Origin {
    return this.library.has(meetingId) ? 'yours' : 'shipped';
  }

  private hit({ row, score, match }: Ranked, q: AnalyzedQuery): SearchHit {
    const remark = this.remarks[row]!;
    return {
      remark,
      meeting: this.meetingOfRow[row]!,
      yours: this.library.has(remark.meetingId),
      score: Math.round(score * 1000) / 1000,
      match,
      snippet: makeSnippet(remark.text, q.phrase, q.words),
    };
  }

  private count(all: Ranked[], facet: Facet, options: SearchOptions): FacetCount[] {
    const counts = new Map<string, FacetCount>();
    for (const h of all) {
      if (!this.passes(h.row, options)) continue;
      const r = this.remarks[h.row]!;
      const m = this.meetingOfRow[h.row]!;
      const [value, label] =
        facet === 'meeting' ? [m.id, `${m.title}${m.date ? ` (${m.date})` : ''}`]
        : facet === 'committee' ? [m.committee, m.committee]
        : facet === 'speaker' ? [r.speaker, r.speaker]
        : facet === 'origin' ? [this.originOf(m.id), this.originOf(m.id)]
        : [r.role, r.role];
      if (value === null || label === null) continue;
      const c = counts.get(value) ?? { value, label, count: 0 };
      c.count++;
      counts.set(value, c);
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
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
    if (o.origin && this.originOf(m.id) !== o.origin) return false;
    if (o.committee && !contains(m.committee, o.committee)) return false;
    // Names exactly (林 is not 小林); the committee by part of its name.
    if (o.speaker && !same(r.speaker, o.speaker)) return false;
    if (o.role && !same(r.role, o.role)) return false;
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
const same = (value: string | null, wanted: string): boolean => value !== null && normalize(value) === normalize(wanted);

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
