/**
 * The header block: title, date and time, venue, attendees, materials. It
 * ends where the body begins (議事概要 / 議事内容 / 議事録, or the first
 * heading, bullet or speaker once the header's fields are done). An agenda
 * (4.議題 / (1)… ) followed by the proceedings' own key stays in the header.
 * Every header line lands in some field; lines we cannot place go to `notes`.
 */
import { addAttendees, groupLine, groupPrefix } from './attendees';
import { parseJapaneseDate, parseTimeRange } from './dates';
import { isBlank, type Line } from './lines';
import { shapeOf, stripEmphasis } from './shapes';
import type { AttendeeGroup } from './types';

export interface Header {
  titleLines: string[];
  /** A preamble line such as サイバーセキュリティタスクフォース事務局. */
  secretariat: string | null;
  dateText: string | null;
  date: string | null;
  time: string | null;
  venue: string | null;
  attendees: AttendeeGroup[];
  materials: string[];
  notes: string[];
  /** Index into `lines` of the body's first line (lines.length when there is no body). */
  bodyLine: number;
  /** Whether that line is the body's key (議事録, 5.議事内容), which heads what follows. */
  bodyKey: boolean;
}

type Field = 'datetime' | 'venue' | 'attendees' | 'materials' | 'agenda';

/** Numbering or a marker before a key (`1.`, `1 `, `１．`, `(1)`, `①`, `一、`, `■`), and an opening bracket (【日時】). */
const KEY_PREFIX = String.raw`^(?:#{1,6}\s*)?(?:[■◆◇□●○・][\s\u3000]*)?(?:(?:[(（]?[0-9０-９]{1,2}[)）.．、]?|[①-⑳]|[一二三四五六七八九十]{1,2}[、．.])[\s\u3000]*)?[【＜〈［<]?`;
const sp = (word: string) => [...word].join(String.raw`[\s\u3000]*`);
const FIELD_KEYS: [Field, string][] = [
  ['datetime', `(?:${sp('開催')}[\\s\\u3000]*)?(?:${sp('日時')}|${sp('年月日')})|${sp('日付')}|${sp('開催日')}`],
  ['venue', `(?:${sp('開催')}[\\s\\u3000]*)?${sp('場所')}|${sp('会場')}`],
  ['attendees', `${sp('出席')}(?:${sp('者')}|${sp('委員')}|${sp('構成員')})等?|${sp('参加者')}`],
  ['materials', `(?:${sp('配布')}|${sp('配付')}|${sp('提出')})${sp('資料')}(?:${sp('一覧')})?|${sp('資料一覧')}`],
];
const KEY_END = String.raw`[】＞〉］>]?(?:[\s\u3000]*[・･][\s\u3000]*${sp('場所')})?(?:[\s\u3000]*[:：][\s\u3000]*|[\s\u3000]+|$)(.*)$`;
const FIELD_RES = FIELD_KEYS.map(([f, k]) => [f, new RegExp(`${KEY_PREFIX}(?:${k})${KEY_END}`)] as const);

/** Keys that open what was said: 議事概要, 議事内容, 議事要旨, 議事録, 議事の経過, 会議録. */
const PROCEEDINGS = `${sp('議事')}(?:の?${sp('概要')}|${sp('内容')}|${sp('要旨')}|${sp('録')}|の?${sp('経過')}|の?${sp('記録')}|${sp('速記録')})|${sp('会議録')}|${sp('速記録')}|${sp('審議')}の?(?:${sp('概要')}|${sp('経過')})`;
/** Keys that open the agenda, which is the body's outline unless the proceedings follow it under a key of their own. */
const AGENDA = `${sp('議事次第')}|${sp('議題')}|${sp('議事')}|${sp('次第')}`;
const keyLine = (words: string) => new RegExp(`${KEY_PREFIX}(?:${words})[】＞〉］>]?[\\s\\u3000]*(?:[:：].*)?$`);
/** The key that opens the body: any of the above, or 概要, 意見交換, 主な意見. */
const BODY_KEY = keyLine(`${PROCEEDINGS}|${AGENDA}|${sp('概要')}|${sp('意見交換')}|${sp('主な意見')}`);
const PROCEEDINGS_KEY = keyLine(PROCEEDINGS);
const AGENDA_KEY = keyLine(AGENDA);

function fieldOf(text: string): { field: Field; value: string } | null {
  for (const [field, re] of FIELD_RES) {
    const m = re.exec(text);
    if (m) return { field, value: m[1]!.trim() };
  }
  return null;
}

const textAt = (lines: Line[], i: number) => stripEmphasis(lines[i]!.text.trim());

/** The next non-blank line from `from`, or -1. */
function nextLine(lines: Line[], from: number): number {
  for (let j = from; j < lines.length; j++) if (!isBlank(lines[j]!.text)) return j;
  return -1;
}

/**
 * Where an agenda list that starts at `from` ends, if the proceedings or
 * another header field follow it (4.議題 / (1)… / 5.議事録); -1 when what
 * follows is already the body (4 議事 / (1) 開会 / 【松田IT担当大臣】 …).
 */
