import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { NO_FILTERS, type FilterValues } from '../../components/Filters';
import { SearchPanel } from '../../components/SearchPanel';
import { DEFAULT_SEARCH_LIMIT } from '../../lib/limits';
import type { HitView } from '../../lib/search/views';
import { call } from '../../lib/ui/client';
import { slashFocuses } from './keys';
import { followPendingQueries, openingQuery, rememberQuery, urlQuery } from './query-source';
import { useSearch, type Runner } from './use-search';

const send = (message: unknown) => browser.runtime.sendMessage(message);

const runSearch: Runner = (query, options) => {
  rememberQuery(query);
  return call(send, 'lens/search', { query, options });
};

/**
 * The search app, one for the side panel and the search page. The panel also
 * follows the queries the background hands over; the page is a tab with its
 * own `?q=` and does not.
 */
function App({ followsPending }: { followsPending: boolean }) {
  const [query, setQuery] = useState(() => urlQuery() ?? '');
  const [filters, setFilters] = useState<FilterValues>(NO_FILTERS);
  const [limit, setLimit] = useState(DEFAULT_SEARCH_LIMIT);
  const [openError, setOpenError] = useState<string | null>(null);
  const box = useRef<HTMLInputElement>(null);
  // Set once the reader types or a query is handed over: a slow storage read must not overwrite it.
  const chosen = useRef(urlQuery() !== null);
  // The box holds a query the reader did not type here (remembered, handed over, or the page's ?q=): it is selected
  // whenever the box has the focus, so what the reader types replaces it instead of adding to it.
  const offered = useRef(urlQuery() !== null);
  const [offeredAt, setOfferedAt] = useState(0);
  const offer = (q: string) => {
    offered.current = true;
    setQuery(q);
    setOfferedAt((n) => n + 1);
  };

  /** A new lookup from elsewhere starts clean: the old filters were for another question. */
  const lookUp = (q: string) => {
    chosen.current = true;
    offer(q);
    setFilters(NO_FILTERS);
    setLimit(DEFAULT_SEARCH_LIMIT);
  };

  useEffect(() => slashFocuses(() => box.current), []);
  useEffect(() => {
    const el = box.current;
    if (offered.current && el && document.activeElement === el) el.select();
  }, [offeredAt]);
  useEffect(() => {
    const el = box.current;
    const onFocus = () => offered.current && el?.select();
    el?.addEventListener('focus', onFocus);
    return () => el?.removeEventListener('focus', onFocus);
  }, []);
  useEffect(() => {
    // Follow first, then read: a query handed over in between is not missed.
    const stop = followsPending ? followPendingQueries(lookUp) : undefined;
    void openingQuery(followsPending, () => chosen.current).then((opening) => {
      if (!opening || chosen.current) return;
      if (opening.handedOver) lookUp(opening.query);
      else offer(opening.query);
    });
    return stop;
  }, []);

  const { result, busy } = useSearch(query, { ...filters, limit }, runSearch);

  const onOpen = async (hit: HitView) => {
    const reply = await call(send, 'lens/open-passage', { remarkId: hit.remark.id, term: query.trim() || undefined });
    setOpenError(reply.ok ? null : reply.error);
  };

  return (
    <SearchPanel
      query={query}
      onQuery={(q) => {
        chosen.current = true;
        offered.current = false;
        setQuery(q);
        setLimit(DEFAULT_SEARCH_LIMIT);
      }}
      filters={filters}
      onFilters={(f) => {
        setFilters(f);
        setLimit(DEFAULT_SEARCH_LIMIT);
      }}
      result={result}
      busy={busy}
      onOpen={onOpen}
      onMore={() => setLimit((n) => n + DEFAULT_SEARCH_LIMIT)}
      openError={openError}
      boxRef={box}
    />
  );
}

export function mountSearchApp(root: HTMLElement, options: { followsPending: boolean }): void {
  render(<App followsPending={options.followsPending} />, root);
}
