/**
 * Links to a passage that survive a rebuild of the index. A remark id
 * (`${meetingId}-r${order}`) shifts when a remark is inserted before it, so a
 * link also carries a quote of the remark with a little text on each side, as
 * Hypothesis anchors do (quote + prefix/suffix, re-anchored fuzzily when the
 * text has changed: hypothesis/client src/annotator/anchoring/).
 *
 * Texts are compared with whitespace collapsed: a line break moved by a
 * re-parse must not lose the passage. Lengths count code points.
 */
import type { Remark } from '../minutes/types';
import { CONTEXT_CHARS, FUZZY_MIN_CHARS, FUZZY_MIN_SHARE, QUOTE_CHARS } from '../limits';

export interface PassageAnchor {
  /** The remark id when the link was made. */
  remark: string;
  /** The opening of the remark's text. */
  quote: string;
  /** The text just before the quote in the meeting (the previous remarks' end). */
  prefix: string;
  /** The text just after the quote. */
  suffix: string;
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const chars = (text: string) => Array.from(text);

/** The meeting's remark texts joined, and where each remark starts in it (code-unit offsets). */
function concatenate(remarks: readonly Remark[]): { all: string; starts: number[] } {
  const starts: number[] = [];
  let all = '';
  for (const r of remarks) {
    if (all !== '') all += ' ';
    starts.push(all.length);
    all += flat(r.text);
  }
  return { all, starts };
}

/** The anchor for one remark of a meeting (`remarks` in order), or null if it is not there. */
export function makeAnchor(remarks: readonly Remark[], remarkId: string): PassageAnchor | null {
  const i = remarks.findIndex((r) => r.id === remarkId);
  if (i < 0) return null;
  const { all, starts } = concatenate(remarks);
  const quote = chars(flat(remarks[i]!.text)).slice(0, QUOTE_CHARS).join('');
  const at = starts[i]!;
  return {
    remark: remarkId,
    quote,
    prefix: chars(all.slice(0, at)).slice(-CONTEXT_CHARS).join('').trimStart(),
    suffix: chars(all.slice(at + quote.length)).slice(0, CONTEXT_CHARS).join('').trimEnd(),
  };
}

/**
 * The id of the remark that best holds the anchor's quote: the anchor's own
 * remark while its text still contains the quote; else the remark that
 * contains it (prefix and suffix, then nearness to the old position, break
 * ties); else the remark sharing the longest run of text with the quote, if
 * long enough; else null. Without a quote, only the id itself can answer.
 */
export function resolveAnchor(remarks: readonly Remark[], anchor: Partial<PassageAnchor>): string | null {
  const id = anchor.remark ?? '';
  const quote = flat(anchor.quote ?? '');
  const own = remarks.find((r) => r.id === id);
  if (quote === '') return own ? own.id : null;
  if (own && flat(own.text).includes(quote)) return own.id;

  const { all, starts } = concatenate(remarks);
  const oldOrder = orderOf(id);
  const context = (i: number, from: number, to: number) =>
    sharedEnd(all.slice(Math.max(0, starts[i]! + from - 64), starts[i]! + from), anchor.prefix ?? '') +
    sharedStart(all.slice(starts[i]! + to, starts[i]! + to + 64), anchor.suffix ?? '');
  const best = (scored: { i: number; score: number }[]) =>
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        Math.abs(remarks[a.i]!.order - oldOrder) - Math.abs(remarks[b.i]!.order - oldOrder),
    )[0];

  const exact: { i: number; score: number }[] = [];
  remarks.forEach((r, i) => {
    const at = flat(r.text).indexOf(quote);
    if (at >= 0) exact.push({ i, score: context(i, at, at + quote.length) });
  });
  if (exact.length > 0) return remarks[best(exact)!.i]!.id;

  const needed = Math.max(FUZZY_MIN_CHARS, Math.ceil(chars(quote).length * FUZZY_MIN_SHARE));
  const fuzzy: { i: number; score: number }[] = [];
  remarks.forEach((r, i) => {
    const run = longestCommonRun(quote, flat(r.text));
    if (run.length >= needed) fuzzy.push({ i, score: run.length * 100 + context(i, 0, flat(r.text).length) });
  });
  return fuzzy.length > 0 ? remarks[best(fuzzy)!.i]!.id : null;
}

/** The order written in an id, or Infinity (no nearness preference) when there is none. */
function orderOf(id: string): number {
  const m = /-r(\d+)$/.exec(id);
  return m ? Number(m[1]) : Infinity;
}

/** How many characters `a` and `b` share at their ends. */
function sharedEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** How many characters `a` and `b` share at their starts. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The longest substring of `needle` that also occurs in `text` (dynamic programming, O(n·m)). */
export function longestCommonRun(needle: string, text: string): string {
  let prev = new Uint16Array(text.length + 1);
  let cur = new Uint16Array(text.length + 1);
  let bestLen = 0;
  let bestEnd = 0;
  for (let i = 1; i <= needle.length; i++) {
    for (let j = 1; j <= text.length; j++) {
      cur[j] = needle[i - 1] === text[j - 1] ? Math.min(prev[j - 1]! + 1, 65_535) : 0;
      if (cur[j]! > bestLen) {
        bestLen = cur[j]!;
        bestEnd = i;
      }
    }
    [prev, cur] = [cur, prev];
  }
  return needle.slice(bestEnd - bestLen, bestEnd);
}
