/**
 * The glossary: security-policy terms the shipped minutes discuss, reviewed by
 * hand from the candidate list (`lib/terms/candidates.tsv`, built by
 * `npx tsx scripts/glossary-candidates.ts`). The data is `glossary.json`;
 * `validateGlossary` states the rules it keeps, and a unit test holds it to
 * them and checks that every term finds remarks in the shipped index.
 */
import { normalize } from '../text/normalize';
import data from './glossary.json';

export interface GlossaryTerm {
  /** Stable kebab-case ASCII id (`iot-device`). */
  id: string;
  /** The canonical form, as the minutes write it (IoT機器, NOTICE): related remarks are searched with it. */
  ja: string;
  /** Names an English-language article uses (IoT device, IoT devices). */
  en: string[];
  /**
   * Other ways a page writes the term that normalisation does not unify:
   * spellings (ぜい弱性), long and short forms (内閣サイバーセキュリティセンター for NISC).
   * Width, Latin case, ソフトウエア/ソフトウェア and a trailing ー are unified already.
   */
  variants: string[];
  /** Marked on web pages. False for words too generic to help a reader (セキュリティ, リスク): still searchable. */
  mark: boolean;
  /**
   * Every Latin form of the term (`ja`, `en` and `variants`) matches only in
   * the case written: NOTICE, not "notice"; SOC, not SoC. For acronyms that are
   * also ordinary words or other names.
   */
  exactCase?: boolean;
}

export const GLOSSARY: readonly GlossaryTerm[] = data;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LATIN = /[A-Za-z]/;

const stringList = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : null;

/** Problems with the glossary, one message each; empty when it keeps its rules. */
export function validateGlossary(terms: readonly GlossaryTerm[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  /** Normalised form → id of the term that has it. */
  const owner = new Map<string, string>();
  terms.forEach((t, i) => {
    const name = typeof t.id === 'string' && t.id !== '' ? t.id : `#${i}`;
    if (typeof t.id !== 'string' || !KEBAB.test(t.id)) problems.push(`${name}: id is not kebab-case ASCII`);
    else if (ids.has(t.id)) problems.push(`${name}: duplicate id`);
    else ids.add(t.id);
    if (typeof t.ja !== 'string' || t.ja.trim() === '') {
      problems.push(`${name}: empty ja`);
      return;
    }
    const en = stringList(t.en);
    const variants = stringList(t.variants);
    if (en === null) problems.push(`${name}: en is not a list of strings`);
    if (variants === null) problems.push(`${name}: variants is not a list of strings`);
    if (typeof t.mark !== 'boolean') problems.push(`${name}: mark is not true or false`);
    if (t.exactCase !== undefined && typeof t.exactCase !== 'boolean') problems.push(`${name}: exactCase is not true or false`);
    if (t.exactCase === true && ![t.ja, ...(variants ?? [])].some((s) => LATIN.test(s)))
      problems.push(`${name}: exactCase, but ja and variants have no Latin letters`);

    const ja = normalize(t.ja).trim();
    const own = new Set<string>();
    const forms: [string, string][] = [
      ['ja', t.ja],
      ...(en ?? []).map((s): [string, string] => ['en', s]),
      ...(variants ?? []).map((s): [string, string] => ['variant', s]),
    ];
    for (const [kind, form] of forms) {
      const key = normalize(form).trim();
      if (key === '') {
        problems.push(`${name}: empty ${kind}`);
        continue;
      }
      if (kind === 'variant' && key === ja) {
        problems.push(`${name}: variant ${form} is ja after normalisation`);
        continue;
      }
      if (own.has(key)) {
        problems.push(`${name}: ${kind} ${form} repeats another form of the term after normalisation`);
        continue;
      }
      own.add(key);
      const other = owner.get(key);
      if (other !== undefined && other !== name) problems.push(`${name}: ${kind} ${form} is also a form of ${other}`);
      else owner.set(key, name);
    }
  });
  return problems;
}
