/**
 * Speaker labels: who is speaking, as the minutes write it.
 *
 *   安田座長)               岡村構成員）※チャットによるコメント
 *   総務省 酒井調査官)      赤阪サイバーセキュリティ統括官室参事官（政策担当）
 *   事務局) 優遇税制策を…   【山田委員】   【事務局（田中参事官）】
 *   山田委員：本日は…       全員)
 *   【松田IT担当大臣】        （山田委員）            ○山田委員　本日は…
 *   ○議長（山田太郎君）
 */

/** Role words a label ends with, longest first so that 委員長 wins over 委員. */
const ROLES = [
  '座長代理', '副座長', '座長', '主査代理', '主査', '委員長代理', '副委員長', '委員長', '専門委員', '委員', '構成員',
  'オブザーバー', 'オブザーバ', '参事官補佐', '課長補佐', '室長補佐', '調査官', '参事官', '審議官',
  '統括官', '企画官', '専門官', '事務局長', '局長', '部長', '課長', '室長', '次長', '副大臣', '大臣',
  '政務官', '副長官', '長官', '副本部長', '本部長', '本部員', '議長', '会長代理', '副会長', '分科会長', '部会長', '会長', '理事長',
  '准教授', '教授', '説明者', '発表者', '氏', '先生',
].sort((a, b) => b.length - a.length);

/** Written variants of a role, mapped to the form we file them under. */
const ROLE_CANON: Record<string, string> = { オブザーバ: 'オブザーバー' };

/** Roles of a committee's members: what stands before them is a person's name, whole (鈴木花子委員). */
const MEMBER_ROLES = new Set([
  '座長代理', '副座長', '座長', '主査代理', '主査', '委員長代理', '副委員長', '委員長', '専門委員', '委員', '構成員',
  'オブザーバー', 'オブザーバ', '本部員',
]);

/** Roles that may stand alone after ○ in a verbatim record (○委員長　それでは…): the one chairing. */
const CHAIRS = new Set(['座長', '主査', '委員長', '会長', '議長', '本部長', '部会長']);

/** Labels that name a body rather than a person. */
const BODIES = new Set(['事務局', '全員', '各委員', '委員一同', '一同', '司会', '複数の委員', '複数委員']);

export interface Speaker {
  speaker: string | null;
  role: string | null;
  affiliation: string | null;
}

const SPACE = /[\s\u3000]+/g;
const KANJI = /^[\u3400-\u9fff々〆ヶ]+/;
const NAME = /^[\u3400-\u9fff々〆ヶぁ-んァ-ヶー・]+$/;
/** A name and the start of a title, which may hold Latin letters (松田IT担当 before 大臣). */
const NAME_AND_TITLE = /^[\u3400-\u9fff々〆ヶ][\u3400-\u9fff々〆ヶぁ-んァ-ヶー・A-Za-zＡ-Ｚａ-ｚ]*$/;
/** Ministries and offices written between a minister's name and 大臣/長官: 佐々木総務大臣, 森川内閣総理大臣. */
const MINISTRY = /^([\u3400-\u9fff々]{1,4}?)(?:内閣総理|内閣官房|内閣府|国家公安委員会|総務|外務|財務|法務|経済産業|文部科学|厚生労働|国土交通|農林水産|環境|防衛)/;
const TRAILING_QUALIFIER = /\s*[(（]([^()（）]*)[)）]\s*$/;
const SENTENCE = /[。、，,「」『』？?！!:：]/;

/** The role word `core` ends with, if any. */
function roleSuffix(core: string): string | null {
  return ROLES.find((r) => core.endsWith(r)) ?? null;
}

/** Split a person part such as 今林政策 (before 統括官) into the name and the rest of the title. */
function nameOf(prefix: string): string {
  if (prefix.length <= 3) return prefix;
  const ministry = MINISTRY.exec(prefix);
  if (ministry) return ministry[1]!;
  const kanji = KANJI.exec(prefix)?.[0] ?? '';
  // 赤阪サイバーセキュリティ統括官室: the name is the kanji before the katakana title.
  if (kanji.length > 0 && kanji.length < prefix.length) return kanji.length <= 3 ? kanji : kanji.slice(0, 2);
  // 吉田情報通信国際戦略局: family names are almost always two kanji; the rest is the title.
  if (kanji.length === prefix.length) return prefix.slice(0, 2);
  return prefix;
}

