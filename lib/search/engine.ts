/**
 * The query API over a loaded index: the background service worker, the side
 * panel and the command line all answer from this class. The shipped minutes
 * are read in place from the asset's typed arrays (lib/search/asset.ts); the
 * reader's own meetings are added beside them (rows after the shipped ones,
 * postings in a map), and both are scored together, so a score means the
 * same whichever minutes a remark comes from.
 */
import type { Meeting, Remark } from '../minutes/types';
import { DEFAULT_SEARCH_LIMIT, FACET_VALUES_MAX, MIN_QUERY_COVERAGE, PHRASE_CHECK_MAX, RELATED_LIMIT } from '../limits';
import { normalize } from '../text/normalize';
import { compareText } from './order';
import { countTimeline, type Timeline } from './timeline';
import { kindOf, readAsset, readAssetStream, TextReader, type AssetTables, type Inflate, type InflateBlock } from './asset';
import { analyzeQuery, phraseKey, type AnalyzedQuery } from './query';
import { bm25, idf, rankScore, tierOf, type MatchKind, type Ranking } from './rank';
import { makeSnippet, type Snippet } from './snippet';
import { Vocabulary } from './vocabulary';

export type { MatchKind, Ranking } from './rank';

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
  /** How "best" is judged (lib/search/rank.ts); the readers' ranking unless a comparison asks otherwise. */
  ranking?: Ranking;
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

export interface SearchHit {
  remark: Remark;
  meeting: Meeting;
  /** The reader added this meeting (it is not shipped with the extension). */
  yours: boolean;
  score: number;
  match: MatchKind;
  snippet: Snippet;
}

interface Ranked {
  row: number;
  raw: number;
  score: number;
  match: MatchKind;
}

/** One set of tables and where its rows start: the shipped minutes, then the reader's library. */
interface Segment {
  t: AssetTables;
  base: number;
  yours: boolean;
  termIndex: Map<string, number>;
  meetingIds: Set<string>;
  texts: TextReader;
  cache: (Remark | undefined)[];
  ranges?: Map<string, [number, number]>;
}

function segmentOf(t: AssetTables, base: number, yours: boolean, inflateBlock?: InflateBlock): Segment {
  return {
    t,
    base,
    yours,
    termIndex: new Map(t.terms.map((term, i) => [term, i])),
    meetingIds: new Set(t.meetings.map((m) => m.id)),
    texts: new TextReader(t, inflateBlock),
    cache: [],
  };
}

/** The platform's decompression, where it has better than the portable one (Node's zlib). */
export interface Platform {
  inflate?: Inflate;
  inflateBlock?: InflateBlock;
}

export class MinutesIndex {
  meetings: Meeting[];
  vocabulary: Vocabulary;
  /** Hash of the seeds the index was built from. */
  readonly seeds: string;
  private readonly shipped: Segment;
  private library: Segment | null = null;
  private keys: (string | undefined)[] = [];
  /** BM25's document count and total length, shipped and the reader's together. */
  private documents = 0;
  private lengthSum = 0;
  private normalized = new Map<string, string>();
  private scores = new Float64Array(0);
  private matched = new Uint8Array(0);

  static async fromBytes(bytes: Uint8Array | ArrayBuffer, platform: Platform = {}): Promise<MinutesIndex> {
    return new MinutesIndex(await readAsset(bytes, platform.inflate), platform);
  }

  /** The index from a fetch's body, decoded while it still arrives (the service worker's cold start). */
  static async fromStream(body: ReadableStream<Uint8Array>, platform: Platform = {}): Promise<MinutesIndex> {
    return new MinutesIndex(await readAssetStream(body, platform.inflate), platform);
  }

  constructor(
    tables: AssetTables,
    private readonly platform: Platform = {},
  ) {
    this.seeds = tables.seeds;
    this.shipped = segmentOf(tables, 0, false, platform.inflateBlock);
    this.meetings = [...tables.meetings];
    this.vocabulary = new Vocabulary(new Map());
    this.recount();
  }

  private segments(): Segment[] {
    return this.library ? [this.shipped, this.library] : [this.shipped];
  }

  /** Vocabulary and BM25's statistics over every segment: after loading, and after the library changed. */
  private recount(): void {
    const frequencies = new Map<string, number>();
    this.documents = 0;
    this.lengthSum = 0;
    for (const { t } of this.segments()) {
      t.terms.forEach((term, i) => frequencies.set(term, (frequencies.get(term) ?? 0) + t.termFreq[i]!));
      this.documents += t.documents;
      this.lengthSum += t.lengthSum;
    }
    this.vocabulary = new Vocabulary(frequencies);
  }

