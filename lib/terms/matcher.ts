/**
 * Finds glossary terms in text, in one pass: the text is normalised exactly as
 * search normalises it, then from each position a character trie of the forms
 * is walked as far as the text follows it, and the longest form that fits its
 * boundaries and case wins (IoT機器 over IoT). Matches map back to positions in
 * the original text.
 *
 * This is the reference: what a term match is. Pages and the command line run
 * the same rules from a form compiled by the build (`compiled-matcher.ts`),
 * which tests hold to finding exactly what this finds.
 */
import { normalizeWithMap } from '../text/normalize';

export interface MatcherTerm {
  id: string;
  /** The canonical form, reported with each match. */
  ja: string;
  /** Every written form to look for (the canonical one included). */
  forms: readonly string[];
  /** Latin forms match only in the case written here (NOTICE, not notice). */
  exactCase?: boolean;
}

export interface TermMatch {
  termId: string;
  term: string;
  /** The text as written on the page. */
  match: string;
  start: number;
  end: number;
}

/**
 * A case rule of a Latin form: none (0), an acronym that must not be written
 * all in lower case (1: IPA, not ipa), or the only way it may be written
 * (NOTICE, not notice).
 */
export type CaseRule = 0 | 1 | string;

/** One form of a term, as the matcher compares it: its normalised form, its term (an index into `terms`) and its case rule. */
export type Key = readonly [key: string, term: number, caseRule: CaseRule];

/** Every form of every term, normalised, once per term: [key, term index, case rule], in the terms' order. */
export function keysOf(terms: readonly MatcherTerm[]): Key[] {
  const out: Key[] = [];
  const seen = new Set<string>();
  terms.forEach((term, index) => {
    for (const form of new Set(term.forms)) {
      const key = normalizeWithMap(form).text;
      if (key === '' || seen.has(`${index}\u0000${key}`)) continue;
      seen.add(`${index}\u0000${key}`);
      out.push([key, index, caseRule(form, term.exactCase === true)]);
    }
  });
  return out;
}

/**
 * Case rules for Latin forms: an `exactCase` term matches only as written
 * (NOTICE); an acronym written in capitals (ISAC, IPA) does not match an
 * all-lower-case word (ipa), while mixed case (Isac, IoT, iOT) still does.
 */
function caseRule(form: string, exact: boolean): CaseRule {
  const f = form.normalize('NFKC');
  if (!/[A-Za-z]/.test(f)) return 0;
  if (exact) return f;
  return /^[A-Z0-9&/-]{2,6}$/.test(f) ? 1 : 0;
}

export function caseOk(written: string, rule: CaseRule): boolean {
  if (rule === 0) return true;
  // NFKC only where it can change something: a page's first call to normalize() costs milliseconds.
  const w = /^[\x00-\x7f]*$/.test(written) ? written : written.normalize('NFKC');
  return rule === 1 ? w !== w.toLowerCase() : w === rule;
}

const LATIN = /[a-z0-9]/;

/** A trie node: the forms that end here (longest-first order is the walk's), and the characters that continue. */
interface Node {
  next: Map<number, Node> | null;
  ends: Key[] | null;
}

/** The matcher built from terms at run time: the build's reference, and what tests hold the compiled one to. */
export class TermMatcher {
  /**
   * The forms as a trie of UTF-16 code units. From a position the walk goes no
   * deeper than the longest form, so the work grows with the text and not with
   * the number of forms, even when hundreds share a prefix (サイバー…).
   */
  private readonly root: Node = { next: new Map(), ends: null };
  /** Whether any form begins with a UTF-16 code unit: most positions of a text begin none. */
  private readonly isFirst = new Uint8Array(0x10000);
  private readonly terms: readonly MatcherTerm[];
  /** Nodes with forms ending in them along the current walk, and their depths: reused, so a scan allocates nothing per position. */
  private readonly walkEnds: Node[] = [];
  private readonly walkDepths: number[] = [];

  constructor(terms: readonly MatcherTerm[]) {
    this.terms = terms;
    for (const k of keysOf(terms)) {
      const key = k[0];
      let node = this.root;
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        node.next ??= new Map();
        let child = node.next.get(code);
        if (!child) node.next.set(code, (child = { next: null, ends: null }));
        node = child;
      }
      (node.ends ??= []).push(k);
      this.isFirst[key.charCodeAt(0)] = 1;
    }
  }

  /** Every occurrence, left to right, not overlapping. */
  find(text: string): TermMatch[] {
    const { text: norm, map } = normalizeWithMap(text);
    const out: TermMatch[] = [];
    let i = 0;
    while (i < norm.length) {
      const found = this.isFirst[norm.charCodeAt(i)] === 1 ? this.longestAt(text, norm, map, i) : null;
      if (found) {
        out.push(found.match);
        i = found.next;
      } else i++;
    }
    return out;
  }

  private longestAt(text: string, norm: string, map: Int32Array, i: number): { match: TermMatch; next: number } | null {
    const ends = this.walkEnds;
    const depths = this.walkDepths;
    ends.length = 0;
    depths.length = 0;
    let node: Node | undefined = this.root;
    for (let j = i; j < norm.length && node.next; j++) {
      node = node.next.get(norm.charCodeAt(j));
      if (!node) break;
      if (node.ends) {
        ends.push(node);
        depths.push(j + 1);
      }
    }
    // A Latin form must start at a word boundary: IoT is not in idIoT.
    const latinBefore = i > 0 && LATIN.test(norm[i - 1]!);
    for (let e = ends.length - 1; e >= 0; e--) {
      const to = depths[e]!;
      if (!boundaryOk(norm, i, to, latinBefore)) continue;
      const start = map[i]!;
      const end = map[to]!;
      const written = text.slice(start, end);
      // Among forms of one length, the terms' order decides (keysOf keeps it).
      for (const k of ends[e]!.ends!) {
        if (!caseOk(written, k[2])) continue;
        const term = this.terms[k[1]]!;
        return { match: { termId: term.id, term: term.ja, match: written, start, end }, next: to };
      }
    }
    return null;
  }
}

/** Latin letters or digits at a form's edge must not continue into the text: ISAC is not in ISACA. */
function boundaryOk(norm: string, from: number, to: number, latinBefore: boolean): boolean {
  if (LATIN.test(norm[from]!) && latinBefore) return false;
  if (LATIN.test(norm[to - 1]!) && to < norm.length && LATIN.test(norm[to]!)) return false;
  return true;
}
