/**
 * Where a timeline's marks go: pure geometry, so the side panel's view and the
 * popover's strip draw the same picture and a unit test can check it. Time runs
 * left to right over the dated meetings' span; each committee has a lane (the
 * strip has one for all); a mark's area grows with its meeting's matching
 * remarks. Undated meetings have no place on the axis: they are listed apart.
 */
import type { TimelineMeeting } from '../search/timeline';

export interface MarkLayout {
  meeting: TimelineMeeting;
  /** Index into `lanes`. */
  lane: number;
  x: number;
  y: number;
  r: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  lanes: { committee: string | null; labelY: number; y: number }[];
  /** Dated meetings, in date order (the order keys move through). */
  marks: MarkLayout[];
  /** Year boundaries on the axis, thinned to fit. */
  ticks: { x: number; year: number }[];
  axisY: number;
  undated: TimelineMeeting[];
}

export interface LayoutOptions {
  width: number;
  /** One lane for every committee, unlabelled: the popover's strip. */
  compact?: boolean;
}

const PAD_X = 14;
const R_MIN = 3;
const R_MAX = 11;
const LABEL = 16;
const LANE_GAP = 6;
const AXIS = 18;
/** At most this many year labels: a 360 px panel fits about that many four-digit years. */
const MAX_TICKS = 6;
const DAY = 86_400_000;
/** A span shorter than this (one meeting, or a few in one season) is widened to it, centred. */
const MIN_SPAN_DAYS = 365;

const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

export function layoutTimeline(meetings: readonly TimelineMeeting[], committees: readonly (string | null)[], o: LayoutOptions): TimelineLayout {
  const dated = meetings.filter((m) => m.date !== null && !Number.isNaN(dayOf(m.date)));
  const undated = meetings.filter((m) => !dated.includes(m));
  const most = Math.max(1, ...dated.map((m) => m.remarks));
  const radius = (n: number) => R_MIN + (R_MAX - R_MIN) * Math.sqrt(n / most);

  let from = Math.min(...dated.map((m) => dayOf(m.date!)));
  let to = Math.max(...dated.map((m) => dayOf(m.date!)));
  if (dated.length === 0) from = to = 0;
  if (to - from < MIN_SPAN_DAYS) {
    const middle = (from + to) / 2;
    [from, to] = [middle - MIN_SPAN_DAYS / 2, middle + MIN_SPAN_DAYS / 2];
  }
  const inner = Math.max(1, o.width - 2 * PAD_X);
  const xOf = (day: number) => PAD_X + ((day - from) / (to - from)) * inner;

  const laneOf = new Map<string | null, number>();
  const laneCommittees = o.compact ? [null] : committees.filter((c) => dated.some((m) => m.committee === c));
  laneCommittees.forEach((c, i) => laneOf.set(c, i));
  const laneHeight = (o.compact ? 0 : LABEL) + 2 * R_MAX + LANE_GAP;
  const lanes = laneCommittees.map((committee, i) => {
    const top = i * laneHeight;
    return { committee, labelY: top + LABEL - 4, y: top + (o.compact ? 0 : LABEL) + R_MAX + 1 };
  });
  const marks = dated.map((meeting) => {
    const lane = o.compact ? 0 : laneOf.get(meeting.committee)!;
    return { meeting, lane, x: xOf(dayOf(meeting.date!)), y: lanes[lane]!.y, r: radius(meeting.remarks) };
  });

  const axisY = lanes.length * laneHeight;
  const firstYear = new Date(from * DAY).getUTCFullYear() + 1;
  const lastYear = new Date(to * DAY).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / MAX_TICKS));
  const ticks: { x: number; year: number }[] = [];
  for (let year = firstYear; year <= lastYear; year += step) ticks.push({ year, x: xOf(dayOf(`${year}-01-01`)) });
  if (ticks.length === 0) ticks.push({ year: lastYear, x: xOf((from + to) / 2) });

  return { width: o.width, height: axisY + AXIS, lanes, marks, ticks, axisY, undated };
}

/**
 * The mark keys move to from `at` (an index into `marks`): left and right in
 * date order, up and down to the nearest mark of the lane above or below,
 * Home and End to the ends. Null when the key moves nowhere.
 */
export function nextMark(layout: TimelineLayout, at: number, key: string): number | null {
  const { marks } = layout;
  if (marks.length === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return Math.min(marks.length - 1, at + 1);
    case 'ArrowLeft':
      return Math.max(0, at - 1);
    case 'Home':
      return 0;
    case 'End':
      return marks.length - 1;
    case 'ArrowUp':
    case 'ArrowDown': {
      const here = marks[at]!;
      const step = key === 'ArrowUp' ? -1 : 1;
      for (let lane = here.lane + step; lane >= 0 && lane < layout.lanes.length; lane += step) {
        let best: number | null = null;
        marks.forEach((m, i) => {
          if (m.lane === lane && (best === null || Math.abs(m.x - here.x) < Math.abs(marks[best]!.x - here.x))) best = i;
        });
        if (best !== null) return best;
      }
      return at;
    }
    default:
      return null;
  }
}