  /**
   * The reader's library, as a segment in the asset's form (lib/search/segment.ts):
   * searched with the shipped minutes from now on; null when the library is empty.
   */
  setLibrary(tables: AssetTables | null): void {
    const empty = !tables || tables.rowMeeting.length === 0;
    this.library = empty ? null : segmentOf(tables, this.shipped.t.rowMeeting.length, true, this.platform.inflateBlock);
    this.meetings = [...this.shipped.t.meetings, ...(this.library?.t.meetings ?? [])];
    // Rows of the library are numbered anew: cached phrase keys past the shipped rows are stale.
    this.keys = this.keys.slice(0, this.shipped.t.rowMeeting.length);
    this.recount();
  }

  // ------------------------------------------------------------ rows

  private get rowCount(): number {
    return this.shipped.t.rowMeeting.length + (this.library?.t.rowMeeting.length ?? 0);
  }

  private segment(row: number): Segment {
    return this.library && row >= this.library.base ? this.library : this.shipped;
  }

  /** Every remark, shipped and the reader's, in row order (builds each row's object: tests and tools). */
  get remarks(): Remark[] {
    return Array.from({ length: this.rowCount }, (_, row) => this.remark(row));
  }

  private remark(row: number): Remark {
    const seg = this.segment(row);
    const local = row - seg.base;
    let r = seg.cache[local];
    if (!r) {
      const t = seg.t;
      const meetingId = t.meetings[t.rowMeeting[local]!]!.id;
      const order = t.rowOrder[local]!;
      const str = (i: number) => (i < 0 ? null : t.strings[i]!);
      r = {
        id: `${meetingId}-r${order}`,
        meetingId,
        order,
        kind: kindOf(t.rowKind[local]!),
        speaker: str(t.rowSpeaker[local]!),
        role: str(t.rowRole[local]!),
        affiliation: str(t.rowAffiliation[local]!),
        label: str(t.rowLabel[local]!),
        section: str(t.rowSection[local]!),
        text: seg.texts.text(local),
        start: t.rowStart[local]!,
        end: t.rowEnd[local]!,
      };
      seg.cache[local] = r;
    }
    return r;
  }

  private meetingOfRow(row: number): Meeting {
    const seg = this.segment(row);
    return seg.t.meetings[seg.t.rowMeeting[row - seg.base]!]!;
  }

  private flagsOf(row: number): number {
    const seg = this.segment(row);
    return seg.t.rowFlags[row - seg.base]!;
  }

  /** The remark's size in UTF-8 bytes, known without reading (inflating) its text. */
  private textBytesOf(row: number): number {
    const seg = this.segment(row);
    return seg.t.rowTextBytes[row - seg.base]!;
  }

  private lengthOf(row: number): number {
    const seg = this.segment(row);
    return seg.t.rowLength[row - seg.base]!;
  }

  private stringAt(row: number, column: 'rowSpeaker' | 'rowRole'): string | null {
    const seg = this.segment(row);
    const i = seg.t[column][row - seg.base]!;
    return i < 0 ? null : seg.t.strings[i]!;
  }

  meeting(id: string): Meeting | undefined {
    return this.meetings.find((m) => m.id === id);
  }

  remarksOf(meetingId: string): Remark[] {
    const seg = this.segments().find((s) => s.meetingIds.has(meetingId));
    if (!seg) return [];
    seg.ranges ??= rangesOf(seg.t);
    const [from, to] = seg.ranges.get(meetingId)!;
    return Array.from({ length: to - from }, (_, i) => this.remark(seg.base + from + i));
  }

  /** Whether the reader added this meeting. */
  isYours(meetingId: string): boolean {
    return this.library?.meetingIds.has(meetingId) ?? false;
  }

  /** The reader's library segment as searched now, or null: what the next change starts from. */
  libraryTables(): AssetTables | null {
    return this.library?.t ?? null;
  }

  // ------------------------------------------------------------ search

  /** The query's words as the index knows them; the `plain` ranking reads it as the search before issue 13 did. */
  analyze(query: string, ranking: Ranking = 'readers'): AnalyzedQuery {
    return analyzeQuery(query, this.vocabulary, { strictEnglish: ranking === 'plain' });
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const q = this.analyze(query, options.ranking);
    const keep = this.filter(options);
    const ranked = this.rank(q, keep, options);
    return ranked.slice(0, options.limit ?? DEFAULT_SEARCH_LIMIT).map((h) => this.hit(h, q));
  }

