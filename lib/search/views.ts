/** What crosses a message boundary for a search hit: the remark and only the meeting facts a list shows. */
import type { Remark } from '../minutes/types';
import type { MatchKind, SearchHit } from './engine';
import type { Snippet } from './snippet';

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
  score: number;
  match: MatchKind;
  snippet: Snippet;
}

export function toHitView({ remark, meeting: m, score, match, snippet }: SearchHit): HitView {
  return { remark, meeting: { id: m.id, title: m.title, committee: m.committee, number: m.number, date: m.date }, score, match, snippet };
}
