/**
 * A remark as a citation, plain text ready to paste into a report:
 *
 *   サイバーセキュリティタスクフォース 第24回（2020-05-28）議事要旨、後藤座長の発言：「テレワーク関係は非常に大事なポイントだと思う。」
 *
 * It is only ever used as text (the clipboard, a text node).
 */
import type { Meeting, Remark } from '../minutes/types';
import { CITATION_MAX_CHARS } from '../limits';


/** What the record is called, as its title says (the minutes publish 議事要旨 more often than 議事録). */
const RECORD_KINDS = ['議事要旨', '議事概要', '議事録'];

export function citationText(
  meeting: Meeting,
  remark: Remark,
  options: { noSpeaker?: string; source?: string; yours?: boolean } = {},
): string {
  const line = `${meetingPart(meeting)}、${speakerPart(remark, options.noSpeaker ?? '発言者の記載なし')}：「${quotedText(remark.text)}」`;
  const source = options.source ?? sourceLine(meeting, options.yours);
  return source ? `${line}\n${source}` : line;
}

/**
 * Where the quoted minutes are: the official document, when they came with
 * its address (「総務省 https://…」), else, for minutes the reader added from a
 * file, that file (「自分のライブラリ：minutes.pdf」).
 */
export function sourceLine(m: Meeting, yours = false): string | null {
  if (m.url) return `${m.publisher ? `${m.publisher} ` : ''}${m.url}`;
  return yours && m.source ? `自分のライブラリ：${m.source}` : null;
}

function meetingPart(m: Meeting): string {
  const name = m.committee ?? m.title;
  const nth = m.number !== null ? ` 第${m.number}回` : '';
  const when = m.date ?? m.dateText;
  const kind = RECORD_KINDS.find((k) => m.title.includes(k));
  // A record that is not minutes by its title (e.g. 「前回までの御議論について」): name it.
  const what = kind ?? (m.title !== name ? `「${m.title}」` : '');
  return `${name}${nth}${when ? `（${when}）` : ''}${what}`;
}

function speakerPart(r: Remark, noSpeaker: string): string {
  if (r.kind !== 'turn' || !r.speaker) return noSpeaker;
  const who = `${r.affiliation ? `${r.affiliation} ` : ''}${r.speaker}${r.role ?? ''}`;
  return `${who}の発言`;
}

/**
 * The remark's lines joined (no space between Japanese lines), inner 「」 turned
 * into 『』 as Japanese quoting does, and cut at a sentence end if too long.
 */
export function quotedText(text: string, max = CITATION_MAX_CHARS): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  let joined = '';
  for (const line of lines) {
    const ascii = /[\x21-\x7e]$/.test(joined) && /^[\x21-\x7e]/.test(line);
    joined += joined === '' ? line : ascii ? ` ${line}` : line;
  }
  const quoted = joined.replace(/「/g, '『').replace(/」/g, '』');
  const cs = Array.from(quoted);
  if (cs.length <= max) return quoted;
  const head = cs.slice(0, max - 1).join('');
  // Prefer the end of a sentence past the first third, then a Japanese comma, else a hard cut.
  const floor = Math.floor(head.length / 3);
  const sentence = Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('？'), head.lastIndexOf('. '));
  if (sentence >= floor) return `${head.slice(0, sentence + 1)}…`;
  const comma = Math.max(head.lastIndexOf('、'), head.lastIndexOf('，'));
  return `${comma >= floor ? head.slice(0, comma) : head}…`;
}
