/**
 * Finds glossary terms in text, in one pass: the text is normalised exactly as
 * search normalises it, then each position is compared with the forms that
 * begin with its character, longest first (IoT機器 over IoT). Matches map back
 * to positions in the original text.
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

/** The terms (id and canonical form), and their keys by the first character of the normalised form, each group longest first. */
export interface Keys {
  terms: readonly (readonly [id: string, ja: string])[];
  groups: Readonly<Record<string, readonly Key[]>>;
}

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
 * Every form of every term, grouped by the first character of its normalised
 * form. A position of a text is compared only with the few forms that begin
 * with its character.
 */
export function groupKeys(terms: readonly MatcherTerm[]): Keys {
  const groups: Record<string, Key[]> = {};
  for (const key of keysOf(terms)) (groups[key[0][0]!] ??= []).push(key);
  // Stable: among forms of one length, the terms' order decides.
  for (const group of Object.values(groups)) group.sort((a, b) => b[0].length - a[0].length);
  return { terms: terms.map((t) => [t.id, t.ja] as const), groups };
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

/** Every occurrence in `text`, left to right, not overlapping, from a normalisation of the whole text. */
export function scanNormalized(text: string, keys: Keys): TermMatch[] {
  const { text: norm, map } = normalizeWithMap(text);
  const out: TermMatch[] = [];
  let i = 0;
  while (i < norm.length) {
    const group = keys.groups[norm[i]!];
    const found = group ? matchAt(text, norm, map, i, group, keys.terms) : null;
    if (found) {
      out.push(found.match);
      i = found.next;
    } else i++;
  }
  return out;
}

const LATIN = /[a-z0-9]/;

/**
 * The longest key of `group` at position `i` of the normalised text `norm`
 * (which `map` maps back into `text`), with the position after it; null when
 * none matches there.
 */
export function matchAt(
  text: string,
  norm: string,
  map: Int32Array,
  i: number,
  group: readonly Key[],
  terms: Keys['terms'],
): { match: TermMatch; next: number } | null {
  // A Latin form must start at a word boundary: IoT is not in idIoT.
  const latinBefore = i > 0 && LATIN.test(norm[i - 1]!);
  // Indexed, not destructured: a long text of near-misses runs this loop for every key of a group.
  for (let g = 0; g < group.length; g++) {
    const k = group[g]!;
    const key = k[0];
    if (!norm.startsWith(key, i)) continue;
    const to = i + key.length;
    if (!boundaryOk(norm, i, to, latinBefore)) continue;
    const start = map[i]!;
    const end = map[to]!;
    const written = text.slice(start, end);
    if (!caseOk(written, k[2])) continue;
    const [termId, term] = terms[k[1]]!;
    return { match: { termId, term, match: written, start, end }, next: to };
  }
  return null;
}

/** The matcher built from terms at run time: the command line's tests and the build's reference. */
export class TermMatcher {
  private readonly keys: Keys;

  constructor(terms: readonly MatcherTerm[]) {
    this.keys = groupKeys(terms);
  }

  /** Every occurrence, left to right, not overlapping. */
  find(text: string): TermMatch[] {
    return scanNormalized(text, this.keys);
  }
}

/** Latin letters or digits at a form's edge must not continue into the text: ISAC is not in ISACA. */
function boundaryOk(norm: string, from: number, to: number, latinBefore: boolean): boolean {
  if (LATIN.test(norm[from]!) && latinBefore) return false;
  if (LATIN.test(norm[to - 1]!) && to < norm.length && LATIN.test(norm[to]!)) return false;
  return true;
}
