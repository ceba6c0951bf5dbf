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
 * place. A text holding a character this cannot read that way (`special`:
 * ｶﾞ, ヴ, ª, ⑩…) is normalised whole and walked the same way.
 */
import { normalizeWithMap } from '../text/normalize';
import { caseOk, type CaseRule, type TermMatch } from './matcher';

/** Keys ending at a node: [term (an index into `terms`), case rule], in the glossary's order. */
export type TrieEnds = readonly (readonly [term: number, rule: CaseRule])[];
/** A node of the keys' trie: its children by normalised character, and the keys that end there (0: none). */
export type TrieNode = readonly [children: Readonly<Record<string, TrieNode>> | 0, ends: TrieEnds | 0];

export interface CompiledTerms {
  /** The terms: id and canonical form. */
  terms: readonly (readonly [id: string, ja: string])[];
  trie: TrieNode;
  /** Global (`g`): where a key may begin in raw text. */
  candidates: RegExp;
  /** Characters `foldCode` does not read as the reference's normalisation does, where that matters. */
  special: RegExp;
}

/** Half-width katakana and punctuation U+FF61–U+FF9D, as NFKC writes them. */
const HALF_WIDTH = '。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';

/**
 * What the reference's normalisation makes of one character on its own (NFKC,
 * Latin lower case) for the characters pages write every day: ASCII, full-width
 * ASCII, half-width katakana, spaces, circled digits ①–⑨. Any other character
 * is returned as it is; `special` names those for which that is wrong and
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
    const { candidates, special } = this.compiled;
    if (special.test(text)) return this.findNormalized(text);
    const out: TermMatch[] = [];
    candidates.lastIndex = 0;
    for (let m = candidates.exec(text); m !== null; m = candidates.exec(text)) {
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
    const first = normalizedAt(text, p);
    // Latin forms match whole words only: not IoT in idIoT. (Every key here starts with `first`.)
    if (first === null || (p > 0 && isLatin(first) && isLatin(foldCode(text.charCodeAt(p - 1))))) return null;
    let node = this.compiled.trie;
    let best: TermMatch | null = null;
    for (let r = p; r < text.length; ) {
      let c = normalizedAt(text, r);
      if (c === null) {
        // Dropped (never two in a row): the key goes on with the next character.
        if (++r >= text.length) break;
        c = normalizedAt(text, r)!;
      }
      const child = node[0] === 0 ? undefined : node[0][String.fromCharCode(c)];
      if (!child) break;
      node = child;
      r++;
      if (node[1] === 0) continue;
      // Not ISAC in ISACA.
      if (isLatin(c) && r < text.length && isLatin(foldCode(text.charCodeAt(r)))) continue;
      // A ー dropped right after a term belongs to it (サーバ written サーバー).
      best = this.term(text, p, r < text.length && dropped(text, r) ? r + 1 : r, node[1]) ?? best;
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
    let node = this.compiled.trie;
    let best: [TermMatch, number] | null = null;
    for (let to = i; to < norm.length; ) {
      const c = norm.charCodeAt(to);
      const child = node[0] === 0 ? undefined : node[0][norm[to]!];
      if (!child) break;
      node = child;
      to++;
      if (node[1] === 0) continue;
      if (isLatin(c) && to < norm.length && isLatin(norm.charCodeAt(to))) continue;
      const found = this.term(text, map[i]!, map[to]!, node[1]);
      if (found) best = [found, to];
    }
    return best;
  }

  /** The first of the keys ending here whose case rule `text[start, end)` keeps, as a match. */
  private term(text: string, start: number, end: number, ends: TrieEnds): TermMatch | null {
    const written = text.slice(start, end);
    for (const [term, rule] of ends) {
      if (!caseOk(written, rule)) continue;
      const [termId, ja] = this.compiled.terms[term]!;
      return { termId, term: ja, match: written, start, end };
    }
    return null;
  }
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
