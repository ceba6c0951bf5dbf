/**
 * Parse one minutes text into its meeting and remarks. Pure: runs in Node and
 * in the browser (no Node APIs); `decodeMinutes` turns file bytes into the text.
 */
import { parseBody } from './body';
import { warnAt } from './errors';
import { parseHeader } from './header';
import { splitLines } from './lines';
import { readTitle } from './title';
import type { AttendeeGroup, Meeting, ParsedMinutes, Remark } from './types';
import { fnv1a } from '../text/hash';

export interface ParseOptions {
  /** The file's name (a path is fine); its stem becomes the meeting id. */
  source?: string;
}

/** `seeds/soumu-cstf-06.txt` → `soumu-cstf-06`. */
export function meetingIdFor(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? source;
  return base.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || `m${fnv1a(source)}`;
}

const GOVERNMENT_BODY = /(?:省|庁|内閣官房|内閣府|本部|センター)$/;

export function parseMinutes(text: string, options: ParseOptions = {}): ParsedMinutes {
  const file = options.source ?? '(text)';
  const warnings: string[] = [];
  const lines = splitLines(text);
  const header = parseHeader(lines);
  const title = readTitle(header.titleLines, header.secretariat);

  const id = options.source ? meetingIdFor(options.source) : `m${fnv1a(text)}`;
  if (header.date === null) warnings.push(warnAt(file, null, 'no meeting date found; the date is null'));

  const bodyLine = lines[header.bodyLine];
  const meeting: Meeting = {
    id,
    source: options.source ?? null,
    title: header.titleLines.join(' '),
    committee: title.committee,
    organiser: title.organiser ?? hostGroup(header.attendees),
    number: title.number,
    date: header.date,
    dateText: header.dateText,
    time: header.time,
    venue: header.venue,
    attendees: header.attendees,
    materials: header.materials,
    notes: header.notes,
    bodyStart: bodyLine ? bodyLine.start : text.length,
    // Where it was published is not in the text: lib/extract/minutes.ts adds it from the page or a sidecar.
    url: null,
    publisher: null,
  };

  const body = parseBody(lines, header.bodyLine, null, header.bodyKey);
  if (body.remarks.length === 0) {
    warnings.push(warnAt(file, null, 'no body found after the header'));
  } else if (body.structured === 0) {
    warnings.push(
      warnAt(file, bodyLine?.no ?? null, 'no speakers, bullets or headings recognised; fell back to one remark per paragraph'),
    );
  }

  const remarks: Remark[] = body.remarks.map((r, i) => ({
    id: `${id}-r${i + 1}`,
    meetingId: id,
    order: i + 1,
    kind: r.kind,
    speaker: r.label?.speaker ?? null,
    role: r.label?.role ?? null,
    affiliation: r.label?.affiliation ?? null,
    label: r.label?.label ?? null,
    section: r.section,
    text: r.text,
    start: r.start,
    end: r.end,
  }));
  return { meeting, remarks, warnings };
}

/** The attendee group that names the ministry running the meeting (【総務省】, 経済産業省:). */
function hostGroup(groups: AttendeeGroup[]): string | null {
  return groups.find((g) => g.group !== null && GOVERNMENT_BODY.test(g.group))?.group ?? null;
}
