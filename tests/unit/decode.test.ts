import { describe, expect, it } from 'vitest';
import { decodeMinutes } from '../../lib/minutes/decode';
import { MinutesError } from '../../lib/minutes/errors';
import { parseMinutes } from '../../lib/minutes/parse';
import { coverageProblems } from './coverage';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** 議事要旨 in Shift_JIS, as old minutes are often saved. */
const SHIFT_JIS = new Uint8Array([0x8b, 0x63, 0x8e, 0x96, 0x97, 0x76, 0x8e, 0x7c, 0x0a]);

function errorOf(bytes: Uint8Array): MinutesError {
  try {
    decodeMinutes(bytes, 'seeds/bad.txt');
  } catch (e) {
    if (e instanceof MinutesError) return e;
    throw e;
  }
  throw new Error('expected a MinutesError');
}

describe('bad minutes files get a clear error naming the file and line', () => {
  it('an empty file', () => {
    expect(errorOf(new Uint8Array()).message).toBe('seeds/bad.txt: the file is empty');
    expect(errorOf(utf8(' \n\u3000\n')).message).toMatch(/^seeds\/bad\.txt: the file is empty/);
  });
  it('a binary file', () => {
    const e = errorOf(new Uint8Array([0x41, 0x0a, 0x42, 0x0a, 0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect(e.message).toMatch(/^seeds\/bad\.txt:3: this is a binary file/);
  });
  it('Shift_JIS bytes', () => {
    const e = errorOf(new Uint8Array([...utf8('タイトル\n日時 令和2年5月28日\n'), ...SHIFT_JIS]));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/not valid UTF-8.*Shift_JIS/);
  });
});

describe('readable variants', () => {
  const minutes = '会議（第1回）議事要旨\n\n日時：令和2年5月28日\n\n議事概要\n\n山田委員)\n\n発言です。\n';
  it('drops a byte-order mark', () => {
    expect(decodeMinutes(utf8(`\ufeff${minutes}`), 'x.txt')).toBe(minutes);
  });
  it('reads CRLF line endings with exact offsets', () => {
    const crlf = minutes.replace(/\n/g, '\r\n');
    const parsed = parseMinutes(crlf, { source: 'x.txt' });
    expect(parsed.remarks.map((r) => [r.kind, r.speaker, r.text])).toEqual(
      parseMinutes(minutes, { source: 'x.txt' }).remarks.map((r) => [r.kind, r.speaker, r.text]),
    );
    const turn = parsed.remarks.find((r) => r.kind === 'turn')!;
    expect(crlf.slice(turn.start, turn.end)).toBe('山田委員)\r\n\r\n発言です。');
    expect(coverageProblems(crlf, parsed)).toEqual([]);
  });
});

describe('layouts without the usual parts', () => {
  it('a missing date is a warning and a null date', () => {
    const parsed = parseMinutes('ある会議\n\n議事概要\n\n・意見です。\n', { source: 'nodate.txt' });
    expect(parsed.meeting.date).toBeNull();
    expect(parsed.warnings).toEqual(['nodate.txt: no meeting date found; the date is null']);
  });
  it('an unrecognised layout falls back to one remark per paragraph, with a warning', () => {
    const text = 'メモ\n\n令和2年5月28日\n\nテレワークのセキュリティについて話し合った。多くの意見が出た。\n\n次回も続けることにした。\n';
    const parsed = parseMinutes(text, { source: 'memo.txt' });
    expect(parsed.remarks.map((r) => [r.kind, r.text])).toEqual([
      ['item', 'テレワークのセキュリティについて話し合った。多くの意見が出た。'],
      ['item', '次回も続けることにした。'],
    ]);
    expect(parsed.warnings.join('\n')).toMatch(/memo\.txt:5: no speakers, bullets or headings recognised; fell back to one remark per paragraph/);
    expect(coverageProblems(text, parsed)).toEqual([]);
  });
  it('text without a file name gets an id from its content', () => {
    const a = parseMinutes('会議\n\n・意見。\n');
    expect(a.meeting.id).toMatch(/^m[0-9a-f]{8}$/);
    expect(parseMinutes('会議\n\n・意見。\n').meeting.id).toBe(a.meeting.id);
    expect(parseMinutes('会議\n\n・別の意見。\n').meeting.id).not.toBe(a.meeting.id);
  });
});
