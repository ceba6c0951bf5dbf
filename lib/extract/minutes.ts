/**
 * An extracted document → parsed minutes with where they came from: the
 * parser reads the text (it never learns the format), the meeting carries the
 * official address and publisher (a sidecar's, else the page's own), and the
 * extraction's warnings come first.
 */
import { warnAt } from '../minutes/errors';
import { parseMinutes } from '../minutes/parse';
import type { ParsedMinutes } from '../minutes/types';
import type { Extracted } from './extract';
import type { PageSource } from './html/meta';

/** Titles that name a meeting's record or a committee: what a page of minutes is headed with. */
const MEETING_TITLE = /議事|会議|会合|委員会|研究会|審議会|検討会|懇談会|協議会|部会|分科会|タスクフォース|ワーキング|WG|本部/;

/**
 * Whether parsed text reads like minutes at all: someone speaks, or the
 * header lists who attended, or the title names a meeting. A news article or
 * a press release does none of these.
 */
export function looksLikeMinutes({ meeting, remarks }: ParsedMinutes): boolean {
  return remarks.some((r) => r.kind === 'turn') || meeting.attendees.length > 0 || MEETING_TITLE.test(meeting.title);
}

export function parseDocument(doc: Extracted, source: string, sidecar: PageSource | null = null): ParsedMinutes {
  const parsed = parseMinutes(doc.text, { source });
  parsed.meeting.url = sidecar?.url ?? doc.url;
  parsed.meeting.publisher = sidecar?.publisher ?? doc.publisher;
  const warnings = [...doc.warnings, ...parsed.warnings];
  if (doc.format !== 'text' && !looksLikeMinutes(parsed)) {
    warnings.push(
      warnAt(source, null, 'this does not look like minutes (no speakers, no attendees, no meeting in its title); read as one remark per paragraph'),
    );
  }
  return { ...parsed, warnings };
}
