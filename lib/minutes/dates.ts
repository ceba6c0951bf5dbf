/**
 * Dates and times as minutes write them: Japanese eras (平成 29 年 6 月 29 日,
 * 令和元年12月5日), full- or half-width digits, spaces anywhere inside, or the
 * Western year (2020年5月28日).
 */

/** First year of each era, in the Gregorian calendar. */
const ERAS: Record<string, number> = { 明治: 1868, 大正: 1912, 昭和: 1926, 平成: 1989, 令和: 2019 };

const KANJI_DIGITS: Record<string, number> = {
  〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Full-width digits and colon to ASCII; all blank space removed. */
function squeeze(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/：/g, ':')
    .replace(/[\s\u3000]+/g, '');
}

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
    const west = WESTERN_DATE.exec(s);
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

const TIME = /(\d{1,2})(?::|時)(\d{2})?分?/g;

/** `13:00～15:00` or `13時00分～15時00分` → `13:00-15:00`; a single time → `13:00`. */
export function parseTimeRange(text: string): string | null {
  // Drop the date part first so that its day number is not read as an hour.
  const s = squeeze(text).replace(/^.*日(\([^)]*\)|（[^）]*）)?/, '');
  const times = [...s.matchAll(TIME)]
    .map((m) => ({ h: Number(m[1]), m: Number(m[2] ?? '0') }))
    .filter((t) => t.h <= 24 && t.m < 60)
    .map((t) => `${String(t.h).padStart(2, '0')}:${String(t.m).padStart(2, '0')}`);
  if (times.length === 0) return null;
  return times.slice(0, 2).join('-');
}
