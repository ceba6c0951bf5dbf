// The reader's library as an index segment: built whole, grown a meeting at a
// time, shrunk by one, it reads and searches the same as built from scratch.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeAsset } from '../../lib/search/asset';
import { MinutesIndex } from '../../lib/search/engine';
import { appendToSegment, buildSegment, removeFromSegment, type SegmentEntry } from '../../lib/search/segment';
import { analyzeRemarks } from '../../lib/search/build';
import { createRuntimeAnalyzer } from '../../lib/search/runtime-analyzer';
import { libraryIdFor, withLibraryId } from '../../lib/library/record';
import { parseMinutes } from '../../lib/minutes/parse';
import { FIXTURE_DIR, SEED_DIR, txtFiles } from './seeds';
import { seedIndex } from './search-index';

let shipped: MinutesIndex;
let entries: SegmentEntry[];

/** Meetings a reader might add: the fixtures, and the seeds again under other numbers (enough text for several blocks). */
beforeAll(async () => {
  shipped = (await seedIndex()).index;
  const texts = [
    ...txtFiles(FIXTURE_DIR).map((f) => [f, readFileSync(f, 'utf8')] as const),
    ...txtFiles(SEED_DIR).flatMap((f, i) =>
      [1, 2, 3].map((k) => [`copy-${k}-${i}.txt`, `${readFileSync(f, 'utf8').replace(/第\s*(\d+)\s*回/, `第${100 * k + i}回`)}\n\n（写し ${k}）\n`] as const),
    ),
  ];
  entries = texts.map(([file, text]) => {
    const { meeting, remarks } = withLibraryId(parseMinutes(text, { source: file }), libraryIdFor(file, text));
    const rows = analyzeRemarks(remarks, createRuntimeAnalyzer(shipped.vocabulary), shipped.vocabulary.isPart);
    return { meeting, remarks, terms: remarks.map((_, i) => rows.get(i) ?? []) };
  });
}, 60_000);

const QUERIES = ['テレワーク', 'サイバー保険', 'IoT機器の脆弱性', '情報共有', 'white hacker'];

async function indexWith(segment: Uint8Array): Promise<MinutesIndex> {
  const index = new MinutesIndex((await seedIndex()).tables);
  index.setLibrary(decodeAsset(segment));
  return index;
}

function sameAnswers(a: MinutesIndex, b: MinutesIndex) {
  expect(a.meetings.map((m) => m.id)).toEqual(b.meetings.map((m) => m.id));
  expect(a.remarks).toEqual(b.remarks);
  for (const q of QUERIES) {
    const x = a.search(q, { limit: 30 }).map((h) => [h.remark.id, h.score, h.yours]);
    expect(x).toEqual(b.search(q, { limit: 30 }).map((h) => [h.remark.id, h.score, h.yours]));
  }
}

describe('the library segment', () => {
  it('holds texts in several blocks, and searches the reader’s meetings with the shipped ones', async () => {
    const tables = decodeAsset(buildSegment(entries));
    expect(tables.chunkStart.length - 1).toBeGreaterThan(1);
    const index = await indexWith(buildSegment(entries));
    const yours = index.search('サイバー保険', { limit: 50 }).filter((h) => h.yours);
    expect(yours.length).toBeGreaterThan(0);
    expect(index.remarksOf(entries[2]!.meeting.id)).toEqual(entries[2]!.remarks);
    for (const e of entries) expect(index.isYours(e.meeting.id)).toBe(true);
  });

  it('grown one meeting at a time reads and searches as built at once', async () => {
    let segment: Uint8Array | null = null;
    for (const e of entries) segment = appendToSegment(segment && decodeAsset(segment), e);
    sameAnswers(await indexWith(segment!), await indexWith(buildSegment(entries)));
  });

  it.each([0, 5, -1])('without meeting %i, reads and searches as built without it', async (at) => {
    const gone = entries.at(at)!;
    const shrunk = removeFromSegment(decodeAsset(buildSegment(entries)), gone.meeting.id);
    const index = await indexWith(shrunk);
    sameAnswers(index, await indexWith(buildSegment(entries.filter((e) => e !== gone))));
    expect(index.meeting(gone.meeting.id)).toBeUndefined();
    expect(index.search('テレワーク', { limit: 500 }).some((h) => h.meeting.id === gone.meeting.id)).toBe(false);
  });

  it('leaves the shipped minutes as they were when emptied', async () => {
    const one = buildSegment(entries.slice(0, 1));
    const none = decodeAsset(removeFromSegment(decodeAsset(one), entries[0]!.meeting.id));
    expect(none.rowMeeting.length).toBe(0);
    const index = new MinutesIndex((await seedIndex()).tables);
    index.setLibrary(none);
    expect(index.meetings).toEqual(shipped.meetings);
    expect(index.search('テレワーク').map((h) => h.remark.id)).toEqual(shipped.search('テレワーク').map((h) => h.remark.id));
  });
});
