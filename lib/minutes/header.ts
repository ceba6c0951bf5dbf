/**
 * The header block: title, date and time, venue, attendees, materials. It
 * ends where the body begins (議事概要 / 議事内容, or the first heading,
 * bullet or speaker once the header's fields are done). Every header line
 * lands in some field; lines we cannot place go to `notes`.
 */
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
}

type Field = 'datetime' | 'venue' | 'attendees' | 'materials';

const KEY_PREFIX = String.raw`^(?:#{1,6}\s*)?(?:[(（]?[0-9０-９]{1,2}[)）.．、]?\s*)?`;
const sp = (word: string) => [...word].join(String.raw`[\s\u3000]*`);
const FIELD_KEYS: [Field, string][] = [
  ['datetime', `(?:開催)?${sp('日時')}|${sp('日付')}|${sp('開催日')}`],
  ['venue', `(?:開催)?${sp('場所')}|${sp('会場')}`],
  ['attendees', `${sp('出席者')}|${sp('出席委員')}|${sp('参加者')}`],
  ['materials', `${sp('配布資料')}|${sp('配付資料')}|${sp('資料一覧')}`],
];
const KEY_END = String.raw`(?:[\s\u3000]*[・･][\s\u3000]*${sp('場所')})?(?:[\s\u3000]*[:：][\s\u3000]*|[\s\u3000]+|$)(.*)$`;
const FIELD_RES = FIELD_KEYS.map(([f, k]) => [f, new RegExp(`${KEY_PREFIX}(?:${k})${KEY_END}`)] as const);
/** The heading that opens the body: 議事概要, 議事内容, 議事要旨, 議事録, 議事次第, 議題, 概要. */
const BODY_KEY = new RegExp(
  `${KEY_PREFIX}(?:${sp('議事')}(?:の?${sp('概要')}|${sp('内容')}|${sp('要旨')}|${sp('録')}|${sp('次第')})?|${sp('議題')}|${sp('概要')}|${sp('意見交換')}|${sp('主な意見')})[\\s\\u3000]*(?:[:：].*)?$`,
);

const GROUP_LINE = /^(?:#{1,6}\s*)?(?:【([^】]+)】|[(（]([^()（）]{1,20})[)）])$/;
const GROUP_PREFIX = /^([^:：、()（）]{1,20}?)[\s\u3000]*[:：][\s\u3000]*(.+)$/;

function fieldOf(text: string): { field: Field; value: string } | null {
  for (const [field, re] of FIELD_RES) {
    const m = re.exec(text);
    if (m) return { field, value: m[1]!.trim() };
  }
  return null;
}

/** Split a list of names at top-level 、 (not inside 石井委員(代理:田中様)). */
export function splitMembers(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of text) {
    if (c === '(' || c === '（') depth++;
    if (c === ')' || c === '）') depth = Math.max(0, depth - 1);
    if ((c === '、' || c === '，') && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((m) => m.replace(/[\s\u3000]+/g, ' ').trim()).filter((m) => m !== '');
}

export function parseHeader(lines: Line[]): Header {
  const h: Header = {
    titleLines: [], secretariat: null, dateText: null, date: null, time: null,
    venue: null, attendees: [], materials: [], notes: [], bodyLine: lines.length,
  };
  let field: Field | null = null;
  let sawField = false;
  let lastWasBlank = true;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.text;
    if (isBlank(raw)) {
      lastWasBlank = true;
      continue;
    }
    const text = stripEmphasis(raw.trim());
    const blankBefore = lastWasBlank;
    lastWasBlank = false;

    if (BODY_KEY.test(text) && i > 0 && h.titleLines.length > 0) {
      h.bodyLine = i;
      return h;
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
    if ((shape.kind === 'label' && field !== 'attendees') || (shape.kind === 'heading' && !GROUP_LINE.test(text))) {
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
    case 'attendees':
      addAttendees(h, text);
  }
}

function addAttendees(h: Header, text: string): void {
  const group = GROUP_LINE.exec(text);
  if (group) {
    h.attendees.push({ group: (group[1] ?? group[2]!).trim(), members: [] });
    return;
  }
  const prefixed = GROUP_PREFIX.exec(text);
  let members = text;
  if (prefixed) {
    h.attendees.push({ group: prefixed[1]!.trim(), members: [] });
    members = prefixed[2]!;
  }
  if (h.attendees.length === 0) h.attendees.push({ group: null, members: [] });
  const current = h.attendees[h.attendees.length - 1]!;
  // 浅野 正一郎<TAB>委員長<TAB>（…）: one person per line in a table.
  current.members.push(...(/\t/.test(members) && !/、/.test(members) ? [members.replace(/[\s\u3000]+/g, ' ').trim()] : splitMembers(members)));
}
