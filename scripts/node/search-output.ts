/** What `lens search` prints: JSON rows for scripts, or a listing for people. */
import type { SearchHit } from '../../lib/search/engine';
import type { Timeline } from '../../lib/search/timeline';

export interface SearchRow {
  remarkId: string;
  meetingId: string;
  committee: string | null;
  meetingTitle: string;
  date: string | null;
  speaker: string | null;
  role: string | null;
  section: string | null;
  text: string;
  snippet: { text: string; ranges: [number, number][] };
  score: number;
  match: SearchHit['match'];
}

export function searchRows(hits: SearchHit[]): SearchRow[] {
  return hits.map(({ remark, meeting, snippet, score, match }) => ({
    remarkId: remark.id,
    meetingId: meeting.id,
    committee: meeting.committee,
    meetingTitle: meeting.title,
    date: meeting.date,
    speaker: remark.speaker,
    role: remark.role,
    section: remark.section,
    text: remark.text,
    snippet,
    score,
    match,
  }));
}

/** Matched words in 「」 brackets, as a terminal has no emphasis to spare. */
function mark({ text, ranges }: SearchHit['snippet']): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += `${text.slice(at, s)}[${text.slice(s, e)}]`;
    at = e;
  }
  return out + text.slice(at);
}

export function formatSearch(hits: SearchHit[]): string {
  if (hits.length === 0) return 'no related remarks in the minutes';
  return hits
    .map(({ remark: r, meeting: m, snippet, score }, i) => {
      const who = r.speaker ? `${r.speaker}${r.role ? `（${r.role}）` : ''}` : '（発言者の記載なし）';
      return `${i + 1}. ${who} — ${m.committee ?? m.title} ${m.number ? `第${m.number}回 ` : ''}${m.date ?? ''}  [${score}]\n   ${mark(snippet)}`;
    })
    .join('\n');
}

/** One meeting of `lens timeline --json`: its matching remarks, counted. */
export interface TimelineRowOut {
  meetingId: string;
  committee: string | null;
  meetingTitle: string;
  date: string | null;
  remarks: number;
}

export function timelineRows(t: Timeline): TimelineRowOut[] {
  return t.meetings.map(({ meetingId, committee, meetingTitle, date, remarks }) => ({ meetingId, committee, meetingTitle, date, remarks }));
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The timeline for people: a bar per meeting in date order, then who raised it and where it was first and last said. */
export function formatTimeline(t: Timeline): string {
  if (t.total === 0) return 'no related remarks in the minutes';
  const widest = Math.max(...t.meetings.map((m) => m.remarks));
  const lines = t.meetings.map((m) => {
    const bar = '■'.repeat(Math.max(1, Math.round((m.remarks / widest) * 20)));
    return `${m.date ?? '(no date)'}  ${String(m.remarks).padStart(4)}  ${bar}  ${m.committee ?? '(no committee)'} — ${m.meetingTitle}`;
  });
  const who = t.speakers.map((s) => `${s.speaker}${s.role ? `（${s.role}）` : ''} ${s.count}`).join('、');
  const said = (label: string, h: SearchHit | null) =>
    h ? `${label}: ${h.meeting.date ?? ''} ${h.meeting.committee ?? h.meeting.title} ${h.remark.speaker ?? ''}\n   ${mark(h.snippet)}` : null;
  return [
    `${count(t.total, 'remark')} in ${count(t.meetings.length, 'meeting')} of ${count(t.committees.length, 'committee')}`,
    ...lines,
    who ? `raised most by: ${who}` : null,
    said('first', t.first),
    said('last', t.last),
  ]
    .filter((l): l is string => l !== null)
    .join('\n');
}
