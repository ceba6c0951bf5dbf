/**
 * Dates and times as minutes write them: Japanese eras (平成 29 年 6 月 29 日,
 * 令和元年12月5日), full- or half-width digits, spaces anywhere inside, the
 * Western year (2020年5月28日) or a slashed date (2008/10/3).
 */

/** First year of each era, in the Gregorian calendar. */
const ERAS: Record<string, number> = { 明治: 1868, 大正: 1912, 昭和: 1926, 平成: 1989, 令和: 2019 };

const KANJI_DIGITS: Record<string, number> = {
  〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Full-width digits, colon and slash to ASCII. */
function ascii(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/：/g, ':')
    .replace(/／/g, '/');
}

/** ASCII digits, all blank space removed. */
const squeeze = (text: string) => ascii(text).replace(/[\s\u3000]+/g, '');

/** 元 → 1; 12 → 12; 十二 → 12. */
function number(text: string): number | null {
  if (text === '元') return 1;
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[〇一二三四五六七八九十]+$/.test(text)) return null;
  if (!text.includes('十')) return Number([...text].map((c) => KANJI_DIGITS[c]).join(''));
  const [tens, ones] = text.split('十') as [string, string];
  return (tens === '' ? 1 : (KANJI_DIGITS[tens] ?? 0)) * 10 + (ones === '' ? 0 : (KANJI_DIGITS[ones] ?? 0));
}

const NUM = '(元|\\d{1,4}|[〇一二三四五六七八九十]{1,3})';
const ERA_DATE = new RegExp(`(明治|大正|昭和|平成|令和)${NUM}年${NUM}月${NUM}日`);
const WESTERN_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/;
/** 2008/10/3: four-digit year first, so that 10/3 in a sentence is not a date. */
const SLASH_DATE = /(?<!\d)(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/;

/** The first date in `text`, as ISO `YYYY-MM-DD`, or null if there is none (or it is impossible). */
export function parseJapaneseDate(text: string): string | null {
  const s = squeeze(text);
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  const era = ERA_DATE.exec(s);
  if (era) {
    const n = number(era[2]!);
    if (n !== null && n > 0) year = ERAS[era[1]!]! + n - 1;
    month = number(era[3]!);
    day = number(era[4]!);
  } else {
    // The slash form is read before spaces are squeezed: 2008/10/3 13:00 must not become 2008/10/313:00.
    const west = WESTERN_DATE.exec(s) ?? SLASH_DATE.exec(ascii(text));
    if (!west) return null;
    year = Number(west[1]);
    month = Number(west[2]);
    day = Number(west[3]);
  }
  if (year === null || month === null || day === null) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null; // 2月30日 and the like
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 午後3時, 13:00, 13時00分, 13時: an optional half of the day, the hour, the minutes. */
const TIME = /(午前|午後)?(\d{1,2})(?::|時)(\d{2})?分?/g;

/**
 * `13:00～15:00`, `13 時 00 分~15 時 00 分`, `午後1時～3時` → `13:00-15:00`;
 * a single time → `13:00`.
 */
export function parseTimeRange(text: string): string | null {
  // Drop the date first so that its day is not read as an hour; a slashed date goes
  // before the spaces do, or 2008/10/3 13:00 would read as 313:00.
  const s = squeeze(ascii(text).replace(SLASH_DATE, ' ')).replace(/^.*日(\([^)]*\)|（[^）]*）)?/, '');
  let half: string | undefined;
  const times: string[] = [];
  for (const m of s.matchAll(TIME)) {
    // 午後1時～3時: a time without its own 午前/午後 is in the same half of the day as the one before.
    half = m[1] ?? half;
    let h = Number(m[2]);
    const min = Number(m[3] ?? '0');
    if (half === '午後' && h < 12) h += 12;
    if (h > 24 || min >= 60) continue;
    times.push(`${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`);
  }
  if (times.length === 0) return null;
  return times.slice(0, 2).join('-');
}
