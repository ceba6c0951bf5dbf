/**
 * Limits and budgets, in one place, each with its reason.
 */

/** Characters of context on each side of a snippet's anchor: two lines of a popover. */
export const SNIPPET_CONTEXT = 60;

/** Results a search returns unless asked otherwise: a screenful in the side panel. */
export const DEFAULT_SEARCH_LIMIT = 20;

/**
 * Values a facet lists (meetings, speakers…), most hits first. With a
 * reader's library of hundreds of meetings a list grows past what anyone
 * scrolls through in a <select>, and rendering it cost the side panel more
 * than the search itself; the rest are counted ("and N more").
 */
export const FACET_VALUES_MAX = 50;

/**
 * Hits read whole to see whether they hold the query's exact phrase: the
 * best-scoring ones with every word. The phrase only decides order near the
 * top, and reading (normalising) thousands of remarks for a common pair of
 * words cost a large library's first search of it more than the rest of the
 * search together.
 */
export const PHRASE_CHECK_MAX = 60;

/**
 * Raw bytes of text compressed together in the index. A shown remark
 * inflates its whole block (about a millisecond for 64 KiB), and blocks this
 * large lose little to compressing apart: the seeds' texts take 3 % more than
 * as one stream, against 12 % more one meeting at a time.
 */
export const TEXT_BLOCK_BYTES = 64 * 1024;

/**
 * Speakers the timeline lists as having raised a query, and per meeting in a
 * mark's tooltip: a list a reader scans at a glance, each a filter.
 */
export const TIMELINE_SPEAKERS_MAX = 10;
export const TIMELINE_MEETING_SPEAKERS = 3;

/** Remarks a popover shows for a term (the terms issue asks for up to 5); a reader may choose another (lib/settings). */
export const RELATED_LIMIT = 5;

/**
 * Share of a query's characters (kana particles aside) that the index's
 * vocabulary must cover. Below it the query is about something the minutes do
 * not discuss, and we answer nothing rather than noise.
 */
export const MIN_QUERY_COVERAGE = 0.6;

// ---------------------------------------------------------------- content script
// It runs on every page: its budgets keep pages responsive and its UI out of the way.

/**
 * Work per slice of a scan. Half a 60 Hz frame: the page still gets the other
 * half for its own scripts and input, so even a 1 MB page never freezes while
 * we read it.
 */
export const SLICE_BUDGET_MS = 8;

/**
 * A changed page is rescanned once it has been quiet this long: a burst of DOM
 * updates (a framework rendering a list) costs one scan, not one per update.
 */
export const RESCAN_DEBOUNCE_MS = 300;

/**
 * ...but never later than this after the first change, or a page that never
 * stops changing (a ticking clock, a live feed) would never be rescanned. It
 * also bounds how often such a page is rescanned: once per this window.
 */
export const RESCAN_MAX_WAIT_MS = 1_000;

/**
 * How long the pointer rests on a term before its popover opens: passing over a
 * term opens nothing. The default; a reader may choose another (lib/settings).
 */
export const HOVER_REST_MS = 300;

/**
 * How far (CSS pixels, either way) the pointer may drift and still count as
 * resting: a hand on a mouse is never quite still, and each real move restarts
 * the hover delay.
 */
export const REST_SLOP_PX = 3;

/** How long the pointer may be off both the term and the popover before it closes: time to cross the gap. */
export const CLOSE_GRACE_MS = 300;

/**
 * Marks per page. By default only each term's first occurrence is marked, so
 * the glossary already bounds it; a reader who asks for every occurrence gets
 * at most this many, so a long page full of one term stays readable and cheap.
 */
export const MAX_MARKS_PER_PAGE = 200;

/**
 * A text node longer than this is matched in pieces, a slice at a time: one
 * piece takes about a millisecond, so one huge text node cannot freeze the page.
 */
export const MATCH_CHUNK_CHARS = 16_384;

/**
 * Characters of context either side of a piece: more than the longest written
 * form in the glossary, so a term or a Latin word is never cut at a piece's edge.
 */
export const MATCH_CHUNK_OVERLAP = 256;

/**
 * Texts remembered with what the matcher found in them, so that a page that
 * re-renders the same text costs a lookup, not a match. Only short texts are kept.
 */
export const MATCH_CACHE_ENTRIES = 512;
export const MATCH_CACHE_MAX_CHARS = 4_096;

