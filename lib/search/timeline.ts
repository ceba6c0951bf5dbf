/**
 * How a query was discussed over time: its matching remarks counted per
 * meeting, meetings in date order in one lane per committee, the speakers who
 * raised it most, and where it was first and last said. Pure: the engine hands
 * over every hit of the query (the same ones a search lists), this counts them.
 */
import type { Meeting } from '../minutes/types';
import type { SearchHit } from './engine';
import { TIMELINE_MEETING_SPEAKERS, TIMELINE_SPEAKERS_MAX } from '../limits';
import { compareText } from './order';

export interface SpeakerCount {
  speaker: string;
  /** The role the speaker has in most of these remarks, if any. */
  role: string | null;
  count: number;
}

export interface TimelineMeeting {
  meetingId: string;
  committee: string | null;
  meetingTitle: string;
  date: string | null;
  /** How many of the meeting's remarks match: its number of search results. */
  remarks: number;
  /** Added by the reader (not shipped). */
  yours: boolean;
  /** Who said them, most first (at most TIMELINE_MEETING_SPEAKERS). */
  speakers: SpeakerCount[];
}

/** A hit as the timeline counts it. */
export interface TimelineRow {
  meeting: Meeting;
  yours: boolean;
  speaker: string | null;
  role: string | null;
  /** The remark's place in its meeting, to tell the first remark of a day from the last. */
  order: number;
  /** The hit holds every word of the query (a mention of it), not just some. */
  whole: boolean;
}

export interface TimelineCounts {
  /** Dated meetings first, oldest first; then undated ones by title. */
  meetings: TimelineMeeting[];
  /** The lanes: committees in the order they first took the query up (null: a meeting naming none). */
  committees: (string | null)[];
  speakers: SpeakerCount[];
  /** Matching remarks in all. */
  total: number;
  /** Indexes into the rows given: the earliest and the latest dated mention. */
  first: number | null;
  last: number | null;
}

/** What the timeline view and `lens timeline` show for a query. */
export interface Timeline extends Omit<TimelineCounts, 'first' | 'last'> {
  query: string;
  /** The earliest and latest mention, as search hits (snippet and all), or null when no hit is dated. */
  first: SearchHit | null;
  last: SearchHit | null;
}

export function countTimeline(rows: readonly TimelineRow[]): TimelineCounts {
  const byMeeting = new Map<string, { row: TimelineRow; remarks: number; speakers: Map<string, Map<string, number>> }>();
  const speakers = new Map<string, Map<string, number>>();
  rows.forEach((r) => {
    let m = byMeeting.get(r.meeting.id);
    if (!m) byMeeting.set(r.meeting.id, (m = { row: r, remarks: 0, speakers: new Map() }));
    m.remarks++;
    if (r.speaker !== null) {
      tally(m.speakers, r.speaker, r.role);
      tally(speakers, r.speaker, r.role);
    }
  });
  const meetings = [...byMeeting.values()]
    .map(({ row, remarks, speakers: who }): TimelineMeeting => ({
      meetingId: row.meeting.id,
      committee: row.meeting.committee,
      meetingTitle: row.meeting.title,
      date: row.meeting.date,
      remarks,
      yours: row.yours,
      speakers: ranked(who).slice(0, TIMELINE_MEETING_SPEAKERS),
    }))
    .sort(byDate);
  const committees: (string | null)[] = [];
  for (const m of meetings) if (!committees.includes(m.committee)) committees.push(m.committee);
  return {
    meetings,
    committees,
    speakers: ranked(speakers).slice(0, TIMELINE_SPEAKERS_MAX),
    total: rows.length,
    ...firstAndLast(rows),
  };
}

function byDate(a: TimelineMeeting, b: TimelineMeeting): number {
  if (a.date === null || b.date === null) return a.date === b.date ? compareText(a.meetingTitle, b.meetingTitle) : a.date === null ? 1 : -1;
  return compareText(a.date, b.date) || compareText(a.meetingTitle, b.meetingTitle) || compareText(a.meetingId, b.meetingId);
}

/**
 * The earliest and latest dated remarks: among those with every word of the
 * query when there are any (a remark with one of two words does not mention
 * the query), by date, then place in the meeting.
 */
function firstAndLast(rows: readonly TimelineRow[]): { first: number | null; last: number | null } {
  const anyWhole = rows.some((r) => r.whole && r.meeting.date !== null);
  let first: number | null = null;
  let last: number | null = null;
  const key = (r: TimelineRow) => `${r.meeting.date}\u0000${r.meeting.id}\u0000${String(r.order).padStart(8, '0')}`;
  rows.forEach((r, i) => {
    if (r.meeting.date === null || (anyWhole && !r.whole)) return;
    if (first === null || key(r) < key(rows[first]!)) first = i;
    if (last === null || key(r) > key(rows[last]!)) last = i;
  });
  return { first, last };
}

function tally(into: Map<string, Map<string, number>>, speaker: string, role: string | null): void {
  let roles = into.get(speaker);
  if (!roles) into.set(speaker, (roles = new Map()));
  const r = role ?? '';
  roles.set(r, (roles.get(r) ?? 0) + 1);
}

/** Speakers most first (then by name), each with the role most of their remarks carry. */
function ranked(counts: Map<string, Map<string, number>>): SpeakerCount[] {
  return [...counts]
    .map(([speaker, roles]) => {
      let role = '';
      let most = -1;
      let count = 0;
      for (const [r, n] of roles) {
        count += n;
        if (n > most || (n === most && r !== '' && role === '')) [role, most] = [r, n];
      }
      return { speaker, role: role === '' ? null : role, count };
    })
    .sort((a, b) => b.count - a.count || compareText(a.speaker, b.speaker));
}
