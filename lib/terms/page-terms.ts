/**
 * The glossary's terms as a page marks them, compiled by the build into
 * `page-terms.generated.ts`: a content script imports that module and
 * constructs nothing (no forms to normalise, no pattern to build), and does
 * not carry the glossary itself. `npm run build` writes it
 * (scripts/build-terms.ts); a unit test fails when it and the glossary differ.
 */
import { compileTerms } from './compile';
import { GLOSSARY, type GlossaryTerm } from './glossary';
import type { MatcherTerm } from './matcher';

export const PAGE_TERMS_FILE = 'lib/terms/page-terms.generated.ts';

export const formsOf = (t: GlossaryTerm): string[] => [t.ja, ...t.variants, ...t.en];

/** The terms a page marks: not the words too generic to help (セキュリティ alone). */
export function markedTerms(glossary: readonly GlossaryTerm[] = GLOSSARY): MatcherTerm[] {
  return glossary.filter((t) => t.mark).map((t) => ({ id: t.id, ja: t.ja, forms: formsOf(t), exactCase: t.exactCase === true }));
}

/** The text of `page-terms.generated.ts` for `glossary`: the same glossary gives the same bytes. */
export function pageTermsModule(glossary: readonly GlossaryTerm[] = GLOSSARY): string {
  const { terms, trie, candidates } = compileTerms(markedTerms(glossary));
  const english = Object.fromEntries(glossary.filter((t) => t.mark && t.en[0] !== undefined).map((t) => [t.id, t.en[0]!]));
  // JSON in strings, not object literals: engines parse JSON several times faster than the same data as code.
  const json = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
  return [
    '// Generated from lib/terms/glossary.json by scripts/build-terms.ts (`npm run build` runs it). Do not edit:',
    '// tests/unit/page-terms.test.ts fails when this file and the glossary differ. See lib/terms/compile.ts.',
    "import type { Trie } from './compiled-matcher';",
    '',
    '/** The English name of each marked term, shown beside it in the popover. */',
    `export const ENGLISH: Readonly<Record<string, string>> = ${json(english)};`,
    '',
    '/** The marked terms: [id, canonical form]. */',
    `export const TERMS: readonly (readonly [string, string])[] = ${json(terms)};`,
    '',
    '/** Every form of every term, normalised, as a trie laid out in strings (see `Trie`). */',
    'export const TRIE: Trie = {',
    `  chars: ${JSON.stringify(trie.chars)},`,
    `  first: ${JSON.stringify(trie.first)},`,
    `  ends: ${json(trie.ends)},`,
    '};',
    '',
    '/** Where a key may begin in raw text, or (group 1) a character after which the text is normalised whole. */',
    `export const CANDIDATES = /${candidates}/g;`,
    '',
  ].join('\n');
}
