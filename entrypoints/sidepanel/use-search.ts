import { useEffect, useState } from 'preact/hooks';
import { SEARCH_DEBOUNCE_MS } from '../../lib/limits';
import type { Result } from '../../lib/messaging/protocol';
import type { SearchOptions } from '../../lib/search/engine';

export type Runner<T> = (query: string, options: SearchOptions) => Promise<Result<T>>;

/**
 * Asks as the reader types (a search, or the query's timeline): once the query
 * and options have been still for SEARCH_DEBOUNCE_MS. A newer question makes
 * the older one's answer stale, and a stale answer is dropped, so what is shown
 * never goes back to an older query. A new `revision` (the library changed)
 * asks the same question again. Nothing is asked while `enabled` is false (a
 * view not shown); the last answer stays for when it is shown again.
 *
 * `busy` is derived in render (the answer is not for the current key yet), not
 * set by an effect: it is true from the very render that changed the query, so
 * nothing (a reader, a test) sees old results marked as current.
 */
export function useSearch<T>(query: string, options: SearchOptions, run: Runner<T>, { enabled = true, revision = 0 } = {}) {
  const q = query.trim();
  const key = JSON.stringify([q, Object.entries(options).sort(([a], [b]) => a.localeCompare(b)), revision]);
  const [answer, setAnswer] = useState<{ key: string; result: Result<T> } | null>(null);

  useEffect(() => {
    if (q === '' || !enabled) return;
    let stale = false;
    const timer = setTimeout(async () => {
      const result = await run(q, options);
      if (!stale) setAnswer({ key, result });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [key, enabled]);

  return { result: answer?.result ?? null, busy: enabled && q !== '' && answer?.key !== key };
}