  /** A page of results with the facet counts a side panel shows beside them. */
  searchPage(query: string, options: SearchOptions = {}): SearchPage {
    const q = this.analyze(query, options.ranking);
    const all = this.rank(q, null, options);
    const keep = this.filter(options);
    const hits = keep ? all.filter((h) => keep(h.row)) : all;
    const counted = FACETS.map((f) => [f, this.count(all, f, this.filter({ ...options, [f]: undefined }))] as const);
    const listed = (f: Facet, values: FacetCount[]) => values.filter((v, i) => i < FACET_VALUES_MAX || v.value === options[f]);
    const facets = Object.fromEntries(counted.map(([f, values]) => [f, listed(f, values)])) as SearchPage['facets'];
    const facetsMore = Object.fromEntries(counted.map(([f, values]) => [f, values.length - facets[f].length])) as SearchPage['facetsMore'];
    const undated = this.filter({ ...options, from: undefined, to: undefined });
    const dated = (undated ? all.filter((h) => undated(h.row)) : all)
      .map((h) => this.meetingOfRow(h.row).date)
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

  /**
   * The query over time (lib/search/timeline.ts): every hit a search lists,
   * under every filter but the meeting (picking a meeting is what the
   * timeline is for), counted per meeting; its first and last mention as hits.
   */
  timeline(query: string, options: SearchOptions = {}): Timeline {
    const q = this.analyze(query, options.ranking);
    const hits = answerable(q) ? this.score(q, this.filter({ ...options, meeting: undefined })) : [];
    const counts = countTimeline(
      hits.map((h) => {
        const seg = this.segment(h.row);
        return {
          meeting: this.meetingOfRow(h.row),
          yours: seg === this.library,
          speaker: this.stringAt(h.row, 'rowSpeaker'),
          role: this.stringAt(h.row, 'rowRole'),
          order: seg.t.rowOrder[h.row - seg.base]!,
          whole: h.match !== 'some',
        };
      }),
    );
    const at = (i: number | null) => (i === null ? null : this.hit(hits[i]!, q));
    return { query, ...counts, first: at(counts.first), last: at(counts.last) };
  }

  /**
   * The remarks a popover shows for a glossary term: those that say it, the
   * term as written first (a popover for 情報共有 opens on 情報共有, not on
   * 情報 and 共有 apart), each group best first.
   */
  related(term: string, limit = RELATED_LIMIT): SearchHit[] {
    const q = this.analyze(term);
    // A popover's candidates are its few best: only they are read for the phrase, not PHRASE_CHECK_MAX.
    const ranked = this.rank(q, null, {}, limit * 4).slice(0, limit * 4).filter((h) => h.match !== 'some');
    const shown = [...ranked.filter((h) => h.match === 'phrase'), ...ranked.filter((h) => h.match !== 'phrase')].slice(0, limit);
    // Only the remarks shown are read: each may inflate a block of texts, and a cold worker pays for every one.
    return shown.map((h) => this.hit(h, q));
  }

  /** BM25+ over every row holding a query word (each segment's postings), with MiniSearch's quality. */
  private score(q: AnalyzedQuery, keep: ((row: number) => boolean) | null): Ranked[] {
    const rows = this.rowCount;
    if (this.scores.length < rows) {
      this.scores = new Float64Array(rows + 1024);
      this.matched = new Uint8Array(rows + 1024);
    }
    const { scores, matched } = this;
    const touched: number[] = [];
    const average = this.documents === 0 ? 1 : this.lengthSum / this.documents;
    const segments = this.segments();
    for (const word of q.words) {
      const spans = segments.map((seg) => {
        const i = seg.termIndex.get(word);
        return i === undefined ? null : { seg, from: seg.t.postStart[i]!, to: seg.t.postStart[i + 1]! };
      });
      const termIdf = idf(this.documents, spans.reduce((n, s) => n + (s ? s.to - s.from : 0), 0));
      for (const span of spans) {
        if (!span) continue;
        const { t, base } = span.seg;
        for (let k = span.from; k < span.to; k++) {
          const local = t.postRow[k]!;
          const row = base + local;
          if (matched[row] === 0) touched.push(row);
          scores[row]! += bm25(t.postTf[k]!, termIdf, t.rowLength[local]!, average);
          matched[row]!++;
        }
      }
    }
    const out: Ranked[] = [];
    for (const row of touched) {
      if (!keep || keep(row)) {
        const m = matched[row]!;
        out.push({ row, raw: scores[row]! * m, score: 0, match: m === q.words.length ? 'all' : 'some' });
      }
      scores[row] = 0;
      matched[row] = 0;
    }
    return out;
  }

  /** Every match of an analysed query that `keep` lets through, best first (or newest first). */
  private rank(q: AnalyzedQuery, keep: ((row: number) => boolean) | null, options: SearchOptions, phraseChecks = PHRASE_CHECK_MAX): Ranked[] {
    if (!answerable(q)) return [];
    const ranking = options.ranking ?? 'readers';
    const ranked = this.score(q, keep);
    this.markPhrases(q, ranked, phraseChecks);
    for (const h of ranked) h.score = rankScore(ranking, h.raw, h.match, this.flagsOf(h.row), this.textBytesOf(h.row));
    const date = (h: Ranked) => this.meetingOfRow(h.row).date ?? '';
    ranked.sort((a, b) =>
      (options.sort === 'date' ? date(b).localeCompare(date(a)) || a.row - b.row : 0) ||
      tierOf(ranking, b.match) - tierOf(ranking, a.match) || b.score - a.score || a.row - b.row,
    );
    return ranked;
  }

  /**
   * Which hits hold the whole query as written. A one-word query is its own
   * phrase; otherwise only the `max` best-scoring hits with every word are
   * read: a common pair of words in a large library would mean normalising
   * thousands of remarks for a bonus that only decides the top.
   */
  private markPhrases(q: AnalyzedQuery, ranked: Ranked[], max: number): void {
    if (q.phrase === '') return;
    const all = ranked.filter((h) => h.match === 'all');
    if (q.words.length === 1 && q.phrase === q.words[0]) {
      for (const h of all) h.match = 'phrase';
      return;
    }
    all.sort((a, b) => b.raw - a.raw);
    for (const h of all.slice(0, max)) {
      this.keys[h.row] ??= phraseKey(this.remark(h.row).text);
      if (this.keys[h.row]!.includes(q.phrase)) h.match = 'phrase';
    }
  }

  private hit({ row, score, match }: Ranked, q: AnalyzedQuery): SearchHit {
    const remark = this.remark(row);
    return {
      remark,
      meeting: this.meetingOfRow(row),
      yours: this.isYours(remark.meetingId),
      score: Math.round(score * 1000) / 1000,
      match,
      snippet: makeSnippet(remark.text, q.phrase, q.words),
    };
  }

  private originOf(meetingId: string): Origin {
    return this.isYours(meetingId) ? 'yours' : 'shipped';
  }

  private count(all: Ranked[], facet: Facet, keep: ((row: number) => boolean) | null): FacetCount[] {
    const counts = new Map<string, FacetCount>();
    for (const h of all) {
      if (keep && !keep(h.row)) continue;
      const m = this.meetingOfRow(h.row);
      const [value, label] =
        facet === 'meeting' ? [m.id, `${m.title}${m.date ? ` (${m.date})` : ''}`]
        : facet === 'committee' ? [m.committee, m.committee]
        : facet === 'speaker' ? [this.stringAt(h.row, 'rowSpeaker'), this.stringAt(h.row, 'rowSpeaker')]
        : facet === 'origin' ? [this.originOf(m.id), this.originOf(m.id)]
        : [this.stringAt(h.row, 'rowRole'), this.stringAt(h.row, 'rowRole')];
      if (value === null || label === null) continue;
      const c = counts.get(value);
      if (c) c.count++;
      else counts.set(value, { value, label, count: 1 });
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || compareText(a.label, b.label));
  }

  private norm(s: string): string {
    let n = this.normalized.get(s);
    if (n === undefined) this.normalized.set(s, (n = normalize(s)));
    return n;
  }

  /** The rows `o` lets through, or null when it lets every row through (no filter set). */
  private filter(o: SearchOptions): ((row: number) => boolean) | null {
    const committee = o.committee ? normalize(o.committee) : null;
    const speaker = o.speaker ? normalize(o.speaker) : null;
    const role = o.role ? normalize(o.role) : null;
    if (!o.meeting && !o.origin && !committee && !speaker && !role && !o.from && !o.to) return null;
    return (row) => {
      const m = this.meetingOfRow(row);
      if (o.meeting && m.id !== o.meeting) return false;
      if (o.origin && this.originOf(m.id) !== o.origin) return false;
      // The committee by part of its name; names exactly (林 is not 小林).
      if (committee && (m.committee === null || !this.norm(m.committee).includes(committee))) return false;
      if (speaker) {
        const s = this.stringAt(row, 'rowSpeaker');
        if (s === null || this.norm(s) !== speaker) return false;
      }
      if (role) {
        const r = this.stringAt(row, 'rowRole');
        if (r === null || this.norm(r) !== role) return false;
      }
      if (o.from && (m.date === null || m.date < o.from)) return false;
      if (o.to && (m.date === null || m.date > o.to)) return false;
      return true;
    };
  }
}

/** Each meeting's rows: contiguous, in the order the tables were written. */
function rangesOf(t: AssetTables): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  for (let row = 0; row < t.rowMeeting.length; row++) {
    const id = t.meetings[t.rowMeeting[row]!]!.id;
    const r = ranges.get(id);
    if (r) r[1] = row + 1;
    else ranges.set(id, [row, row + 1]);
  }
  return ranges;
}

/**
 * Whether the minutes discuss what the query asks: it has known words, they
 * cover most of it, and no word of it is unknown to the minutes (量子 in
 * 量子コンピュータ). Otherwise we answer nothing rather than noise.
 */
export const answerable = (q: AnalyzedQuery): boolean =>
  q.words.length > 0 && q.unknown.length === 0 && q.covered >= q.counted * MIN_QUERY_COVERAGE;
