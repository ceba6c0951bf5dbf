/**
 * The whole library as one file, to keep or to move to another browser, and
 * such a file read back. It holds what the reader added as it was parsed
 * (the text, the meeting, its remarks); terms are not exported: the library
 * that imports it analyses the minutes again, with its own vocabulary.
 */
import { asImportedFile, asParsedMinutes } from './checks';
import type { ImportedFile } from './record';
import type { ParsedMinutes } from '../minutes/types';

export const EXPORT_FORMAT = 'minutes-lens-library';
export const EXPORT_VERSION = 1;

export interface ExportedMeeting {
  file: ImportedFile;
  addedAt: string;
  parsed: ParsedMinutes;
  text: string;
}

export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  meetings: ExportedMeeting[];
}

/** The meetings of an exported library, or a message saying why the file is not one. */
export function readExport(data: unknown): { meetings: ExportedMeeting[] } | { error: string } {
  const d = data as Partial<LibraryExport> | null;
  if (typeof d !== 'object' || d === null || d.format !== EXPORT_FORMAT) return { error: 'not a Minutes Lens library file' };
  if (d.version !== EXPORT_VERSION) return { error: `a library file of version ${String(d.version)}; this extension reads version ${EXPORT_VERSION}` };
  if (!Array.isArray(d.meetings)) return { error: 'the library file lists no meetings' };
  const meetings: ExportedMeeting[] = [];
  for (const m of d.meetings as unknown[]) {
    const e = m as Partial<ExportedMeeting> | null;
    const file = asImportedFile(e?.file);
    const parsed = asParsedMinutes(e?.parsed);
    if (!e || !file || !parsed || typeof e.text !== 'string' || typeof e.addedAt !== 'string') {
      return { error: `meeting ${meetings.length + 1} of the library file is damaged` };
    }
    meetings.push({ file, parsed, text: e.text, addedAt: e.addedAt });
  }
  return { meetings };
}
