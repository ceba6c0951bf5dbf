/**
 * Two seed files that describe the same meeting would show every remark twice
 * and split links between them: the build refuses them, naming both files.
 * The same meeting means the same committee, number and date, or the same body.
 */
import { MinutesError } from './errors';
import type { ParsedMinutes } from './types';
import { fnv1a } from '../text/hash';

/** The keys two records of one meeting share: its body, and its committee, number and date where known. */
export function meetingKeys({ meeting, remarks }: Pick<ParsedMinutes, 'meeting' | 'remarks'>): string[] {
  const keys = [`body:${fnv1a(remarks.map((r) => r.text).join('\n'))}`];
  if (meeting.committee && meeting.number !== null && meeting.date) {
    keys.push(`meeting:${meeting.committee}#${meeting.number}@${meeting.date}`);
  }
  return keys;
}

/** Throws a MinutesError naming both files when two minutes are the same meeting. */
export function checkDistinctMeetings(minutes: ParsedMinutes[]): void {
  const seen = new Map<string, ParsedMinutes>();
  for (const m of minutes) {
    for (const key of meetingKeys(m)) {
      const other = seen.get(key);
      if (other) {
        throw new MinutesError(
          m.meeting.source ?? m.meeting.id,
          null,
          `describes ${sameness(key, m)} as ${other.meeting.source ?? other.meeting.id}; keep one of the two files`,
        );
      }
      seen.set(key, m);
    }
  }
}

/** What a shared key says two records have in common. */
export function sameness(key: string, { meeting }: Pick<ParsedMinutes, 'meeting'>): string {
  return key.startsWith('body:') ? 'the same remarks' : `the same meeting (${meeting.committee} 第${meeting.number}回, ${meeting.date})`;
}
