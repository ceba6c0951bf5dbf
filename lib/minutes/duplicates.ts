/**
 * Two seed files that describe the same meeting would show every remark twice
 * and split links between them: the build refuses them, naming both files.
 * The same meeting means the same committee, number and date, or the same body.
 */
import { MinutesError } from './errors';
import type { ParsedMinutes } from './types';
import { fnv1a } from '../text/hash';

function keysOf({ meeting, remarks }: ParsedMinutes): string[] {
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
    for (const key of keysOf(m)) {
      const other = seen.get(key);
      if (other) {
        const what = key.startsWith('body:')
          ? 'the same remarks'
          : `the same meeting (${m.meeting.committee} 第${m.meeting.number}回, ${m.meeting.date})`;
        throw new MinutesError(
          m.meeting.source ?? m.meeting.id,
          null,
          `describes ${what} as ${other.meeting.source ?? other.meeting.id}; keep one of the two files`,
        );
      }
      seen.set(key, m);
    }
  }
}
