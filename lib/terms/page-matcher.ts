/**
 * The matcher over the glossary's marked terms, as the build compiled them:
 * the content script marks with it, and the command line's `terms` answers
 * with it, so it finds exactly what a reader sees marked.
 */
import { CompiledMatcher } from './compiled-matcher';
import { CANDIDATES, ENGLISH, TERMS, TRIE } from './page-terms.generated';

export function createPageMatcher(): CompiledMatcher {
  return new CompiledMatcher({ terms: TERMS, trie: TRIE, candidates: CANDIDATES });
}

/** The English name shown beside a term (its first), if it has one. */
export const englishName = (termId: string): string | undefined => ENGLISH[termId];