/**
 * Read the speaker out of a label's core (the label without its closing
 * bracket or colon). Returns null when the core does not look like a speaker.
 * `bareNames` allows a plain name without a role (安田) where the shape of the
 * line already says it is a label.
 */
export function readSpeaker(rawCore: string, bareNames: boolean): Speaker | null {
  let core = rawCore.replace(/\*\*/g, '').trim();
  if (core === '' || core.length > 40 || SENTENCE.test(core) || /[0-9０-９]/.test(core)) return null;

  // 事務局（田中参事官）: a body with the person who spoke for it.
  const qualifier = TRAILING_QUALIFIER.exec(core);
  if (qualifier) {
    const outer = core.slice(0, qualifier.index).trim();
    const inner = readSpeaker(qualifier[1]!, false);
    if (BODIES.has(outer) && inner?.speaker && inner.role) return { ...inner, affiliation: outer };
    // 議長（山田太郎君）: the chair's role, then the person in the Diet's style.
    const kun = /^(.+)君$/.exec(qualifier[1]!.replace(SPACE, ''));
    const outerRole = roleSuffix(outer);
    if (kun && NAME.test(kun[1]!) && outerRole && NAME.test(outer)) return { speaker: kun[1]!, role: ROLE_CANON[outerRole] ?? outerRole, affiliation: null };
    // 参事官（政策担当）, 構成員（代理）: the qualifier is part of the title.
    core = outer;
  }
  if (BODIES.has(core)) return { speaker: core, role: null, affiliation: null };
  // 山田太郎君: a member of a chamber, as its records name them.
  const kun = /^(.{2,8})君$/.exec(core.replace(SPACE, ''));
  if (kun && NAME.test(kun[1]!)) return { speaker: kun[1]!, role: null, affiliation: null };

  const parts = core.split(SPACE);
  const last = parts[parts.length - 1]!;
  const role = roleSuffix(last);
  if (role === null) {
    const name = parts.join('');
    return bareNames && NAME.test(name) && name.length >= 2 && name.length <= 8
      ? { speaker: name, role: null, affiliation: null }
      : null;
  }
  const canonical = ROLE_CANON[role] ?? role;
  const before = last.slice(0, last.length - role.length);
  if (before === '') {
    // 鈴木 一郎 委員: the role stands alone after the name.
    const name = parts.slice(0, -1).join('');
    if (name === '') return { speaker: null, role: canonical, affiliation: null };
    return NAME.test(name) ? { speaker: name, role: canonical, affiliation: null } : null;
  }
  const member = MEMBER_ROLES.has(role) && before.length <= 6;
  if (!NAME.test(before) && (member || !NAME_AND_TITLE.test(before))) return null;
  // 総務省 酒井調査官: what stands before the last space is the organisation.
  const affiliation = parts.length > 1 ? parts.slice(0, -1).join(' ') : null;
  return { speaker: member ? before : nameOf(before), role: canonical, affiliation };
}

export interface LabelMatch extends Speaker {
  /** The label as written (bracket, colon and any ※ note included). */
  label: string;
  /** Index in the line where the remark's own text begins, or -1 if the line is only the label. */
  textAt: number;
}

/** Position of the first closing bracket that has no opening partner, or -1. */
function unmatchedClose(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '（') depth++;
    else if (c === ')' || c === '）') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function afterLabel(line: string, labelEnd: number, speaker: Speaker): LabelMatch {
  const rest = line.slice(labelEnd);
  const restStart = labelEnd + (rest.length - rest.trimStart().length);
  const trimmed = rest.trim();
  // ※チャットによるコメント: a note about the remark belongs to its label.
  if (trimmed === '' || /^[※＊]/.test(trimmed)) return { ...speaker, label: line.trim(), textAt: -1 };
  return { ...speaker, label: line.slice(0, labelEnd).trim(), textAt: restStart };
}

