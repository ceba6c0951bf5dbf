import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { NO_FILTERS, type FilterValues } from '../../components/Filters';
import { SearchPanel } from '../../components/SearchPanel';
import { DEFAULT_SEARCH_LIMIT } from '../../lib/limits';
import type { PanelView } from '../../lib/messaging/protocol';
import type { HitView, SearchPageView, TimelineView } from '../../lib/search/views';
import { call } from '../../lib/ui/client';
import { slashFocuses } from './keys';
import { useLibraryRevision } from './library-revision';
import { followPendingQueries, openingQuery, rememberQuery, urlQuery, urlView, type HandedQuery } from './query-source';
import { useSearch, type Runner } from './use-search';

const send = (message: unknown) => browser.runtime.sendMessage(message);

const runSearch: Runner<SearchPageView> = (query, options) => {
  rememberQuery(query);
  return call(send, 'lens/search', { query, options });
};

const runTimeline: Runner<TimelineView> = (query, options) => call(send, 'lens/timeline', { query, options });

/**
 * The search app, one for the side panel and the search page. The panel also
 * follows the queries the background hands over; the page is a tab with its
 * own `?q=` and does not.
 */
function App({ followsPending }: { followsPending: boolean }) {
  const [query, setQuery] = useState(() => urlQuery() ?? '');
  const [filters, setFilters] = useState<FilterValues>(NO_FILTERS);
  const [limit, setLimit] = useState(DEFAULT_SEARCH_LIMIT);
  const [view, setView] = useState<PanelView>(urlView);
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

  /** A new lookup from elsewhere starts clean, on the view it asks for: the old filters were for another question. */
  const lookUp = ({ query: q, view: v }: HandedQuery) => {
    chosen.current = true;
    offer(q);
    setView(v);
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
      if (opening.handedOver) lookUp(opening);
      else offer(opening.query);
    });
    return stop;
  }, []);

  // The library changing (a meeting added or removed anywhere) asks both questions again.
  const revision = useLibraryRevision();
  const { result, busy } = useSearch(query, { ...filters, limit }, runSearch, { revision });
  // The timeline is under every filter but the meeting (choosing one is what its marks do) and needs no order or limit.
  const { meeting: _meeting, sort: _sort, ...timelineFilters } = filters;
  const timeline = useSearch(query, timelineFilters, runTimeline, { enabled: view === 'timeline', revision });

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
      view={view}
      onView={setView}
      timeline={timeline.result}
      timelineBusy={timeline.busy}
    />
  );
}

export function mountSearchApp(root: HTMLElement, options: { followsPending: boolean }): void {
  render(<App followsPending={options.followsPending} />, root);
}
