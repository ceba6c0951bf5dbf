/**
 * The no-text-lost property: every non-blank character of a body lies in
 * exactly one remark's span, and every header line's words are in some header
 * field. Returns the problems found (empty when the property holds).
 */
import type { ParsedMinutes } from '../../lib/minutes/types';

const BLANK = /[\s\u3000\u00a0]/;
/** What the header's structure adds around the values: keys, numbering, markers, brackets, separators. */
const STRUCTURE = /[\s\u3000、，,:：【】()（）＜＞〈〉［］<>■◆◇□●○#*・\-－]/g;
const KEYS = /日時|年月日|場所|出席者|配[布付]資料|開催/g;
/** A key's numbering: 1. / (1) / １． / ① / 一、 */
const NUMBERING = /^[#\s\u3000■◆◇□●○・]*(?:[(（]?[0-9０-９]{1,2}[)）.．、]?|[①-⑳]|[一二三四五六七八九十]{1,2}[、．.])?/;

const squash = (s: string) => s.replace(NUMBERING, '').replace(STRUCTURE, '').replace(KEYS, '');

export function coverageProblems(text: string, parsed: ParsedMinutes): string[] {
  const problems: string[] = [];
  const { meeting, remarks } = parsed;
  const owner = new Int32Array(text.length).fill(-1);
  for (const r of remarks) {
    if (r.start < meeting.bodyStart) problems.push(`remark ${r.order} starts in the header`);
    if (r.end <= r.start) problems.push(`remark ${r.order} has an empty span`);
    for (let i = r.start; i < r.end; i++) {
      if (owner[i] !== -1) {
        problems.push(`character ${i} is in remarks ${owner[i]} and ${r.order}`);
        break;
      }
      owner[i] = r.order;
    }
  }
  for (let i = meeting.bodyStart; i < text.length; i++) {
    if (owner[i] === -1 && !BLANK.test(text[i]!)) {
      const line = text.slice(0, i).split('\n').length;
      problems.push(`line ${line}: "${text.slice(i, i + 20)}" is in no remark`);
      break;
    }
  }

  const fields = squash(
    [
      meeting.title, meeting.dateText ?? '', meeting.venue ?? '', meeting.organiser ?? '',
      ...meeting.attendees.flatMap((g) => [g.group ?? '', ...g.members]),
      ...meeting.materials, ...meeting.notes,
    ].join(''),
  );
  for (const line of text.slice(0, meeting.bodyStart).split('\n')) {
    const words = squash(line);
    if (words !== '' && !fields.includes(words)) problems.push(`header line "${line.trim()}" is in no header field`);
  }
  return problems;
}
