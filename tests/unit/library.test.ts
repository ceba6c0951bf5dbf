// The library's pure parts: ids, checks of what crosses from a page, the export format, problems in words.
import { describe, expect, it } from 'vitest';
import { asImportedFile, asParsedMinutes } from '../../lib/library/checks';
import { libraryIdFor, withLibraryId, YOURS_PREFIX } from '../../lib/library/record';
import { storageError } from '../../lib/library/store';
import { EXPORT_FORMAT, EXPORT_VERSION, readExport } from '../../lib/library/transfer';
import { parseMinutes } from '../../lib/minutes/parse';

const TEXT = '会議（第3回）議事要旨\n\n日時：令和2年5月28日\n\n議事概要\n\n山田委員)\n\nテレワークの課題について述べた。\n';
const parsed = parseMinutes(TEXT, { source: 'minutes.txt' });

describe('library records', () => {
  it('get an id of their own, from the file and the text, for the meeting and each remark', () => {
    const id = libraryIdFor('第3回 議事要旨.pdf', TEXT);
    expect(id.startsWith(YOURS_PREFIX)).toBe(true);
    expect(libraryIdFor('第3回 議事要旨.pdf', TEXT)).toBe(id);
    expect(libraryIdFor('第3回 議事要旨.pdf', `${TEXT}追記`)).not.toBe(id);
    const { meeting, remarks } = withLibraryId(parsed, id);
    expect(meeting.id).toBe(id);
    expect(remarks.map((r) => [r.id, r.meetingId])).toEqual(remarks.map((r) => [`${id}-r${r.order}`, id]));
  });

  it('check what a page sends before it is believed', () => {
    expect(asParsedMinutes(JSON.parse(JSON.stringify(parsed)))).not.toBeNull();
    expect(asParsedMinutes({ ...parsed, remarks: [{ ...parsed.remarks[0], kind: 'script' }] })).toBeNull();
    expect(asParsedMinutes({ ...parsed, meeting: { ...parsed.meeting, url: 42 } })).toBeNull();
    expect(asParsedMinutes({ meeting: parsed.meeting, remarks: 'x', warnings: [] })).toBeNull();
    expect(asImportedFile({ name: 'a.pdf', size: 10, format: 'pdf' })).not.toBeNull();
    expect(asImportedFile({ name: 'a.exe', size: 10, format: 'exe' })).toBeNull();
    expect(asImportedFile({ name: 'a.pdf', size: -1, format: 'pdf' })).toBeNull();
  });

  it('read an exported library back, and say what is wrong with a file that is not one', () => {
    const meeting = { file: { name: 'm.txt', size: 100, format: 'text' }, addedAt: '2026-01-01T00:00:00Z', parsed, text: TEXT };
    const data = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: 'x', meetings: [meeting] };
    expect(readExport(JSON.parse(JSON.stringify(data)))).toEqual({ meetings: [JSON.parse(JSON.stringify(meeting))] });
    expect(readExport({ format: 'something' })).toEqual({ error: 'not a Minutes Lens library file' });
    expect(readExport({ ...data, version: 9 })).toEqual({ error: 'a library file of version 9; this extension reads version 1' });
    expect(readExport({ ...data, meetings: [{ ...meeting, text: 3 }] })).toEqual({ error: 'meeting 1 of the library file is damaged' });
  });

  it('call a full quota a quota problem, anything else a storage problem', () => {
    expect(storageError(new DOMException('The quota has been exceeded.', 'QuotaExceededError')).problem).toBe('quota');
    expect(storageError(new DOMException('Transaction aborted', 'AbortError')).problem).toBe('storage');
    expect(storageError(new Error('x')).detail).toBe('x');
  });
});
