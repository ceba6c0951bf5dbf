/**
 * The matcher over the glossary: every written form of each term (canonical,
 * variants, English names). Pages get only the terms worth marking; the
 * command line's `terms` answers with the same matcher, so it finds exactly
 * what a reader sees marked.
 */
import { GLOSSARY, type GlossaryTerm } from './glossary';
import { TermMatcher, type MatcherTerm } from './matcher';

export const formsOf = (t: GlossaryTerm): string[] => [t.ja, ...t.variants, ...t.en];

function toMatcherTerm(t: GlossaryTerm): MatcherTerm {
  return { id: t.id, ja: t.ja, forms: formsOf(t), exactCase: t.exactCase === true };
}

/** The matcher a page uses: only terms marked as worth marking (not セキュリティ alone). */
export function createPageMatcher(terms: readonly GlossaryTerm[] = GLOSSARY): TermMatcher {
  return new TermMatcher(terms.filter((t) => t.mark).map(toMatcherTerm));
}

export function termById(id: string): GlossaryTerm | undefined {
  return GLOSSARY.find((t) => t.id === id);
}
