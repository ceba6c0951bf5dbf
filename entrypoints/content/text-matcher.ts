/**
 * The glossary matcher as a page scan uses it: a long text is matched in
 * pieces, so the scan can yield between them, and short texts are remembered,
 * so a page that renders the same text again and again costs a lookup.
 */
import type { TermMatch, TermMatcher } from '../../lib/terms/matcher';
import { MATCH_CACHE_ENTRIES, MATCH_CACHE_MAX_CHARS, MATCH_CHUNK_CHARS, MATCH_CHUNK_OVERLAP } from '../../lib/limits';

export class TextMatcher {
  private readonly cache = new Map<string, TermMatch[]>();

  constructor(private readonly matcher: TermMatcher) {}

  /** The matches in `text`, a piece at a time; offsets are into the whole text. */
  *pieces(text: string): Generator<TermMatch[]> {
    if (text.length <= MATCH_CHUNK_CHARS) {
      yield this.find(text);
      return;
    }
    for (let from = 0; from < text.length; from += MATCH_CHUNK_CHARS) {
      const to = Math.min(text.length, from + MATCH_CHUNK_CHARS);
      // Read a little either side, and keep only what starts inside the piece:
      // a term across the cut, or a Latin word cut in two, is then seen whole.
      const left = Math.max(0, from - MATCH_CHUNK_OVERLAP);
      const window = text.slice(left, Math.min(text.length, to + MATCH_CHUNK_OVERLAP));
      yield this.matcher
        .find(window)
        .map((m) => ({ ...m, start: m.start + left, end: m.end + left }))
        .filter((m) => m.start >= from && m.start < to);
    }
  }

  /** What the matcher found in `text` before, if it was short enough to remember. */
  known(text: string): TermMatch[] | undefined {
    return this.cache.get(text);
  }

  private find(text: string): TermMatch[] {
    const hit = this.cache.get(text);
    if (hit) return hit;
    const found = this.matcher.find(text);
    if (text.length <= MATCH_CACHE_MAX_CHARS) {
      // Oldest first in a Map: drop the first key to stay within bounds.
      if (this.cache.size >= MATCH_CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(text, found);
    }
    return found;
  }
}
