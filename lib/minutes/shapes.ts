/**
 * The shape of one body line: blank, a speaker label, a heading, a bullet
 * item, or plain text. Headings come in many shapes in real minutes:
 * `### (2) …`, `【…】`, `<…>`, `(1) …`, `■ …`, `◆ …`, `②…`, `※以下…`,
 * `第１　開会`. A verbatim record's stage directions (（拍手）,
 * （報道関係者入室）) are asides: said by no one, and no heading.
 */
import { matchLabel, type LabelMatch } from './labels';
import { isBlank } from './lines';

export type Shape =
  | { kind: 'blank' }
  | { kind: 'label'; label: LabelMatch }
  | { kind: 'heading'; title: string }
  | { kind: 'bullet'; textAt: number }
  | { kind: 'aside' }
  | { kind: 'text' };

/** `**Safety**` → `Safety`: markdown emphasis is not part of the words. */
export function stripEmphasis(text: string): string {
  return text.replace(/\*\*(?=\S)(.+?)\*\*/g, '$1').replace(/\*\*/g, '');
}

/** A heading is short and is not a sentence. */
function headingLike(text: string, max = 50): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= max && !/[。．]/.test(t);
}

const MARKDOWN_HEADING = /^#{1,6}\s+(.*?)\s*#*$/;
const BRACKETED = /^【([^】]+)】$/;
const ANGLED = /^[<＜〈《]([^>＞〉》]+)[>＞〉》]$/;
const SYMBOL = /^[■◆◇□▼▽▲△★☆◎]\s*(.*)$/;
/** `(1)`, `（２）`, `①`, `1.`, `1)`: a heading when short, else a numbered item. */
const ENUMERATED =
  /^(?:[(（][\s]*(?:[0-9０-９]{1,2}|[a-zａ-ｚ]|[ア-ン]|[ⅰ-ⅻⅠ-Ⅻ]|[一二三四五六七八九十]{1,2})[\s]*[)）]|[①-⑳]|[0-9０-９]{1,2}[.．、)）](?![0-9０-９])|第[0-9０-９一二三四五六七八九十]+[章節部])\s*(.*)$/;
/** `4 議事内容`: a bare number and a space only ever starts a heading (`34 ページにある…` is text). */
const NUMBERED_HEADING = /^[0-9０-９]{1,2}[\s\u3000]+(.*)$/;
/** `第１　開会`, `第２ 議事`: 第 and a number, a space, a title (第1回 and 第3条 are no headings). */
const DAI_HEADING = /^第[0-9０-９一二三四五六七八九十]{1,3}(?![\s\u3000]*[回号条項章節部期次])[\s\u3000]+(.*)$/;
const PARENTHESISED = /^[(（](.*)[)）]$/;
/** What the record says happened rather than what was said: （拍手）, （「異議なし」の声あり）, （報道関係者退室）. */
const STAGE = /^[(（][^()（）]*(?:拍手|[入退]室|[入退]場|退席|着席|休憩|再開|起立|異議なし|声あり|者あり|発言する者)[^()（）]*[)）]$/;
const NOTE = /^[※＊]\s*(.*)$/;
const BULLET = /^(?:[-－*+][ \t\u3000]+・[ \t\u3000]*|[-－*+][ \t\u3000]+|[・•○〇◯◦●▪])/;

/** Shape of a line on its own; plain-line headings need context and are found by `isPlainHeading`. */
export function shapeOf(raw: string): Shape {
  if (isBlank(raw)) return { kind: 'blank' };
  const label = matchLabel(raw);
  if (label) return { kind: 'label', label };

  const text = stripEmphasis(raw.trim());
  const md = MARKDOWN_HEADING.exec(text);
  if (md) return { kind: 'heading', title: clean(md[1]!) };

  const bracketed = BRACKETED.exec(text);
  if (bracketed) return { kind: 'heading', title: bracketed[1]!.trim() };

  const angled = ANGLED.exec(text);
  // <https://…> is a markdown link, not a heading.
  if (angled && !/^[a-z]+:|@|^www\./i.test(angled[1]!)) return { kind: 'heading', title: angled[1]!.trim() };

  const symbol = SYMBOL.exec(text);
  if (symbol) return headingLike(symbol[1]!, 60) ? { kind: 'heading', title: symbol[1]!.trim() } : bulletAt(raw);

  const bullet = BULLET.exec(raw.trimStart());
  if (bullet) return { kind: 'bullet', textAt: raw.length - raw.trimStart().length + bullet[0].length };

  const enumerated = ENUMERATED.exec(text);
  if (enumerated && enumerated[1] !== undefined) {
    if (shortTitle(enumerated[1])) return { kind: 'heading', title: text };
    return { kind: 'bullet', textAt: raw.length - raw.trimStart().length };
  }
  const dai = DAI_HEADING.exec(text);
  if (dai && shortTitle(dai[1]!)) return { kind: 'heading', title: text };
  const numbered = NUMBERED_HEADING.exec(text);
  if (numbered && shortTitle(numbered[1]!)) return { kind: 'heading', title: text };
  if (STAGE.test(text)) return { kind: 'aside' };
  if (PARENTHESISED.test(text) && headingLike(text, 40)) return { kind: 'heading', title: text };
  const note = NOTE.exec(text);
  if (note && headingLike(note[1]!, 40)) return { kind: 'heading', title: text };
  return { kind: 'text' };
}

const shortTitle = (t: string) => headingLike(t, 40) && !/[、，]/.test(t);

/** A symbol-led line too long to be a heading (◆ …を説明。) is an item; its text starts after the symbol. */
function bulletAt(raw: string): Shape {
  const lead = raw.length - raw.trimStart().length;
  const after = raw.slice(lead + 1);
  return { kind: 'bullet', textAt: lead + 1 + (after.length - after.trimStart().length) };
}

function clean(title: string): string {
  const t = title.trim();
  return BRACKETED.exec(t)?.[1]?.trim() ?? SYMBOL.exec(t)?.[1]?.trim() ?? t;
}

/**
 * 主な現状と課題 / 今後の方向性（案）: a short line standing alone between blank
 * lines, not a sentence, and followed by structure (bullets, labels or headings)
 * rather than running text.
 */
export function isPlainHeading(text: string, blankBefore: boolean, blankAfter: boolean, next: Shape | null): boolean {
  const t = stripEmphasis(text.trim());
  if (!blankBefore || !blankAfter || next === null || next.kind === 'text' || next.kind === 'blank') return false;
  return t.length <= 30 && !/[。、，,「」:：.．!?！？]/.test(t) && !/^[0-9０-９]+$/.test(t);
}

/**
 * Whether a paragraph stops mid-sentence, as text cut by a page break does: a
 * long last line (short ones are agenda items such as `(2) 議事`) that does not
 * end in sentence-final punctuation.
 */
export function breaksMidSentence(text: string): boolean {
  const last = text.slice(text.lastIndexOf('\n') + 1).trim();
  return last.length >= 20 && !/[。．.！？!?」』）)】>》…：:]$/.test(last);
}
