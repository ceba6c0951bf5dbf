/**
 * Where the panel's query comes from: the URL (`search.html?q=`), a query the
 * background hands over (session storage, see lib/background/panel.ts), or the
 * reader's last query (local storage), in that order.
 */
import { browser } from 'wxt/browser';
import { PENDING_QUERY_KEY } from '../../lib/background/panel';
import { PANEL_VIEWS, type PanelView } from '../../lib/messaging/protocol';

const LAST_QUERY_KEY = 'lastQuery';

/** A query handed to the panel, and the view to show it on. */
export interface HandedQuery {
  query: string;
  view: PanelView;
}

export const urlQuery = (): string | null => new URLSearchParams(location.search).get('q');

/** The view the page's URL asks for (`?view=timeline`), the results otherwise. */
export const urlView = (): PanelView => {
  const v = new URLSearchParams(location.search).get('view');
  return PANEL_VIEWS.has(v) ? (v as PanelView) : 'results';
};

/** A pending query as stored, checked: storage is shared with every extension page. */
function pendingFrom(value: unknown): HandedQuery | null {
  const { query, view } = (value ?? {}) as { query?: unknown; view?: unknown };
  if (typeof query !== 'string' || query.trim() === '') return null;
  return { query, view: PANEL_VIEWS.has(view) ? (view as PanelView) : 'results' };
}

/**
 * The pending query, if any, taken out of session storage: once shown it is
 * spent, or reopening the panel later would bring back an old lookup instead
 * of what the reader typed since.
 */
export async function takePendingQuery(): Promise<HandedQuery | null> {
  const stored = await browser.storage.session.get(PENDING_QUERY_KEY);
  const query = pendingFrom(stored[PENDING_QUERY_KEY]);
  if (query !== null) await browser.storage.session.remove(PENDING_QUERY_KEY);
  return query;
}

/** Calls `onQuery` for each query the background hands over while the panel is open. */
export function followPendingQueries(onQuery: (handed: HandedQuery) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(PENDING_QUERY_KEY in changes)) return;
    const handed = pendingFrom(changes[PENDING_QUERY_KEY]!.newValue);
    if (handed === null) return; // our own removal, or junk
    onQuery(handed);
    void browser.storage.session.remove(PENDING_QUERY_KEY);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * The query the app opens with: a query handed over (the side panel only),
 * else the reader's last one; none once the reader has typed. `typed` is asked
 * again after each read, which can come back after the reader's first keys:
 * what they typed then stays in the box.
 */
export async function openingQuery(
  followsPending: boolean,
  typed: () => boolean,
): Promise<(HandedQuery & { handedOver: boolean }) | null> {
  if (followsPending && !typed()) {
    const pending = await takePendingQuery();
    if (pending !== null) return typed() ? null : { ...pending, handedOver: true };
  }
  if (typed()) return null;
  const last = await lastQuery();
  return last !== null && !typed() ? { query: last, view: 'results', handedOver: false } : null;
}

export async function lastQuery(): Promise<string | null> {
  const stored = await browser.storage.local.get(LAST_QUERY_KEY);
  const q = stored[LAST_QUERY_KEY];
  return typeof q === 'string' && q.trim() !== '' ? q : null;
}

export function rememberQuery(query: string): void {
  void browser.storage.local.set({ [LAST_QUERY_KEY]: query }).catch(() => {
    // Remembering is a convenience: a full or unavailable storage must not break the search.
  });
}