/**
 * Changed roots collected before a rescan simply walks the whole body again:
 * checking each root against the others costs more than the walk past this.
 */
export const MAX_DIRTY_ROOTS = 256;

/**
 * Nodes looked at, without matching, to tell whether a change brought new text
 * (before a rescan) or to find the new node of a re-rendered mark (in the
 * observer's callback, which must stay short). Past this, assume new text and scan.
 */
export const CHANGE_CHECK_LIMIT = 1_000;

/** The popover's size, and its distance from the term and from the viewport's edges (CSS pixels). */
export const POPOVER_WIDTH = 380;
export const POPOVER_MAX_HEIGHT = 440;
export const POPOVER_GAP = 6;
export const VIEWPORT_MARGIN = 8;

// ---------------------------------------------------------------- selection lookup

/**
 * A selected text longer than this is cut (at a sentence or word boundary):
 * a query of a few words finds related remarks; a whole paragraph finds noise,
 * and a context-menu title must stay short.
 */
export const SELECTION_MAX_CHARS = 60;

/** How long the side panel waits after the last keystroke before it searches. */
export const SEARCH_DEBOUNCE_MS = 150;

// ---------------------------------------------------------------- passages

/** Long enough to be unique within a meeting, short enough for a readable URL. */
export const QUOTE_CHARS = 40;
/** Enough to tell two identical quotes apart (e.g. two 「(1) 開会」 headings). */
export const CONTEXT_CHARS = 16;
/**
 * The fuzzy path accepts a remark only when its longest common substring with
 * the quote is at least this share of the quote (and at least FUZZY_MIN_CHARS):
 * a small edit leaves over half of a 40-character quote intact, while unrelated
 * Japanese text shares only particles and short words.
 */
export const FUZZY_MIN_SHARE = 0.5;
export const FUZZY_MIN_CHARS = 6;

/**
 * The longest quoted text: about three sentences of a remark, enough to show
 * what was said; a longer one is cut at a sentence end and marked with …
 */
export const CITATION_MAX_CHARS = 200;

// ---------------------------------------------------------------- reader controls

/**
 * The hover delay a reader may choose. Below 100 ms passing over a term opens
 * it (the popover would chase the pointer); above 2 s readers think it broken.
 */
export const HOVER_DELAY_MIN_MS = 100;
export const HOVER_DELAY_MAX_MS = 2_000;

/** Remarks a popover may be set to show: at least one, and no more than fit its height without a long scroll. */
export const POPOVER_COUNT_MIN = 1;
export const POPOVER_COUNT_MAX = 10;

/**
 * Hostnames kept in each of the allow and block lists. The settings are one
 * storage.sync item, and an item may hold 8,192 bytes (QUOTA_BYTES_PER_ITEM):
 * two lists of 100 ordinary hostnames stay well inside it. The newest entries
 * are kept, so a site switched off from the toolbar is never the one dropped.
 */
export const MAX_LISTED_SITES = 100;

/**
 * Frames smaller than this (CSS pixels, either side) are not read: trackers,
 * ad slots and hidden helper frames hold no prose, and every frame we read
 * pays for building the matcher. An embedded article or document is larger.
 */
export const MIN_FRAME_WIDTH = 200;
export const MIN_FRAME_HEIGHT = 100;

/**
 * The toolbar badge hears of a page's marks at most this often: a scan marks
 * terms slice after slice, and each message costs the page a little. A
 * reader does not see the badge change any faster than this anyway.
 */
export const BADGE_REPORT_DELAY_MS = 200;

// ---------------------------------------------------------------- the reader's library

/**
 * The largest file the library takes. A 100-page ministry PDF is 1–5 MB;
 * past 50 MB a "PDF of minutes" is page images, which hold no text to read,
 * and reading it would hold that much memory in the page and the worker.
 */
export const LIBRARY_MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Meetings the library holds. The service worker keeps every remark and its
 * terms in memory to search them: the bench's library of 200 meetings
 * (27-page minutes each) stays inside the worker's 40 MB heap budget, and
 * this leaves room beside the shipped minutes.
 */
export const LIBRARY_MAX_MEETINGS = 300;

/**
 * Characters of remarks, terms and texts the library stores, all meetings
 * together: about 300 long minutes. A few huge files must not crowd out the
 * worker's memory any more than many ordinary ones.
 */
export const LIBRARY_MAX_CHARS = 30_000_000;
