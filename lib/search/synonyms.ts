import { GLOSSARY } from '../terms/glossary';

/**
 * English words for Japanese the minutes use, beyond the glossary's English
 * names (`lib/terms/glossary.json`, merged below): the glossary is the one
 * place a term's English names live, and they mark English pages too. This
 * table holds only what a page should not mark but a question uses:
 *
 * - inflections of glossary terms (anonymized, vulnerable, shared), which
 *   questions use and pages write in every sentence;
 * - a name that should search a shorter Japanese word than the glossary's
 *   canonical form, because the minutes say it in more than one compound
 *   (zero trust: ゼロトラストアーキテクチャ and ゼロトラストネットワーク);
 * - English for words the minutes use that are no glossary term (privacy).
 *
 * Reviewed by hand; a unit test checks that every Japanese word here occurs in
 * the shipped minutes and that no entry repeats a glossary name. Keys are
 * lower-case, as queries are once normalised; longer keys win (“supply chain
 * risk” before “supply chain”).
 */
export const ENGLISH_TERMS: Readonly<Record<string, string>> = {
  // The glossary's zero-trust term is ゼロトラストアーキテクチャ; the minutes also say ゼロトラストネットワーク.
  'zero trust': 'ゼロトラスト',
  'zero-trust': 'ゼロトラスト',
  // Inflections of glossary terms: a page writes them in any sentence, a question means the term.
  anonymize: '匿名化',
  anonymise: '匿名化',
  anonymized: '匿名化',
  anonymised: '匿名化',
  anonymizing: '匿名化',
  anonymising: '匿名化',
  vulnerable: '脆弱性',
  infected: '感染',
  regulate: '規制',
  regulated: '規制',
  certified: '認証',
  monitored: '監視',
  detected: '検知',
  attacker: '攻撃者',
  attackers: '攻撃者',
  // Short for the glossary's "security alert" (NOTICE alerts): too common a word to mark on a page.
  alert: '注意喚起',
  alerts: '注意喚起',
  // Sharing in general (shared threat data); information sharing is the glossary's 情報共有.
  share: '共有',
  shared: '共有',
  sharing: '共有',
  // Threat information, as questions also put it.
  'threat data': '脅威情報',
  'threat info': '脅威情報',
  // Words the minutes use that are no glossary term.
  privacy: 'プライバシー',
};

/** The glossary's English names, then the table above (which wins where both name a word). */
const ALL_TERMS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(GLOSSARY.flatMap((t) => t.en.map((en) => [en.toLowerCase(), t.ja] as const))),
  ...ENGLISH_TERMS,
};
const KEYS = Object.keys(ALL_TERMS).sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\&/]/g, '\\$&');
// A name may be asked in the plural (white hackers, e-seals, honeypots): an s or es after it is part of the match.
const PATTERN = new RegExp(`(?<![a-z0-9])(${KEYS.map(escape).join('|')})(?:e?s)?(?![a-z0-9])`, 'g');

/** Replace English names in a normalised (lower-case) query with their Japanese terms. */
export function expandEnglish(normalizedQuery: string): string {
  return normalizedQuery.replace(PATTERN, (_, name: string) => ` ${ALL_TERMS[name]!} `);
}
