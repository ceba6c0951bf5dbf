/**
 * The one contract between the extension's contexts. Each message type maps to
 * its request payload and its reply; senders and receivers import these types,
 * and receivers check every message's shape at run time (`parseMessage`),
 * ignoring what they do not know.
 *
 * Errors cross the boundary as values (`{ ok: false, error }`), never as
 * rejected promises that the other side may not see.
 */
import type { LibraryTotals } from '../background/library';
import { asImportedFile, asParsedMinutes } from '../library/checks';
import type { ImportedFile, LibrarySummary } from '../library/record';
import type { LibraryExport } from '../library/transfer';
import type { LibraryProblem } from '../library/store';
import type { Meeting, ParsedMinutes, Remark } from '../minutes/types';
import type { SearchOptions } from '../search/engine';
import type { HitView, SearchPageView, TimelineView } from '../search/views';

/** Asked of the background service worker, which holds the index. */
export interface BackgroundCalls {
  /** Full search, as the side panel and the search page run it. */
  'lens/search': { request: { query: string; options?: SearchOptions }; reply: SearchPageView };
  /** A query over time: its matching remarks per meeting, under every search filter but the meeting. */
  'lens/timeline': { request: { query: string; options?: SearchOptions }; reply: TimelineView };
  /** The remarks a popover shows for a glossary term (its canonical form). */
  'lens/related': { request: { term: string; limit?: number }; reply: { hits: HitView[] } };
  /** A whole meeting, for the passage viewer; `yours` when the reader added it. */
  'lens/meeting': { request: { meetingId: string }; reply: { meeting: Meeting; remarks: Remark[]; yours: boolean } | null };
  /** Open the passage viewer on a remark (in a new tab), with the looked-up term emphasised. */
  'lens/open-passage': { request: { remarkId: string; term?: string }; reply: { opened: true } };
  /** Open the side panel (a search page where there is none) searching for a query, on its results or its timeline. */
  'lens/open-search': { request: { query: string; view?: PanelView }; reply: { opened: true } };
  /**
   * A content script's marks for the toolbar badge of its tab: how many terms
   * it has marked, and whether marking is on for its site. Sent when either changes.
   */
  'lens/marks': { request: { count: number; on: boolean }; reply: { shown: true } };

  // The reader's library: asked only from the extension's own pages (the options page).
  /** Store and index minutes the page has parsed (in its worker). */
  'lens/library-add': { request: { file: ImportedFile; parsed: ParsedMinutes; text: string }; reply: LibraryOutcome };
  'lens/library-list': { request: Record<string, never>; reply: LibraryTotals };
  'lens/library-remove': { request: { id: string }; reply: { removed: boolean } };
  'lens/library-clear': { request: Record<string, never>; reply: { removed: number } };
  /** The whole library as one file's content, and such a file read back. */
  'lens/library-export': { request: Record<string, never>; reply: LibraryExport };
  'lens/library-import': { request: { data: unknown }; reply: { outcomes: LibraryOutcome[] } };
}

/** The side panel's two views of a query: its results, and its timeline across meetings. */
export type PanelView = 'results' | 'timeline';
export const PANEL_VIEWS: ReadonlySet<unknown> = new Set<PanelView>(['results', 'timeline']);

/** A library change either happened or was refused for a reason the page says in the reader's language. */
export type LibraryOutcome =
  | { added: LibrarySummary }
  | { refused: { name: string; problem: LibraryProblem; detail: string } };

/** Asked of a content script by the background. */
export interface ContentCalls {
  /** Is it running on this tab, and on which page? */
  'content/ping': { request: Record<string, never>; reply: { url: string } };
  /** The reader's current selection on the page, as text. */
  'content/selection': { request: Record<string, never>; reply: { text: string } };
  /** What the content script has marked on its page, and how many scans it has run. */
  'content/state': { request: Record<string, never>; reply: ContentState };
  /** The minutes on the page, as the extraction reads them from the live document (no second download). */
  'content/page-minutes': { request: Record<string, never>; reply: PageMinutes };
  /** A short notice on the page, in the extension's own UI: what became of "add this page". */
  'content/notice': { request: { text: string; tone: 'done' | 'problem' }; reply: { shown: true } };
}

