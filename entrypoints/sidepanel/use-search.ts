import { useEffect, useState } from 'preact/hooks';
import { SEARCH_DEBOUNCE_MS } from '../../lib/limits';
import type { Result } from '../../lib/messaging/protocol';
import type { SearchOptions } from '../../lib/search/engine';
import type { SearchPageView } from '../../lib/search/views';

export type Runner = (query: string, options: SearchOptions) => Promise<Result<SearchPageView>>;

/**
 * Searches as the reader types: once the query and options have been still for
 * SEARCH_DEBOUNCE_MS. A newer search makes the older one's answer stale, and a
 * stale answer is dropped, so results never go back to an older query.
 *
 * `busy` is derived in render (the answer is not for the current key yet), not
 * set by an effect: it is true from the very render that changed the query, so
 * nothing (a reader, a test) sees old results marked as current.
 */
export function useSearch(query: string, options: SearchOptions, run: Runner) {
  const q = query.trim();
  const key = JSON.stringify([q, Object.entries(options).sort(([a], [b]) => a.localeCompare(b))]);
  const [answer, setAnswer] = useState<{ key: string; result: Result<SearchPageView> } | null>(null);

  useEffect(() => {
    if (q === '') return;
    let stale = false;
    const timer = setTimeout(async () => {
      const result = await run(q, options);
      if (!stale) setAnswer({ key, result });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [key]);

  return { result: answer?.result ?? null, busy: q !== '' && answer?.key !== key };
}
