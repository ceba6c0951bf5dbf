/**
 * A short passage of a remark around what the query matched, with the matched
 * words given as ranges into the snippet's text. Never markup: whoever shows
 * it decides how to emphasise the ranges, and inserts the text as text.
 */
import { normalizeWithMap, type Normalized } from '../text/normalize';
import { SNIPPET_CONTEXT } from '../limits';

export interface Snippet {
  text: string;
  /** `[start, end)` ranges into `text`, sorted and not overlapping. */
  ranges: [number, number][];
}

/** Where each needle occurs in `text`, as ranges of the original (not normalised) text. */
export function findMatches(text: string, needles: string[], normalized: Normalized = normalizeWithMap(text)): [number, number][] {
  const { text: norm, map } = normalized;
  const found: [number, number][] = [];
  for (const needle of needles) {
    if (needle === '') continue;
    for (let at = norm.indexOf(needle); at !== -1; at = norm.indexOf(needle, at + needle.length)) {
      // サイバ (サイバー on its own) inside サイバーセキュリティ: the long vowel belongs to the word.
      const end = at + needle.length + (norm[at + needle.length] === 'ー' && needle.endsWith('ー') === false ? 1 : 0);
      // Up to where the next character came from: a dropped trailing ー stays inside the match.
      found.push([map[at]!, map[end]!]);
    }
  }
  return merge(found);
}

function merge(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: [number, number][] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * Cut `text` to about `2 × SNIPPET_CONTEXT` characters around the first
 * occurrence of the phrase if it occurs, else of any word.
 */
export function makeSnippet(text: string, phrase: string, words: string[]): Snippet {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const normalized = normalizeWithMap(flat);
  // Where the remark says the whole phrase (IoT機器), that is what is emphasised, not every
  // 機器 elsewhere in it; otherwise each word the query matched.
  const phraseMatches = findMatches(flat, [phrase], normalized);
  const all = phraseMatches.length > 0 ? phraseMatches : findMatches(flat, words, normalized);
  const anchor = all[0];
  if (!anchor) return { text: cut(flat, 0, SNIPPET_CONTEXT * 2).text, ranges: [] };
  const from = Math.max(0, anchor[0] - SNIPPET_CONTEXT);
  const { text: out, offset, end } = cut(flat, from, from + SNIPPET_CONTEXT * 2);
  const ranges = all
    .filter(([s, e]) => s >= from && e <= end)
    .map(([s, e]) => [s - from + offset, e - from + offset] as [number, number]);
  return { text: out, ranges };
}

function cut(text: string, from: number, to: number): { text: string; offset: number; end: number } {
  const end = Math.min(text.length, to);
  const head = from > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  return { text: head + text.slice(from, end) + tail, offset: head.length, end };
}