/** ○山田委員 から説明があった: a particle after the name makes it the subject of a sentence. */
const PARTICLE = /^(?:より|から|を|の(?!ち))/;

/** A label on a line of its own, or at the start of a line before the remark's text. */
export function matchLabel(line: string): LabelMatch | null {
  const lead = line.length - line.trimStart().length;
  const text = line.slice(lead).replace(/^\*\*([^*]+)\*\*/, '$1');
  const offset = line.length - lead - text.length; // characters removed by the ** unwrapping
  const at = (i: number) => lead + i + offset;

  // 【山田委員】 or 【鈴木 一郎】 on its own line or before the text.
  const bracket = /^【([^】]{1,40})】/.exec(text);
  if (bracket) {
    // A bracket with only a role (【構成員】) is a group heading, not a speaker.
    const speaker = readSpeaker(bracket[1]!, false) ?? personWithSpace(bracket[1]!);
    return speaker?.speaker ? afterLabel(line, at(bracket[0].length), speaker) : null;
  }

  // ○山田委員　本日は… (verbatim records): ○ right before a speaker, then a space, a colon or the
  // line's end. ○ with a space after it, or before words (○事務局から説明。), is a bullet.
  if (/^[○〇◯]/.test(text)) {
    const maru = /^[○〇◯]([^\s\u3000:：]{1,40})(?=[\s\u3000:：]|$)[:：]?/.exec(text);
    const speaker = maru ? readSpeaker(maru[1]!, false) : null;
    if (!maru || !speaker || (speaker.speaker === null && !CHAIRS.has(speaker.role ?? ''))) return null;
    return PARTICLE.test(text.slice(maru[0].length).trimStart()) ? null : afterLabel(line, at(maru[0].length), speaker);
  }

  // （山田委員） on its own line or before the text; （委員） and （１） are not speakers.
  const paren = /^[(（]([^()（）]{1,30})[)）]/.exec(text);
  if (paren) {
    const speaker = readSpeaker(paren[1]!, false);
    if (speaker?.speaker) return afterLabel(line, at(paren[0].length), speaker);
  }

  // 安田座長) / 総務省 酒井調査官) / 事務局) text…
  const close = unmatchedClose(text);
  if (close > 0) {
    const speaker = readSpeaker(text.slice(0, close), true);
    if (speaker) return afterLabel(line, at(close + 1), speaker);
  }

  // 赤阪サイバーセキュリティ統括官室参事官（政策担当）: the whole line is a title with a qualifier.
  if (close === -1 && /[)）]$/.test(text) && TRAILING_QUALIFIER.test(text) && text.length <= 40) {
    const speaker = readSpeaker(text, false);
    if (speaker?.role) return { ...speaker, label: line.trim(), textAt: -1 };
  }

  // 山田委員：本日は… / 事務局：…  (a role or a body is required: 報告1：… is not a speaker)
  const colon = /^([^:：]{1,30}?)\s*[:：]/.exec(text);
  if (colon) {
    const speaker = readSpeaker(colon[1]!, false);
    if (speaker) return afterLabel(line, at(colon[0].length), speaker);
  }
  return null;
}

/** 鈴木 一郎: a family and a given name with a space between, and nothing else. */
function personWithSpace(core: string): Speaker | null {
  const m = /^([\u3400-\u9fff々]{1,4})[\s\u3000]+([\u3400-\u9fff々ぁ-んァ-ヶ]{1,5})$/.exec(core.trim());
  return m ? { speaker: m[1]! + m[2]!, role: null, affiliation: null } : null;
}

/** 事務局から…回答があった。 / 山田委員より資料２を説明。: a sentence about what a speaker said, not their words. */
export function reportsSpeaker(text: string): boolean {
  const m = /^(.{1,20}?)(?:から|より)/.exec(text);
  if (m === null || !readSpeaker(m[1]!, false)?.speaker) return false;
  return /(?:あった|なされた|行われた|(?:説明|回答|報告|紹介|発言)(?:した|された)?)。?$/.test(text.trim());
}
