/**
 * The term matcher a page runs, from terms compiled by the build
 * (`compile.ts`): it finds exactly what the reference (`TermMatcher`) finds,
 * without normalising the page's text.
 *
 * The reference reads every character of a page in JavaScript, and a content
 * script's JavaScript runs cold: each page load starts it in a fresh isolated
 * world, before the engine has compiled any of it. Here the browser's own
 * regular-expression engine finds the few places where a term may begin
 * (`candidates`), and only there is the keys' trie walked, a character at a
 * time, each character normalised as the reference would normalise it in its
 * place. A text holding a character this cannot read that way (the
 * pattern's first group:
 * ｶﾞ, ヴ, ª, ⑩…) is normalised whole and walked the same way.
 */
import { normalizeWithMap } from '../text/normalize';
import { caseOk, type CaseRule, type TermMatch } from './matcher';

/** Keys ending at a node: [term (an index into `terms`), case rule], in the glossary's order. */
export type TrieEnds = readonly (readonly [term: number, rule: CaseRule])[];

/** Added to the numbers of `Trie.first` to write them as printable characters. */
export const FIRST_BASE = 0x100;

/**
 * Every key as a trie of normalised characters, laid out flat in strings: a
 * page parses nothing and builds nothing to read it. Nodes are numbered
 * breadth first (the root is 0), so the children of a node are numbered in a
 * row, in the order of their characters, right after those of the node before.
 */
export interface Trie {
  /** Character j is the one that leads to node j. */
  chars: string;
  /** Character k is `FIRST_BASE` + (the number of node k's first child − k); one more ends the last node's children. */
  first: string;
  /** The keys ending at each node that ends any. */
  ends: Readonly<Record<number, TrieEnds>>;
}

export interface CompiledTerms {
  /** The terms: id and canonical form. */
  terms: readonly (readonly [id: string, ja: string])[];
  trie: Trie;
  /**
   * Global (`g`): where a key may begin in raw text, or (group 1) a character
   * `foldCode` does not read as the reference's normalisation does, where that
   * matters.
   */
  candidates: RegExp;
}

/** Half-width katakana and punctuation U+FF61–U+FF9D, as NFKC writes them. */
const HALF_WIDTH = '。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';

/**
 * What the reference's normalisation makes of one character on its own (NFKC,
 * Latin lower case) for the characters pages write every day: ASCII, full-width
 * ASCII, half-width katakana, spaces, circled digits ①–⑨. Any other character
 * is returned as it is; the candidate pattern's first group names those for which that is wrong and
 * matters (compile.ts checks this function against NFKC for every character).
 */
export function foldCode(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 32 : code;
  if (code < 0x2000) return code === 0xa0 ? 0x20 : code;
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = code - 0xfee0;
    return ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii;
  }
  if (code >= 0xff61 && code <= 0xff9d) return HALF_WIDTH.charCodeAt(code - 0xff61);
  if (code <= 0x200a || code === 0x202f || code === 0x205f || code === 0x3000) return 0x20;
  if (code >= 0x2460 && code <= 0x2468) return code - 0x2460 + 0x31;
  return code;
}

const LONG = 0x30fc; // ー
const U = 0x30a6; // ウ
const E = 0x30a8; // エ
const SMALL_E = 0x30a7; // ェ
const A = 0x30a2; // ア
const BU = 0x30d6; // ブ

const isKatakana = (c: number) => (c >= 0x30a1 && c <= 0x30fa) || c === LONG;
const isLatin = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

export class CompiledMatcher {
  constructor(private readonly compiled: CompiledTerms) {}

  /** Every occurrence, left to right, not overlapping: what `TermMatcher` finds. */
  find(text: string): TermMatch[] {
    const { candidates } = this.compiled;
    const out: TermMatch[] = [];
    candidates.lastIndex = 0;
    for (let m = candidates.exec(text); m !== null; m = candidates.exec(text)) {
      // A character only the reference reads right: start again its way (what was found so far is found again).
      if (m[1] !== undefined) return this.findNormalized(text);
      const found = this.walkRaw(text, m.index);
      // As the reference does: after a match, go on from its end; after none, from the next character.
      if (found) out.push(found);
      candidates.lastIndex = found ? found.end : m.index + 1;
    }
    return out;
  }

