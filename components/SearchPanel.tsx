import type { Ref } from 'preact';
import { useRef } from 'preact/hooks';
import type { PanelView, Result } from '../lib/messaging/protocol';
import type { HitView, SearchPageView, TimelineView } from '../lib/search/views';
import { clean, Filters, type FilterValues } from './Filters';
import { HitList } from './HitList';
import { Timeline } from './Timeline';
import { plural, t, type MessageKey } from '../lib/ui/i18n';

export interface SearchPanelProps {
  query: string;
  onQuery: (query: string) => void;
  filters: FilterValues;
  onFilters: (next: FilterValues) => void;
  /** The latest answer (possibly for an older query while `busy`), or null before any. */
  result: Result<SearchPageView> | null;
  /** A search for the current query and filters is pending. */
  busy: boolean;
  onOpen: (hit: HitView) => void;
  onMore: () => void;
  /** Why the last passage could not be opened, if it could not. */
  openError: string | null;
  boxRef: Ref<HTMLInputElement>;
  /** Which view of the query is shown: its results or its timeline. */
  view: PanelView;
  onView: (view: PanelView) => void;
  /** The query's timeline (possibly for an older query while `timelineBusy`), or null before any. */
  timeline: Result<TimelineView> | null;
  timelineBusy: boolean;
}

const VIEW_LABEL: Record<PanelView, MessageKey> = {
  results: 'viewResults',
  timeline: 'viewTimeline',
};
const VIEWS = (Object.keys(VIEW_LABEL) as PanelView[]).map((view) => ({ view, label: VIEW_LABEL[view] }));

/**
 * The search box, filters, status and results: the one view of the side panel
 * and the search page. It holds no state of its own beyond focus; the app
 * around it owns the query, the filters and the answer.
 */
export function SearchPanel(p: SearchPanelProps) {
  const list = useRef<HTMLOListElement>(null);
  const idle = p.query.trim() === '';
  const page = !idle && p.result?.ok ? p.result.value : null;
  const error = !idle && !p.busy && p.result && !p.result.ok ? p.result.error : null;

  const onBoxKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' || !page?.hits.length) return;
    e.preventDefault(); // or the caret jumps to the end
    list.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  };
  const focusBox = () => (p.boxRef as { current: HTMLInputElement | null }).current?.focus();
  const tabs = useRef<HTMLDivElement>(null);
  // The tabs are one tab stop; arrows move between them and show the one reached (the ARIA tabs pattern).
  const onTabKey = (e: KeyboardEvent) => {
    const i = VIEWS.findIndex((v) => v.view === p.view);
    const next = e.key === 'ArrowRight' ? (i + 1) % VIEWS.length : e.key === 'ArrowLeft' ? (i + VIEWS.length - 1) % VIEWS.length : null;
    if (next === null) return;
    e.preventDefault();
    p.onView(VIEWS[next]!.view);
    tabs.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  const timeline = !idle && p.timeline?.ok ? p.timeline.value : null;
  const timelineError = !idle && !p.timelineBusy && p.timeline && !p.timeline.ok ? p.timeline.error : null;
  const setFilter = (patch: FilterValues) => p.onFilters(clean({ ...p.filters, ...patch }));

  return (
    <main aria-busy={p.busy} class={p.busy ? 'busy' : undefined}>
      <div class="bar">
        <input type="search" ref={p.boxRef} value={p.query} placeholder={t('searchPlaceholder')} aria-label={t('searchLabel')}
          onInput={(e) => p.onQuery(e.currentTarget.value)} onKeyDown={onBoxKey} autoFocus />
      </div>
      {page && <Filters page={page} value={p.filters} onChange={p.onFilters} />}

      {!idle && (
        <div class="tabs" role="tablist" aria-label={t('viewTabs')} ref={tabs} onKeyDown={onTabKey}>
          {VIEWS.map(({ view, label }) => (
            <button key={view} type="button" role="tab" id={`tab-${view}`} aria-controls={`view-${view}`}
              aria-selected={p.view === view} tabIndex={p.view === view ? 0 : -1} onClick={() => p.onView(view)}>
              {t(label)}
            </button>
          ))}
        </div>
      )}

      {p.view === 'results' || idle ? (
        <div id="view-results" role={idle ? undefined : 'tabpanel'} aria-labelledby={idle ? undefined : 'tab-results'}>
          <div class="state" role="status">
            {idle && <p class="hint">{t('searchHint')}</p>}
            {!idle && p.busy && <p class="loading">{t('searchLoading')}</p>}
            {page && !p.busy && page.total === 0 && <p class="status">{t('noRelatedRemarks')}</p>}
            {page && page.total > 0 && (
              <p class="count">
                {plural(page.total, 'searchCountOne', 'searchCountOther')}
                {page.total > page.hits.length && <span class="shown"> — {t('searchShown', String(page.hits.length))}</span>}
              </p>
            )}
          </div>
          {error && <p class="status error" role="alert">{t('searchError', error)}</p>}
          {p.openError && <p class="error" role="alert">{t('openError', p.openError)}</p>}

          {page && page.hits.length > 0 && (
            <HitList hits={page.hits} onOpen={p.onOpen} onLeave={focusBox} listRef={list} label={t('searchResults')} />
          )}
          {page && page.total > page.hits.length && (
            <button type="button" class="more" onClick={p.onMore}>{t('searchMore')}</button>
          )}
        </div>
      ) : (
        <div id="view-timeline" role="tabpanel" aria-labelledby="tab-timeline" aria-busy={p.timelineBusy}>
          <div class="state" role="status">
            {p.timelineBusy && <p class="loading">{t('timelineLoading')}</p>}
            {timeline && !p.timelineBusy && timeline.total === 0 && <p class="status">{t('noRelatedRemarks')}</p>}
          </div>
          {timelineError && <p class="status error" role="alert">{t('timelineError', timelineError)}</p>}
          {p.openError && <p class="error" role="alert">{t('openError', p.openError)}</p>}
          {timeline && timeline.total > 0 && (
            <Timeline timeline={timeline} meeting={p.filters.meeting} speaker={p.filters.speaker} onOpen={p.onOpen}
              onMeeting={(meeting) => {
                setFilter({ meeting });
                p.onView('results');
              }}
              onSpeaker={(speaker) => setFilter({ speaker: speaker ?? undefined })} />
          )}
        </div>
      )}
    </main>
  );
}
