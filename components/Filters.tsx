import type { Facet, FacetCount, SearchOptions } from '../lib/search/engine';
import type { SearchPageView } from '../lib/search/views';
import { t, type MessageKey } from '../lib/ui/i18n';

/** What a reader can narrow and order the results by (the limit is the panel's business). */
export type FilterValues = Omit<SearchOptions, 'limit'>;

export const NO_FILTERS: FilterValues = {};

export const hasFilters = (f: FilterValues): boolean =>
  Boolean(f.committee || f.meeting || f.speaker || f.role || f.origin || f.from || f.to);

const FACET_LABEL: Record<Facet, MessageKey> = {
  committee: 'filterCommittee',
  meeting: 'filterMeeting',
  speaker: 'filterSpeaker',
  role: 'filterRole',
  origin: 'filterOrigin',
};

/** The origin facet's values are words of ours, said in the reader's language; the rest are the minutes' own. */
const ORIGIN_LABEL: Record<string, MessageKey> = {
  shipped: 'originShipped',
  yours: 'originYours',
};
const labelOf = (facet: Facet, f: FacetCount) => (facet === 'origin' && ORIGIN_LABEL[f.value] ? t(ORIGIN_LABEL[f.value]!) : f.label);

/**
 * One <select> per facet with each value's count, a date range and the order.
 * Counts come from the background under every other filter, so switching from
 * one speaker to another shows what the switch would give.
 */
export function Filters({ page, value, onChange }: {
  page: SearchPageView;
  value: FilterValues;
  onChange: (next: FilterValues) => void;
}) {
  const set = (patch: FilterValues) => onChange(clean({ ...value, ...patch }));
  const { from: min, to: max } = page.dates;
  return (
    <details class="filters" open>
      <summary>{t('filters')}</summary>
      <div class="filter-grid">
        {(Object.keys(FACET_LABEL) as Facet[]).map((facet) => (
          <label key={facet} class={`facet facet-${facet}`}>
            <span>{t(FACET_LABEL[facet])}</span>
            <select name={facet} value={value[facet] ?? ''} onChange={(e) => set({ [facet]: e.currentTarget.value })}>
              <option value="">{t('filterAll')}</option>
              {withSelected(page.facets[facet], value[facet]).map((f) => (
                <option key={f.value} value={f.value}>{`${labelOf(facet, f)} (${f.count})`}</option>
              ))}
              {page.facetsMore[facet] > 0 && <option disabled value="…">{t('filterMore', String(page.facetsMore[facet]))}</option>}
            </select>
          </label>
        ))}
        <label>
          <span>{t('filterFrom')}</span>
          <input type="date" name="from" value={value.from ?? ''} min={min ?? undefined} max={value.to ?? max ?? undefined}
            onChange={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label>
          <span>{t('filterTo')}</span>
          <input type="date" name="to" value={value.to ?? ''} min={value.from ?? min ?? undefined} max={max ?? undefined}
            onChange={(e) => set({ to: e.currentTarget.value })} />
        </label>
        <label>
          <span>{t('filterSort')}</span>
          <select name="sort" value={value.sort ?? 'relevance'}
            onChange={(e) => set({ sort: e.currentTarget.value === 'date' ? 'date' : undefined })}>
            <option value="relevance">{t('sortRelevance')}</option>
            <option value="date">{t('sortNewest')}</option>
          </select>
        </label>
        <button type="button" class="clear" disabled={!hasFilters(value)}
          onClick={() => onChange(value.sort ? { sort: value.sort } : NO_FILTERS)}>
          {t('filterClear')}
        </button>
      </div>
    </details>
  );
}

/**
 * A chosen value the new query does not have (no hits under it) would vanish
 * from the list and the <select> would show a wrong choice: keep it, at 0.
 */
function withSelected(counts: FacetCount[], selected: string | undefined): FacetCount[] {
  if (!selected || counts.some((c) => c.value === selected)) return counts;
  return [{ value: selected, label: selected, count: 0 }, ...counts];
}

/** Empty fields dropped, so equal filters serialise equally (the search key compares them). */
export function clean(f: FilterValues): FilterValues {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as FilterValues;
}