function agendaEnd(lines: Line[], from: number): number {
  for (let j = from; j < lines.length && j < from + 40; j++) {
    if (isBlank(lines[j]!.text)) continue;
    const t = textAt(lines, j);
    if (PROCEEDINGS_KEY.test(t) || fieldOf(t)) return j;
    if (shapeOf(lines[j]!.text).kind === 'label' || t.length > 60 || /。/.test(t)) return -1;
  }
  return -1;
}

export function parseHeader(lines: Line[]): Header {
  const h: Header = {
    titleLines: [], secretariat: null, dateText: null, date: null, time: null,
    venue: null, attendees: [], materials: [], notes: [], bodyLine: lines.length, bodyKey: false,
  };
  let field: Field | null = null;
  let sawField = false;
  let lastWasBlank = true;
  /** Lines before this index belong to an agenda list (kept in `notes`). */
  let agendaUntil = -1;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.text;
    if (isBlank(raw)) {
      lastWasBlank = true;
      continue;
    }
    const text = stripEmphasis(raw.trim());
    const blankBefore = lastWasBlank;
    lastWasBlank = false;
    if (i < agendaUntil) {
      // (3) 意見交換 inside the agenda is one of its items, not the body.
      h.notes.push(text);
      continue;
    }

    if (BODY_KEY.test(text) && i > 0 && h.titleLines.length > 0) {
      const next = nextLine(lines, i + 1);
      // 議事録 on a line of its own under the title, with 日時 still to come: the title's last line.
      if (!sawField && next !== -1 && fieldOf(textAt(lines, next))) {
        h.titleLines.push(text.replace(/^#{1,6}\s*/, ''));
        continue;
      }
      const end = AGENDA_KEY.test(text) ? agendaEnd(lines, i + 1) : -1;
      if (end === -1) {
        h.bodyLine = i;
        h.bodyKey = true;
        return h;
      }
      field = 'agenda';
      sawField = true;
      agendaUntil = end;
      h.notes.push(text);
      continue;
    }
    const keyed = fieldOf(text);
    if (keyed && h.titleLines.length > 0) {
      field = keyed.field;
      sawField = true;
      if (keyed.value) addToField(h, field, keyed.value);
      continue;
    }

    if (h.titleLines.length === 0) {
      h.titleLines.push(text.replace(/^#{1,6}\s*/, ''));
      continue;
    }

    const shape = shapeOf(raw);
    // Attendee groups open wherever they stand (構成員：…, 【事務局】, ＜委員＞, 委員 alone),
    // so that a member list never ends the header nor yields a speaker. Before any field, only
    // the unmistakable forms do: a bare 事務局 line there is the secretariat.
    const group = groupLine(text, true);
    const prefixed = groupPrefix(text);
    const opensGroup =
      (prefixed !== null && !/。/.test(prefixed.members)) ||
      (group !== null && (field === 'attendees' || (groupLine(text, false) !== null && (field !== null || /^[【(（]/.test(text)))));
    if (opensGroup) {
      field = 'attendees';
      sawField = true;
      addAttendees(h.attendees, text);
      continue;
    }
    if (field === null) {
      // The preamble: more title lines, the secretariat, a date line, until the body shows.
      if (!sawField && startsBody(shape, text)) {
        h.bodyLine = i;
        return h;
      }
      const date = parseJapaneseDate(text);
      if (date && text.length <= 30 && h.date === null) {
        h.dateText = text;
        h.date = date;
        h.time = parseTimeRange(text);
      } else if (/事務局$/.test(text) && text.length <= 40 && h.secretariat === null) {
        h.secretariat = text;
      } else if (!blankBefore && !sawField) {
        h.titleLines.push(text.replace(/^#{1,6}\s*/, ''));
      } else if (sawField) {
        h.notes.push(text);
      } else {
        h.titleLines.push(text.replace(/^#{1,6}\s*/, ''));
      }
      continue;
    }

    // Inside a field: a section heading that is not a group label ends the header, and so
    // does a speaker, except among attendees, where 浅野 正一郎 委員長 （…） is a member row.
    if ((shape.kind === 'label' && field !== 'attendees') || (shape.kind === 'heading' && group === null)) {
      h.bodyLine = i;
      return h;
    }
    addToField(h, field, text);
  }
  return h;
}

function startsBody(shape: ReturnType<typeof shapeOf>, text: string): boolean {
  return shape.kind !== 'text' || text.length > 60 || /。/.test(text);
}

function addToField(h: Header, field: Field, text: string): void {
  switch (field) {
    case 'datetime': {
      h.dateText = h.dateText ? `${h.dateText} ${text}` : text;
      h.date ??= parseJapaneseDate(text);
      h.time ??= parseTimeRange(text);
      return;
    }
    case 'venue':
      h.venue = h.venue ? `${h.venue} ${text}` : text;
      return;
    case 'materials':
      h.materials.push(text.replace(/^(?:[-－*+・•]\s*)+/, '').trim());
      return;
    case 'agenda':
      h.notes.push(text);
      return;
    case 'attendees':
      addAttendees(h.attendees, text);
  }
}