  /**
   * The longest key at `p` that passes the reference's checks, reading the raw
   * text a character at a time as the reference would have normalised it.
   * (Written out rather than shared with `walkNormalized`: this runs cold, once
   * per candidate, and every call and closure counts there.)
   */
  private walkRaw(text: string, p: number): TermMatch | null {
    const c0 = normalizedAt(text, p);
    // Latin forms match whole words only: not IoT in idIoT. (Every key here starts with `c0`.)
    if (c0 === null || (p > 0 && isLatin(c0) && isLatin(foldCode(text.charCodeAt(p - 1))))) return null;
    const { chars, first, ends } = this.compiled.trie;
    let node = 0;
    let best: TermMatch | null = null;
    for (let r = p; r < text.length; ) {
      let c = normalizedAt(text, r);
      if (c === null) {
        // Dropped (never two in a row): the key goes on with the next character.
        if (++r >= text.length) break;
        c = normalizedAt(text, r)!;
      }
      node = child(chars, first, node, c);
      if (node < 0) break;
      r++;
      const here = ends[node];
      if (here === undefined) continue;
      // Not ISAC in ISACA.
      if (isLatin(c) && r < text.length && isLatin(foldCode(text.charCodeAt(r)))) continue;
      // A ー dropped right after a term belongs to it (サーバ written サーバー).
      best = this.term(text, p, r < text.length && dropped(text, r) ? r + 1 : r, here) ?? best;
    }
    return best;
  }

  /** The reference's way, for a text `foldCode` cannot read: the whole text normalised, then walked from every position. */
  private findNormalized(text: string): TermMatch[] {
    const { text: norm, map } = normalizeWithMap(text);
    const out: TermMatch[] = [];
    for (let i = 0; i < norm.length; ) {
      const found = this.walkNormalized(text, norm, map, i);
      if (found) {
        out.push(found[0]);
        i = found[1];
      } else i++;
    }
    return out;
  }

  /** As `walkRaw`, on the normalised text: the match, and the normalised position after it. */
  private walkNormalized(text: string, norm: string, map: Int32Array, i: number): [TermMatch, number] | null {
    if (i > 0 && isLatin(norm.charCodeAt(i)) && isLatin(norm.charCodeAt(i - 1))) return null;
    const { chars, first, ends: endsAt } = this.compiled.trie;
    let node = 0;
    let best: [TermMatch, number] | null = null;
    for (let to = i; to < norm.length; ) {
      const c = norm.charCodeAt(to);
      node = child(chars, first, node, c);
      if (node < 0) break;
      to++;
      const ends = endsAt[node];
      if (ends === undefined) continue;
      if (isLatin(c) && to < norm.length && isLatin(norm.charCodeAt(to))) continue;
      const found = this.term(text, map[i]!, map[to]!, ends);
      if (found) best = [found, to];
    }
    return best;
  }

  /** The first of the keys ending here whose case rule `text[start, end)` keeps, as a match. */
  private term(text: string, start: number, end: number, ends: TrieEnds): TermMatch | null {
    const written = text.slice(start, end);
    // Indexed, not destructured: destructuring walks an iterator, slow in code that runs cold.
    for (let k = 0; k < ends.length; k++) {
      const entry = ends[k]!;
      if (!caseOk(written, entry[1])) continue;
      const term = this.compiled.terms[entry[0]]!;
      return { termId: term[0], term: term[1], match: written, start, end };
    }
    return null;
  }
}

/** The child of `node` reached by character `c`, or -1 (children are in character order). */
function child(chars: string, first: string, node: number, c: number): number {
  let lo = node + first.charCodeAt(node) - FIRST_BASE;
  let hi = node + first.charCodeAt(node + 1) - FIRST_BASE;
  // Most nodes have a child or two: a look at each. The root and a few others have dozens: a binary search.
  if (hi - lo < 8) {
    for (let j = lo; j <= hi; j++) if (chars.charCodeAt(j) === c) return j;
    return -1;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = chars.charCodeAt(mid);
    if (at === c) return mid;
    if (at < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** What the reference's normalisation makes of the character at `r` in its place: null when it drops it. */
function normalizedAt(text: string, r: number): number | null {
  const c = foldCode(text.charCodeAt(r));
  if (c === E) {
    // ソフトウエア → ソフトウェア
    const next = r + 1 < text.length ? foldCode(text.charCodeAt(r + 1)) : -1;
    return r > 0 && foldCode(text.charCodeAt(r - 1)) === U && (next === A || next === BU) ? SMALL_E : E;
  }
  return c === LONG && dropped(text, r) ? null : c;
}

/**
 * Whether the reference drops the ー at `r`: the last long vowel of a katakana
 * word of four or more (サーバー → サーバ), not followed by more katakana.
 */
function dropped(text: string, r: number): boolean {
  if (foldCode(text.charCodeAt(r)) !== LONG || r < 3) return false;
  for (let k = r - 3; k < r; k++) if (!isKatakana(foldCode(text.charCodeAt(k)))) return false;
  return !(r + 1 < text.length && isKatakana(foldCode(text.charCodeAt(r + 1))));
}
