import type { Ref } from 'preact';
import { useRef } from 'preact/hooks';
import type { Result } from '../lib/messaging/protocol';
import type { HitView, SearchPageView } from '../lib/search/views';
import { Filters, type FilterValues } from './Filters';
import { HitList } from './HitList';
import { plural, t } from '../lib/ui/i18n';

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
}

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

  return (
    <main aria-busy={p.busy} class={p.busy ? 'busy' : undefined}>
      <div class="bar">
        <input type="search" ref={p.boxRef} value={p.query} placeholder={t('searchPlaceholder')} aria-label={t('searchLabel')}
          onInput={(e) => p.onQuery(e.currentTarget.value)} onKeyDown={onBoxKey} autoFocus />
      </div>
      {page && <Filters page={page} value={p.filters} onChange={p.onFilters} />}

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
    </main>
  );
}
