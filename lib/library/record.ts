/**
 * A reader's meeting on its way into the library: the parsed minutes get an
 * id of their own (never one the shipped minutes could have), and the
 * library lists each meeting by a small summary.
 */
import type { SourceFormat } from '../extract/extract';
import { meetingIdFor } from '../minutes/parse';
import type { Meeting, ParsedMinutes, Remark } from '../minutes/types';
import { fnv1a } from '../text/hash';
import type { StoredMeeting } from './schema';

/** Ids of the reader's meetings start with this; the shipped seeds' never do (scripts/node/index-file.ts). */
export const YOURS_PREFIX = 'yours-';

export interface ImportedFile {
  name: string;
  size: number;
  format: SourceFormat;
}

/** What the library list shows of a meeting. */
export interface LibrarySummary {
  id: string;
  title: string;
  committee: string | null;
  date: string | null;
  remarks: number;
  addedAt: string;
  file: ImportedFile;
  url: string | null;
  warnings: string[];
}

export const summaryOf = (s: StoredMeeting): LibrarySummary => ({
  id: s.id,
  title: s.meeting.title,
  committee: s.meeting.committee,
  date: s.meeting.date,
  remarks: s.remarks.filter((r) => r.kind !== 'heading').length,
  addedAt: s.addedAt,
  file: s.file,
  url: s.meeting.url,
  warnings: s.warnings,
});

/** `yours-<file stem>-<hash of the text>`: readable in a link, and the same file twice is the same id. */
export function libraryIdFor(fileName: string, text: string): string {
  return `${YOURS_PREFIX}${meetingIdFor(fileName).slice(0, 40)}-${fnv1a(text)}`;
}

/** The parsed minutes under their library id: the meeting's and every remark's. */
export function withLibraryId(parsed: ParsedMinutes, id: string): { meeting: Meeting; remarks: Remark[] } {
  return {
    meeting: { ...parsed.meeting, id },
    remarks: parsed.remarks.map((r) => ({ ...r, id: `${id}-r${r.order}`, meetingId: id })),
  };
}