export interface PageMinutes {
  text: string;
  url: string;
  publisher: string | null;
  title: string;
}

export interface ContentState {
  /** Marking is on for this site (the reader's settings). */
  on: boolean;
  marked: { termId: string; term: string; text: string }[];
  scans: number;
  /** A scan is under way. */
  busy: boolean;
  /** Main-thread time of the set-up and the scan slices so far (each is one task). */
  work: { totalMs: number; longestMs: number; slices: number };
  /** Popovers shown, and the last one's time from the pointer at rest to painted results. */
  popover: { opened: number; lastMs: number | null };
}

type Calls = BackgroundCalls & ContentCalls;
export type MessageType = keyof Calls;
export type Message<K extends MessageType = MessageType> = K extends MessageType
  ? { type: K; payload: Calls[K]['request'] }
  : never;
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
export type Reply<K extends MessageType> = Result<Calls[K]['reply']>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
const SEARCH_OPTION_KEYS = ['committee', 'meeting', 'speaker', 'role', 'from', 'to'] as const;
const SORTS = new Set([undefined, 'relevance', 'date']);
const ORIGINS = new Set([undefined, 'shipped', 'yours']);

const searchOptionsOk = (o: unknown): boolean =>
  o === undefined ||
  (isObject(o) &&
    SEARCH_OPTION_KEYS.every((k) => optionalString(o[k])) &&
    SORTS.has(o.sort as string | undefined) &&
    ORIGINS.has(o.origin as string | undefined) &&
    (o.limit === undefined || (typeof o.limit === 'number' && o.limit > 0)));

/** Run-time checks of each message's payload: the receiver trusts nothing it has not checked. */
const PAYLOAD: { [K in MessageType]: (p: Record<string, unknown>) => boolean } = {
  'lens/search': (p) => typeof p.query === 'string' && searchOptionsOk(p.options),
  'lens/timeline': (p) => typeof p.query === 'string' && searchOptionsOk(p.options),
  'lens/related': (p) => typeof p.term === 'string' && (p.limit === undefined || (typeof p.limit === 'number' && p.limit > 0)),
  'lens/meeting': (p) => typeof p.meetingId === 'string',
  'lens/open-passage': (p) => typeof p.remarkId === 'string' && optionalString(p.term),
  'lens/open-search': (p) => typeof p.query === 'string' && (p.view === undefined || PANEL_VIEWS.has(p.view)),
  'lens/marks': (p) => typeof p.count === 'number' && Number.isInteger(p.count) && p.count >= 0 && typeof p.on === 'boolean',
  'lens/library-add': (p) => asImportedFile(p.file) !== null && asParsedMinutes(p.parsed) !== null && typeof p.text === 'string',
  'lens/library-list': () => true,
  'lens/library-remove': (p) => typeof p.id === 'string',
  'lens/library-clear': () => true,
  'lens/library-export': () => true,
  'lens/library-import': (p) => 'data' in p,
  'content/ping': () => true,
  'content/selection': () => true,
  'content/state': () => true,
  'content/page-minutes': () => true,
  'content/notice': (p) => typeof p.text === 'string' && (p.tone === 'done' || p.tone === 'problem'),
};

/** Messages that change or reveal the reader's library: answered only to the extension's own pages. */
export const isLibraryMessage = (m: Message): boolean => m.type.startsWith('lens/library-');

/** The message if it is one we know with a well-formed payload, else null. */
export function parseMessage(value: unknown): Message | null {
  if (!isObject(value) || typeof value.type !== 'string' || !isObject(value.payload)) return null;
  const check = (PAYLOAD as Record<string, ((p: Record<string, unknown>) => boolean) | undefined>)[value.type];
  return check?.(value.payload) ? (value as unknown as Message) : null;
}
