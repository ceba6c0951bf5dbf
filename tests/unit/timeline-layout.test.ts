import { describe, expect, it } from 'vitest';
import type { TimelineMeeting } from '../../lib/search/timeline';
import { layoutTimeline, nextMark } from '../../lib/ui/timeline-layout';

const m = (meetingId: string, date: string | null, committee: string | null, remarks: number): TimelineMeeting => ({
  meetingId, committee, meetingTitle: `会議 ${meetingId}`, date, remarks, yours: false, speakers: [],
});
const MEETINGS = [m('a', '2013-06-20', 'A', 4), m('b', '2017-06-29', 'B', 1), m('c', '2018-08-09', 'A', 9), m('d', '2020-05-28', 'B', 2), m('e', null, 'C', 3)];
const COMMITTEES = ['A', 'B', 'C'];

describe('timeline layout', () => {
  const layout = layoutTimeline(MEETINGS, COMMITTEES, { width: 360 });

  it('places dated meetings left to right by date, inside the width, each in its committee lane', () => {
    const xs = layout.marks.map((k) => k.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const k of layout.marks) {
      expect(k.x - k.r).toBeGreaterThanOrEqual(0);
      expect(k.x + k.r).toBeLessThanOrEqual(360);
      expect(layout.lanes[k.lane]!.committee).toBe(k.meeting.committee);
      expect(k.y).toBe(layout.lanes[k.lane]!.y);
    }
    expect(layout.lanes.map((l) => l.committee)).toEqual(['A', 'B']);
    expect(layout.undated.map((u) => u.meetingId)).toEqual(['e']);
    // Time is to scale: 2013 → 2017 is about 4/7 of 2013 → 2020.
    const [a, b, , d] = layout.marks;
    expect((b!.x - a!.x) / (d!.x - a!.x)).toBeCloseTo(1470 / 2534, 2);
  });

  it('sizes marks by matching remarks, and labels years that fit', () => {
    const r = Object.fromEntries(layout.marks.map((k) => [k.meeting.meetingId, k.r]));
    expect(r.c).toBeGreaterThan(r.a!);
    expect(r.a).toBeGreaterThan(r.d!);
    expect(r.d).toBeGreaterThan(r.b!);
    expect(layout.ticks.length).toBeGreaterThan(1);
    expect(layout.ticks.length).toBeLessThanOrEqual(6);
    for (const t of layout.ticks) expect([t.year >= 2014, t.year <= 2020]).toEqual([true, true]);
  });

  it('widens a single meeting to a year around it and draws the strip in one lane', () => {
    const one = layoutTimeline([m('a', '2020-05-28', 'A', 3)], ['A'], { width: 200 });
    expect(one.marks[0]!.x).toBeCloseTo(100, 0);
    const strip = layoutTimeline(MEETINGS, COMMITTEES, { width: 300, compact: true });
    expect(strip.lanes).toHaveLength(1);
    expect(new Set(strip.marks.map((k) => k.y)).size).toBe(1);
  });

  it('moves keys through marks: by date, across lanes to the nearest, to the ends', () => {
    expect(nextMark(layout, 0, 'ArrowRight')).toBe(1);
    expect(nextMark(layout, 3, 'ArrowRight')).toBe(3);
    expect(nextMark(layout, 0, 'ArrowLeft')).toBe(0);
    expect(nextMark(layout, 2, 'End')).toBe(3);
    expect(nextMark(layout, 2, 'Home')).toBe(0);
    // From c (2018, lane A) down to lane B: b (2017) is nearer than d (2020).
    expect(nextMark(layout, 2, 'ArrowDown')).toBe(1);
    expect(nextMark(layout, 3, 'ArrowUp')).toBe(2);
    expect(nextMark(layout, 0, 'ArrowUp')).toBe(0);
    expect(nextMark(layout, 0, 'a')).toBeNull();
  });
});
