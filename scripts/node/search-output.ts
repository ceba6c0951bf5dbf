/** What `lens search` prints: JSON rows for scripts, or a listing for people. */
import type { SearchHit } from '../../lib/search/engine';

export interface SearchRow {
  remarkId: string;
  meetingId: string;
  committee: string | null;
  meetingTitle: string;
  date: string | null;
  speaker: string | null;
  role: string | null;
  section: string | null;
  text: string;
  snippet: { text: string; ranges: [number, number][] };
  score: number;
  match: SearchHit['match'];
}

export function searchRows(hits: SearchHit[]): SearchRow[] {
  return hits.map(({ remark, meeting, snippet, score, match }) => ({
    remarkId: remark.id,
    meetingId: meeting.id,
    committee: meeting.committee,
    meetingTitle: meeting.title,
    date: meeting.date,
    speaker: remark.speaker,
    role: remark.role,
    section: remark.section,
    text: remark.text,
    snippet,
    score,
    match,
  }));
}

/** Matched words in 「」 brackets, as a terminal has no emphasis to spare. */
function mark({ text, ranges }: SearchHit['snippet']): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += `${text.slice(at, s)}[${text.slice(s, e)}]`;
    at = e;
  }
  return out + text.slice(at);
}

export function formatSearch(hits: SearchHit[]): string {
  if (hits.length === 0) return 'no related remarks in the minutes';
  return hits
    .map(({ remark: r, meeting: m, snippet, score }, i) => {
      const who = r.speaker ? `${r.speaker}${r.role ? `（${r.role}）` : ''}` : '（発言者の記載なし）';
      return `${i + 1}. ${who} — ${m.committee ?? m.title} ${m.number ? `第${m.number}回 ` : ''}${m.date ?? ''}  [${score}]\n   ${mark(snippet)}`;
    })
    .join('\n');
}
