/**
 * Finds glossary terms in text, in one pass: the text is normalised exactly as
 * search normalises it, then a trie of every term's written forms is walked
 * from each position (at most the longest form's length), so the work grows
 * with the text, not with the number of terms. The longest form wins
 * (IoT機器 over IoT); matches map back to positions in the original text.
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

interface Node {
  next: Map<number, Node>;
  /** Forms ending here: the term and the form as written in the glossary. */
  ends: { term: MatcherTerm; form: string }[];
}

const LATIN = /[a-z0-9]/;
const newNode = (): Node => ({ next: new Map(), ends: [] });

export class TermMatcher {
  private readonly root = newNode();
  /** Which characters begin some form: every other position is passed over at once. */
  private readonly starts = new Uint8Array(0x10000);

  constructor(terms: readonly MatcherTerm[]) {
    for (const term of terms) {
      for (const form of new Set(term.forms)) {
        const key = normalizeWithMap(form).text;
        if (key === '') continue;
        let node = this.root;
        this.starts[key.charCodeAt(0)] = 1;
        for (let k = 0; k < key.length; k++) {
          const c = key.charCodeAt(k);
          let child = node.next.get(c);
          if (!child) node.next.set(c, (child = newNode()));
          node = child;
        }
        if (!node.ends.some((e) => e.term.id === term.id)) node.ends.push({ term, form });
      }
    }
  }

  /** Every occurrence, left to right, not overlapping. */
  find(text: string): TermMatch[] {
    const { text: norm, map } = normalizeWithMap(text);
    const out: TermMatch[] = [];
    let i = 0;
    while (i < norm.length) {
      if (this.starts[norm.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      const found = this.longestAt(text, norm, map, i);
      if (found) {
        out.push(found.match);
        i = found.next;
      } else i++;
    }
    return out;
  }

  private longestAt(text: string, norm: string, map: Int32Array, i: number) {
    // A Latin form must start at a word boundary: IoT is not in idIoT.
    const latinBefore = i > 0 && LATIN.test(norm[i - 1]!);
    let node: Node | undefined = this.root;
    let best: { match: TermMatch; next: number } | null = null;
    for (let j = i; j < norm.length && node; j++) {
      node = node.next.get(norm.charCodeAt(j));
      if (!node) break;
      for (const { term, form } of node.ends) {
        const start = map[i]!;
        const end = map[j + 1]!;
        if (!boundaryOk(norm, i, j + 1, latinBefore)) continue;
        const written = text.slice(start, end);
        if (!caseOk(written, form, term.exactCase === true)) continue;
        best = { match: { termId: term.id, term: term.ja, match: written, start, end }, next: j + 1 };
        break;
      }
    }
    return best;
  }
}

/** Latin letters or digits at a form's edge must not continue into the text: ISAC is not in ISACA. */
function boundaryOk(norm: string, from: number, to: number, latinBefore: boolean): boolean {
  if (LATIN.test(norm[from]!) && latinBefore) return false;
  if (LATIN.test(norm[to - 1]!) && to < norm.length && LATIN.test(norm[to]!)) return false;
  return true;
}

/**
 * Case rules for Latin forms: an `exactCase` term matches only as written
 * (NOTICE); an acronym written in capitals (ISAC, IPA) does not match an
 * all-lower-case word (ipa), while mixed case (Isac, IoT, iOT) still does.
 */
function caseOk(written: string, form: string, exact: boolean): boolean {
  const w = written.normalize('NFKC');
  const f = form.normalize('NFKC');
  if (!/[A-Za-z]/.test(f)) return true;
  if (exact) return w === f;
  const acronym = /^[A-Z0-9&/-]{2,6}$/.test(f);
  return !(acronym && w === w.toLowerCase());
}
