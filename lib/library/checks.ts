/**
 * What another context sends for the library is checked, not believed: the
 * shapes of parsed minutes and of a file's description. Type imports only, so
 * the message protocol (which the content script loads too) stays light.
 */
import type { Meeting, ParsedMinutes, Remark } from '../minutes/types';
import type { ImportedFile } from './record';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => typeof v === 'string';
const strOrNull = (v: unknown) => v === null || typeof v === 'string';
const int = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const strings = (v: unknown) => Array.isArray(v) && v.every(str);
const KINDS = new Set(['turn', 'item', 'heading']);

function isMeeting(m: unknown): m is Meeting {
  return (
    isObject(m) && str(m.id) && strOrNull(m.source) && str(m.title) && strOrNull(m.committee) && strOrNull(m.organiser) &&
    (m.number === null || int(m.number)) && strOrNull(m.date) && strOrNull(m.dateText) && strOrNull(m.time) &&
    strOrNull(m.venue) && strings(m.materials) && strings(m.notes) && int(m.bodyStart) && strOrNull(m.url) &&
    strOrNull(m.publisher) && Array.isArray(m.attendees) &&
    m.attendees.every((g) => isObject(g) && strOrNull(g.group) && strings(g.members))
  );
}

function isRemark(r: unknown): r is Remark {
  return (
    isObject(r) && str(r.id) && str(r.meetingId) && int(r.order) && KINDS.has(r.kind as string) && strOrNull(r.speaker) &&
    strOrNull(r.role) && strOrNull(r.affiliation) && strOrNull(r.label) && strOrNull(r.section) && str(r.text) &&
    int(r.start) && int(r.end)
  );
}

/** Parsed minutes as the parser makes them, or null: what another context sends is checked, not believed. */
export function asParsedMinutes(v: unknown): ParsedMinutes | null {
  if (!isObject(v) || !isMeeting(v.meeting) || !Array.isArray(v.remarks) || !strings(v.warnings)) return null;
  return v.remarks.every(isRemark) ? (v as unknown as ParsedMinutes) : null;
}

const FORMATS = new Set(['text', 'pdf', 'html']);

export function asImportedFile(v: unknown): ImportedFile | null {
  return isObject(v) && str(v.name) && int(v.size) && FORMATS.has(v.format as string) ? (v as unknown as ImportedFile) : null;
}
