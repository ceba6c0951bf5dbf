// Build-time inputs that must give a clear error naming the file, or a safe, documented result.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeMinutes } from '../../lib/minutes/decode';
import { checkDistinctMeetings } from '../../lib/minutes/duplicates';
import { parseMinutes } from '../../lib/minutes/parse';
import { buildIndexBytes } from '../../scripts/node/index-file';
import { coverageProblems } from './coverage';

const MEETING = '会議（第3回）議事要旨\n\n日時：令和2年5月28日\n\n議事概要\n\n山田委員)\n\nテレワークの課題について述べた。\n';

describe('bad minutes files', () => {
  it('two files describing the same meeting stop the build, naming both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    writeFileSync(join(dir, 'a.txt'), MEETING);
    writeFileSync(join(dir, 'b.txt'), MEETING.replace('述べた。', '述べた。補足した。'));
    await expect(buildIndexBytes(dir)).rejects.toThrow(/b\.txt: describes the same meeting \(会議 第3回, 2020-05-28\) as .*a\.txt; keep one/);
  }, 30_000);

  it('the same remarks under another title are the same meeting too', () => {
    const a = parseMinutes(MEETING, { source: 'seeds/a.txt' });
    const b = parseMinutes(MEETING.replace('会議（第3回）', '別の会議（第9回）'), { source: 'seeds/b.txt' });
    expect(() => checkDistinctMeetings([a, b])).toThrow(/seeds\/b\.txt: describes the same remarks as seeds\/a\.txt/);
    expect(() => checkDistinctMeetings([a, parseMinutes(MEETING.replace('第3回', '第4回').replace('述べた', '話した'), { source: 'c.txt' })])).not.toThrow();
  });

  it('CRLF line endings and a byte-order mark together read like the plain file', () => {
    const bytes = new TextEncoder().encode(`\ufeff${MEETING.replace(/\n/g, '\r\n')}`);
    const text = decodeMinutes(bytes, 'x.txt');
    const parsed = parseMinutes(text, { source: 'x.txt' });
    const plain = parseMinutes(MEETING, { source: 'x.txt' });
    expect(parsed.meeting.date).toBe('2020-05-28');
    expect(parsed.remarks.map((r) => [r.speaker, r.text])).toEqual(plain.remarks.map((r) => [r.speaker, r.text]));
    expect(coverageProblems(text, parsed)).toEqual([]);
  });

  it('a remark containing HTML keeps it as literal text (shown as text, never parsed)', () => {
    const html = '<img src=x onerror=alert(1)> と <script>alert(1)</script> の例。';
    const parsed = parseMinutes(MEETING.replace('テレワークの課題について述べた。', html), { source: 'h.txt' });
    expect(parsed.remarks.find((r) => r.kind === 'turn')!.text).toBe(html);
  });

  it('the seeds themselves are distinct meetings', () => {
    const files = ['soumu-cstf-06', 'soumu-cstf-24', 'meti-wg3-02', 'nisc-ci-32', 'soumu-cstf-2019-12-05-summary'];
    const minutes = files.map((f) => parseMinutes(readFileSync(`seeds/${f}.txt`, 'utf8'), { source: f }));
    expect(() => checkDistinctMeetings(minutes)).not.toThrow();
  });
});
