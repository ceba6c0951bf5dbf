/** What crosses a message boundary for a search hit: the remark and only the meeting facts a list shows. */
import type { Remark } from '../minutes/types';
import type { Facet, FacetCount, MatchKind, SearchHit, SearchPage } from './engine';
import type { Snippet } from './snippet';
import type { Timeline } from './timeline';

export interface MeetingSummary {
  id: string;
  title: string;
  committee: string | null;
  number: number | null;
  date: string | null;
}

export interface HitView {
  remark: Remark;
  meeting: MeetingSummary;
  /** The reader added this meeting: shown with a 「自分の」 mark. */
  yours: boolean;
  score: number;
  match: MatchKind;
  snippet: Snippet;
}

export function toHitView({ remark, meeting: m, yours, score, match, snippet }: SearchHit): HitView {
  return { remark, meeting: { id: m.id, title: m.title, committee: m.committee, number: m.number, date: m.date }, yours, score, match, snippet };
}

/** A page of results as it crosses to the side panel. */
export interface SearchPageView {
  hits: HitView[];
  total: number;
  facets: Record<Facet, FacetCount[]>;
  facetsMore: Record<Facet, number>;
  dates: { from: string | null; to: string | null };
}

export function toPageView(page: SearchPage): SearchPageView {
  return { ...page, hits: page.hits.map(toHitView) };
}

/** A timeline as it crosses to the side panel and the popover: its first and last mention as hits. */
export interface TimelineView extends Omit<Timeline, 'first' | 'last'> {
  first: HitView | null;
  last: HitView | null;
}

export function toTimelineView(t: Timeline): TimelineView {
  return { ...t, first: t.first && toHitView(t.first), last: t.last && toHitView(t.last) };
}
