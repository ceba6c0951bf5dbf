// The timeline counts what a search lists: for every meeting, its number of
// matching remarks is the number of results a search filtered to it gives.
import { beforeAll, describe, expect, it } from 'vitest';
import { MinutesIndex, type SearchOptions } from '../../lib/search/engine';
import { countTimeline, type TimelineRow } from '../../lib/search/timeline';
import type { Meeting } from '../../lib/minutes/types';
import { assetBytes, scaleCorpus, seedCorpus } from '../../scripts/bench/corpus';
import { createAnalyzer } from '../../scripts/node/analyzer';
import { nodePlatform } from '../../scripts/node/index-file';
import { seedIndex } from './search-index';

const QUERIES = ['テレワーク', 'ISAC', '情報共有', 'IoT機器の脆弱性', 'cyber insurance', 'How should shared threat data be anonymized?', 'セキュリティ'];

let seeds: MinutesIndex;
let tenfold: MinutesIndex;
beforeAll(async () => {
  ({ index: seeds } = await seedIndex());
  tenfold = await MinutesIndex.fromBytes(assetBytes(scaleCorpus(await seedCorpus(await createAnalyzer()), 10)).compressed, nodePlatform);
}, 120_000);

/** The timeline of `query` held against searches of it, meeting by meeting. */
function agrees(index: MinutesIndex, query: string, options: SearchOptions = {}) {
  const t = index.timeline(query, options);
  const all = index.searchPage(query, { ...options, limit: 1 });
  expect(t.total).toBe(all.total);
  expect(t.meetings.reduce((n, m) => n + m.remarks, 0)).toBe(all.total);
  for (const m of t.meetings) expect(index.searchPage(query, { ...options, meeting: m.meetingId, limit: 1 }).total, `${query} in ${m.meetingId}`).toBe(m.remarks);
  // Every meeting a search finds is on the timeline.
  const listed = new Set(t.meetings.map((m) => m.meetingId));
  for (const f of all.facets.meeting) expect(listed.has(f.value), f.value).toBe(true);
  // The speakers counted are the speaker filter's counts.
  const facet = new Map(index.searchPage(query, { ...options, limit: 1 }).facets.speaker.map((f) => [f.value, f.count]));
  for (const s of t.speakers) expect(s.count, s.speaker).toBe(facet.get(s.speaker));
  return t;
}

describe.each([
  ['the seeds', () => seeds],
  ['a corpus 10 times the seeds', () => tenfold],
])('the timeline over %s', (_, index) => {
  it.each(QUERIES)('counts for %s the results a search of each meeting gives', (query) => {
    const t = agrees(index(), query);
    expect(t.meetings.length).toBeGreaterThan(0);
  });

  it('keeps the search filters but the meeting, and answers nothing where search does', () => {
    const t = agrees(index(), 'セキュリティ', { committee: 'タスクフォース', from: '2018-01-01' });
    for (const m of t.meetings) expect([m.committee, m.date! >= '2018-01-01']).toEqual(['サイバーセキュリティタスクフォース', true]);
    expect(index().timeline('セキュリティ', { meeting: t.meetings[0]!.meetingId }).meetings.length).toBeGreaterThan(1);
    const none = index().timeline('ラーメン');
    expect([none.total, none.meetings, none.first, none.last]).toEqual([0, [], null, null]);
  });

  it('puts meetings in date order, committees in the order they took it up, and the first and last mention at the ends', () => {
    const t = index().timeline('情報共有');
    const dates = t.meetings.map((m) => m.date!);
    expect(dates).toEqual([...dates].sort());
    expect(t.committees[0]).toBe(t.meetings[0]!.committee);
    expect(new Set(t.committees)).toEqual(new Set(t.meetings.map((m) => m.committee)));
    expect(t.first!.meeting.date).toBe(dates[0]);
    expect(t.last!.meeting.date).toBe(dates[dates.length - 1]);
    expect(t.first!.match).not.toBe('some');
    expect(t.first!.remark.text.replace(/\s/g, '')).toContain('情報共有');
  });
});

describe('countTimeline', () => {
  const meeting = (id: string, date: string | null, committee = 'A'): Meeting => ({
    id, source: null, title: `会議${id}`, committee, organiser: null, number: null, date, dateText: null, time: null, venue: null,
    attendees: [], materials: [], notes: [], bodyStart: 0, url: null, publisher: null,
  });
  const row = (m: Meeting, order: number, speaker: string | null, role: string | null = null, whole = true): TimelineRow => ({ meeting: m, yours: false, speaker, role, order, whole });

  it('gives each speaker the role most of their remarks carry, and leaves undated meetings out of first and last', () => {
    const a = meeting('a', '2020-01-01');
    const b = meeting('b', '2019-05-01', 'B');
    const undated = meeting('c', null);
    const t = countTimeline([
      row(a, 3, '山田', '構成員'), row(a, 1, '山田', '座長'), row(a, 2, '山田', '座長'),
      row(b, 9, '鈴木', null, false), row(b, 7, '鈴木'), row(undated, 1, '佐藤'),
      row(a, 4, null),
    ]);
    expect(t.speakers).toEqual([
      { speaker: '山田', role: '座長', count: 3 },
      { speaker: '佐藤', role: null, count: 1 },
      { speaker: '鈴木', role: null, count: 2 },
    ].sort((x, y) => y.count - x.count || x.speaker.localeCompare(y.speaker)));
    expect(t.meetings.map((m) => [m.meetingId, m.remarks])).toEqual([['b', 2], ['a', 4], ['c', 1]]);
    expect(t.committees).toEqual(['B', 'A']);
    // The first mention holds every word (order 7, not the partial 9, though both are in the earliest meeting).
    expect([t.first, t.last]).toEqual([4, 6]);
  });
});
