/**
 * The attendee list of a header: groups (【構成員】, （委員）, オブザーバ:, a
 * bare 事務局 line) and their members, written with 、 between them or one
 * `氏名 役職` row per line. Nothing in it is ever a speaker.
 */
import type { AttendeeGroup } from './types';

/**
 * Words that name a group of attendees. Alone on a line (委員), after a
 * marker (■委員, ＜事務局＞) or before a colon (構成員：…) they open a group,
 * wherever in the header they stand.
 */
const GROUP_WORD =
  /^(?:出席)?(?:委員|構成員|臨時委員|専門委員|本部員|会員|オブザーバー?|事務局|説明者|発表者|有識者|関係者|関係省庁|政府|幹事|陪席者?|ゲストスピーカー|招へい者|欠席者?)(?:等|\s*[(（][^()（）]{1,12}[)）])?$/;
/** A government body as a group (【総務省】, 経済産業省:, 内閣官房). */
const GOVERNMENT = /^[\u3400-\u9fff々ァ-ヶー・\s]{1,20}(?:省|庁|内閣官房|内閣府|本部|センター)$/;

/** 【構成員】, （委員）, 【総務省】: a bracketed line (any words, as before) opens a group in an attendee list. */
const BRACKETED = /^(?:#{1,6}\s*)?(?:【([^】]+)】|[(（]([^()（）]{1,20})[)）])$/;
/** ＜委員＞, ［事務局］, ■オブザーバー, ◆構成員, 委員: other wrappings, for known group words only. */
const MARKED = /^(?:#{1,6}\s*)?(?:[<＜〈［[]([^>＞〉］\]]{1,20})[>＞〉］\]]|[■◆◇□●・]?[\s\u3000]*([^\s\u3000:：、，。].{0,19}?))[\s\u3000]*[:：]?$/;
const PREFIXED = /^([^:：、()（）]{1,20}?)[\s\u3000]*[:：][\s\u3000]*(.+)$/;

/** A group's name; a ministry only where brackets or a colon mark it (a bare 内閣サイバーセキュリティセンター row is a member). */
const isGroupWord = (word: string, government: boolean) => GROUP_WORD.test(word.trim()) || (government && GOVERNMENT.test(word.trim()));

/**
 * The group a line opens when it stands alone: any bracketed words inside an
 * attendee list (`anyBracket`), else only group words.
 */
export function groupLine(text: string, anyBracket: boolean): string | null {
  const bracketed = BRACKETED.exec(text);
  if (bracketed) {
    const group = (bracketed[1] ?? bracketed[2]!).trim();
    return anyBracket || isGroupWord(group, true) ? group : null;
  }
  const marked = MARKED.exec(text);
  const group = marked ? (marked[1] ?? marked[2]!).trim() : null;
  return group !== null && isGroupWord(group, marked![1] !== undefined) ? group : null;
}

/** 構成員：山田座長、… / 事務局：経済産業省…: a known group and its members on one line. */
export function groupPrefix(text: string): { group: string; members: string } | null {
  const m = PREFIXED.exec(text);
  return m && isGroupWord(m[1]!, true) ? { group: m[1]!.trim(), members: m[2]! } : null;
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

/** Add one line of an attendee list to `groups`. */
export function addAttendees(groups: AttendeeGroup[], text: string): void {
  const group = groupLine(text, true);
  if (group !== null) {
    groups.push({ group, members: [] });
    return;
  }
  // Any words before a colon name a group here (経済産業省:…, 委員 : …), as they always have.
  const prefixed = PREFIXED.exec(text);
  let members = text;
  if (prefixed) {
    groups.push({ group: prefixed[1]!.trim(), members: [] });
    members = prefixed[2]!;
  }
  if (groups.length === 0) groups.push({ group: null, members: [] });
  const current = groups[groups.length - 1]!;
  // 浅野 正一郎<TAB>委員長<TAB>（…）: one person per line in a table.
  current.members.push(...(/\t/.test(members) && !/、/.test(members) ? [members.replace(/[\s\u3000]+/g, ' ').trim()] : splitMembers(members)));
}
