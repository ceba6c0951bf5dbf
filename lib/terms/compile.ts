/**
 * Compiles terms into the form a page runs without building anything: the
 * keys grouped by first character, and two regular expressions the browser
 * runs natively over a page's raw text (see compiled-matcher.ts).
 *
 * - `candidates` matches wherever a key may begin: the first few characters
 *   of every key, each as any character `foldCode` reads as it (ＩｏＴ, ｻｲﾊﾞ…),
 *   with the ー normalisation may drop (サイバー保険 is the key サイバ保険).
 *   It may match where no key does (the matcher checks); it never misses one.
 *   Short on purpose: a page compiles it afresh, and a long pattern costs
 *   milliseconds to compile (measured in Chromium: 1.3 KB about 0.5 ms,
 *   26 KB 2–13 ms).
 * - its first group, `special`, matches the characters `foldCode` does not read as the
 *   reference's normalisation does, where it matters: those normalising to a
 *   key's character, a Latin letter or digit, or katakana (ª, Ⓐ, ⑩, ㌢), the
 *   voiced marks that join the character before (ｶﾞ), and ヴ (ヴァ → バ).
 *   A text holding one is read by the reference, normalised whole.
 *
 * Run by the build for the glossary (scripts/build-terms.ts), and in Node for
 * terms given at run time (tests).
 */
import { normalize } from '../text/normalize';
import { CompiledMatcher, FIRST_BASE, foldCode, type Trie } from './compiled-matcher';
import { keysOf, type CaseRule, type MatcherTerm } from './matcher';

export interface CompiledSource {
  terms: readonly (readonly [id: string, ja: string])[];
  trie: Trie;
  /**
   * Source of a global RegExp (flags `g`, not `u`): its group 1 matches a
   * special character, the rest where a key may begin. One pattern, so a
   * page's text is read natively once, not once for each.
   */
  candidates: string;
}

/**
 * Characters of each key the candidate pattern spells out: enough that
 * common words stop there (a pattern of three characters stops at every
 * セキュリティ for the keys that begin with it), few enough that the pattern
 * stays small (Latin keys run to seventy characters). On the bench article
 * (10,900 characters, 137 terms): 187 candidates from a pattern of 7 KB; all
 * keys cut at three gave 256 from 4 KB, whole Japanese keys 140 from 8.5 KB.
 */
const prefixChars = (key: string) => (/^[a-z0-9]/.test(key) ? 4 : 6);

