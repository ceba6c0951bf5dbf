/**
 * Where the panel's query comes from: the URL (`search.html?q=`), a query the
 * background hands over (session storage, see lib/background/panel.ts), or the
 * reader's last query (local storage), in that order.
 */
import { browser } from 'wxt/browser';
import { PENDING_QUERY_KEY } from '../../lib/background/panel';

const LAST_QUERY_KEY = 'lastQuery';

export const urlQuery = (): string | null => new URLSearchParams(location.search).get('q');

/** A pending query as stored, checked: storage is shared with every extension page. */
function pendingFrom(value: unknown): string | null {
  const q = (value as { query?: unknown } | null | undefined)?.query;
  return typeof q === 'string' && q.trim() !== '' ? q : null;
}

/**
 * The pending query, if any, taken out of session storage: once shown it is
 * spent, or reopening the panel later would bring back an old lookup instead
 * of what the reader typed since.
 */
export async function takePendingQuery(): Promise<string | null> {
  const stored = await browser.storage.session.get(PENDING_QUERY_KEY);
  const query = pendingFrom(stored[PENDING_QUERY_KEY]);
  if (query !== null) await browser.storage.session.remove(PENDING_QUERY_KEY);
  return query;
}

/** Calls `onQuery` for each query the background hands over while the panel is open. */
export function followPendingQueries(onQuery: (query: string) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(PENDING_QUERY_KEY in changes)) return;
    const query = pendingFrom(changes[PENDING_QUERY_KEY]!.newValue);
    if (query === null) return; // our own removal, or junk
    onQuery(query);
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
export async function openingQuery(followsPending: boolean, typed: () => boolean): Promise<{ query: string; handedOver: boolean } | null> {
  if (followsPending && !typed()) {
    const pending = await takePendingQuery();
    if (pending !== null) return typed() ? null : { query: pending, handedOver: true };
  }
  if (typed()) return null;
  const last = await lastQuery();
  return last !== null && !typed() ? { query: last, handedOver: false } : null;
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
