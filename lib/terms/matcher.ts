/**
 * Finds glossary terms in text, in one pass: the text is normalised exactly as
 * search normalises it, then each position is compared with the forms that
 * begin with its character, longest first (IoT機器 over IoT). Matches map back
 * to positions in the original text.
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

interface Key {
  /** The form normalised: what is compared with the normalised text. */
  key: string;
  term: MatcherTerm;
  /** The form as the glossary writes it (for case rules). */
  form: string;
}

const LATIN = /[a-z0-9]/;

export class TermMatcher {
  /**
   * Forms grouped by their first character, longest first. A position of the
   * text is compared only with the few forms that begin with its character, so
   * the work grows with the text, not with the number of terms; and building
   * this costs a page nothing like a character trie would.
   */
  private readonly byFirst = new Map<number, Key[]>();
  /**
   * Whether any form begins with a UTF-16 code unit: most positions of a text
   * begin none, and a byte read is the cheapest way to say so (a page's scan
   * runs this once per character, often before the engine has optimised it).
   */
  private readonly isFirst = new Uint8Array(0x10000);

  constructor(terms: readonly MatcherTerm[]) {
    for (const term of terms) {
      for (const form of new Set(term.forms)) {
        const key = normalizeWithMap(form).text;
        if (key === '') continue;
        const first = key.charCodeAt(0);
        const group = this.byFirst.get(first) ?? [];
        if (!group.some((k) => k.key === key && k.term.id === term.id)) group.push({ key, term, form });
        this.byFirst.set(first, group);
        this.isFirst[first] = 1;
      }
    }
    for (const group of this.byFirst.values()) group.sort((a, b) => b.key.length - a.key.length);
  }

  /** Every occurrence, left to right, not overlapping. */
  find(text: string): TermMatch[] {
    const { text: norm, map } = normalizeWithMap(text);
    const out: TermMatch[] = [];
    let i = 0;
    while (i < norm.length) {
      const code = norm.charCodeAt(i);
      const found = this.isFirst[code] === 1 ? this.longestAt(text, norm, map, i, this.byFirst.get(code)!) : null;
      if (found) {
        out.push(found.match);
        i = found.next;
      } else i++;
    }
    return out;
  }

  private longestAt(text: string, norm: string, map: Int32Array, i: number, group: Key[]) {
    // A Latin form must start at a word boundary: IoT is not in idIoT.
    const latinBefore = i > 0 && LATIN.test(norm[i - 1]!);
    for (const { key, term, form } of group) {
      if (!norm.startsWith(key, i)) continue;
      const to = i + key.length;
      if (!boundaryOk(norm, i, to, latinBefore)) continue;
      const start = map[i]!;
      const end = map[to]!;
      const written = text.slice(start, end);
      if (!caseOk(written, form, term.exactCase === true)) continue;
      return { match: { termId: term.id, term: term.ja, match: written, start, end }, next: to };
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