const isKatakana = (c: number) => (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
/** Voiced marks: the normaliser joins them to the character before (ｶﾞ → ガ). */
const COMBINING = new Set([0xff9e, 0xff9f, 0x3099, 0x309a]);
const VU = 0x30f4;

interface Folds {
  /** Normalised character → BMP code units `foldCode` reads as it, correctly. */
  read: Map<string, number[]>;
  /** [code point, its normalisation] where `foldCode` differs from it. */
  misread: [number, string][];
}

let folds: Folds | null = null;

/** What each code point normalises to, alone, against what `foldCode` says: once per process (about a second). */
function foldTable(): Folds {
  if (folds) return folds;
  const read = new Map<string, number[]>();
  const misread: [number, string][] = [];
  // Planes 0–2 hold every character NFKC changes (planes 3 and up: CJK extensions, tags, private use).
  for (let cp = 0; cp < 0x30000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const f = normalize(String.fromCodePoint(cp));
    if (cp < 0x10000 && String.fromCharCode(foldCode(cp)) === f) {
      const list = read.get(f);
      if (list) list.push(cp);
      else read.set(f, [cp]);
    } else misread.push([cp, f]);
  }
  return (folds = { read, misread });
}

export function compileTerms(terms: readonly MatcherTerm[]): CompiledSource {
  const entries = keysOf(terms);
  const keys = [...new Set(entries.map((k) => k[0]))];
  for (const key of keys) {
    // The matcher reads a key's first character as a code unit, and never starts a match on a ー.
    if (/[\ud800-\udfff]/.test(key) || key.startsWith('ー')) throw new Error(`a form the page matcher cannot read: ${key}`);
  }
  const keyChars = new Set(keys.join(''));
  const { read, misread } = foldTable();

  const matters = (f: string) =>
    [...f].some((c) => keyChars.has(c) || /[a-z0-9]/.test(c) || isKatakana(c.charCodeAt(0)) || COMBINING.has(c.charCodeAt(0)));
  const special = new Set<number>([...COMBINING, VU, ...(read.get('ヴ') ?? [])]);
  for (const [cp, f] of misread) if (matters(f)) special.add(cp);

  /** The raw characters each key character may be written as. */
  const raw = new Map<string, number[]>();
  for (const c of keyChars) raw.set(c, (read.get(c) ?? []).filter((code) => !special.has(code)));
  // ソフトウエア is read as ソフトウェア (after ウ, before ア or ブ).
  raw.set('ェ', [...(raw.get('ェ') ?? []), ...(read.get('エ') ?? [])]);
  const longVowel = `${classOf(read.get('ー') ?? [0x30fc], false)}?`;

  return {
    terms: terms.map((t) => [t.id, t.ja] as const),
    trie: trieOf(entries),
    candidates: `(${specialPattern([...special])})|${candidatePattern(keys, raw, longVowel)}`,
  };
}

/**
 * The keys as a trie of normalised characters, laid out flat in two strings
 * a page reads with charCodeAt (see `Trie`): nodes numbered breadth first, so
 * each node's children are numbered in a row, in the order of their characters.
 */
function trieOf(entries: readonly (readonly [string, number, CaseRule])[]): Trie {
  interface Building {
    children: Map<string, Building>;
    ends: [number, CaseRule][];
  }
  const root: Building = { children: new Map(), ends: [] };
  for (const [key, term, rule] of entries) {
    let node = root;
    for (const c of key) {
      let child = node.children.get(c);
      if (!child) node.children.set(c, (child = { children: new Map(), ends: [] }));
      node = child;
    }
    node.ends.push([term, rule]);
  }
  let chars = '\u0000'; // the root has no character
  let first = '';
  const ends: Record<number, [number, CaseRule][]> = {};
  const queue = [root];
  for (let k = 0; k < queue.length; k++) {
    const node = queue[k]!;
    if (node.ends.length > 0) ends[k] = node.ends;
    // Where node k's children start, less k: small, so one character each, and no sums on the page.
    const ahead = queue.length - k;
    if (FIRST_BASE + ahead >= 0xd800) throw new Error(`a trie too wide to write as characters: ${ahead}`);
    first += String.fromCharCode(FIRST_BASE + ahead);
    const children = [...node.children].sort(([a], [b]) => a.charCodeAt(0) - b.charCodeAt(0));
    for (const [c, child] of children) {
      chars += c;
      queue.push(child);
    }
  }
  // After the last node: where its children would start, the end of all (queue.length − queue.length).
  first += String.fromCharCode(FIRST_BASE);
  return { chars, first, ends };
}

/** One step of a key's raw spelling: a class of characters, or the optional ー normalisation drops. */
type Unit = string;

function unitsOf(key: string, raw: Map<string, number[]>, droppedLongVowel: Unit): Unit[] {
  const units: Unit[] = [];
  const chars = [...key].slice(0, prefixChars(key));
  chars.forEach((c, j) => {
    units.push(classOf(raw.get(c) ?? [c.charCodeAt(0)], false));
    // A katakana word's last ー is dropped before a character that is not katakana (サイバー保険 → サイバ保険).
    const next = chars[j + 1];
    if (isKatakana(c.charCodeAt(0)) && next !== undefined && !isKatakana(next.charCodeAt(0))) units.push(droppedLongVowel);
  });
  return units;
}

interface Node {
  end: boolean;
  children: Map<Unit, Node>;
}

/**
 * The keys' spellings as one trie, written as a pattern. Only where a match
 * starts counts, so a key whose spelling begins with another's adds nothing.
 */
function candidatePattern(keys: string[], raw: Map<string, number[]>, droppedLongVowel: Unit): string {
  const root: Node = { end: false, children: new Map() };
  for (const key of keys) {
    let node = root;
    for (const unit of unitsOf(key, raw, droppedLongVowel)) {
      if (node.end) break;
      let child = node.children.get(unit);
      if (!child) node.children.set(unit, (child = { end: false, children: new Map() }));
      node = child;
    }
    node.end = true;
    node.children.clear();
  }
  const emit = (node: Node): string => {
    if (node.end) return '';
    const alternatives = [...node.children].map(([unit, child]) => unit + emit(child));
    return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
  };
  return [...root.children].map(([unit, child]) => unit + emit(child)).join('|');
}

/**
 * The special characters as a pattern without the `u` flag (measured: a class
 * with code points beyond the BMP under `u` cost a page more than all the
 * other matching): the BMP ones as one class, the others as their surrogate
 * pairs, grouped by the first of the pair.
 */
function specialPattern(codes: number[]): string {
  const bmp = codes.filter((c) => c < 0x10000);
  const byHigh = new Map<number, number[]>();
  for (const c of codes.filter((c) => c >= 0x10000)) {
    const pair = String.fromCodePoint(c);
    const high = pair.charCodeAt(0);
    const list = byHigh.get(high);
    if (list) list.push(pair.charCodeAt(1));
    else byHigh.set(high, [pair.charCodeAt(1)]);
  }
  return [classOf(bmp, false), ...[...byHigh].map(([high, lows]) => `\\u${high.toString(16)}${classOf(lows, false)}`)].join('|');
}

/** A character class (or a lone character) in pattern syntax; with `unicode`, code points beyond the BMP as such. */
function classOf(codes: number[], unicode: boolean): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  if (sorted.length === 1) return escape(sorted[0]!, unicode, true);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const from = escape(sorted[i]!, unicode);
    const to = escape(sorted[j]!, unicode);
    parts.push(j === i ? from : j === i + 1 ? from + to : `${from}-${to}`);
    i = j + 1;
  }
  return `[${parts.join('')}]`;
}

function escape(code: number, unicode: boolean, outside = false): string {
  const c = String.fromCodePoint(code);
  if (/[\\\]\[^\-/]/.test(c) || (outside && /[.*+?${}()|]/.test(c))) return `\\${c}`;
  // Printable characters as themselves (the pattern stays readable and small); the rest escaped.
  if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(c)) return c;
  if (code > 0xffff) return unicode ? `\\u{${code.toString(16)}}` : c;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A matcher for `terms` compiled here and now (Node: tests and tools; pages use the build's). */
export function compileMatcher(terms: readonly MatcherTerm[]): CompiledMatcher {
  const { candidates, ...rest } = compileTerms(terms);
  return new CompiledMatcher({ ...rest, candidates: new RegExp(candidates, 'g') });
}
