/**
 * The glossary matcher as a page uses it: a long text is matched in pieces,
 * so the scan can yield between them; short texts are remembered, so a page
 * that renders the same text again and again costs a lookup; and the pointer's
 * hit test asks for the term at one offset of a text.
 */
import type { TermMatch } from '../../lib/terms/matcher';
import { MATCH_CACHE_ENTRIES, MATCH_CACHE_MAX_CHARS, MATCH_CHUNK_CHARS, MATCH_CHUNK_OVERLAP } from '../../lib/limits';

export interface Matcher {
  find(text: string): TermMatch[];
}

export class TextMatcher {
  private readonly cache = new Map<string, TermMatch[]>();

  constructor(private readonly matcher: Matcher) {}

  /** How many pieces `text` is matched in. */
  static pieces(text: string): number {
    return Math.max(1, Math.ceil(text.length / MATCH_CHUNK_CHARS));
  }

  /** The matches in piece `k` of `text`; offsets are into the whole text. (Not a generator: this runs cold, once per text node.) */
  piece(text: string, k: number): TermMatch[] {
    if (text.length <= MATCH_CHUNK_CHARS) return this.find(text);
    const from = k * MATCH_CHUNK_CHARS;
    return this.window(text, from, Math.min(text.length, from + MATCH_CHUNK_CHARS));
  }

  /** The term whose text holds `offset` (a caret position: at its start, inside, or at its end), if any. */
  around(text: string, offset: number): TermMatch | null {
    // In a long text, only the terms that start close enough before `offset` to reach it (no form is longer than the overlap).
    const found = text.length <= MATCH_CACHE_MAX_CHARS ? this.find(text) : this.window(text, Math.max(0, offset - MATCH_CHUNK_OVERLAP), offset + 1);
    return found.find((m) => m.start <= offset && offset <= m.end) ?? null;
  }

  /** What the matcher found in `text` before, if it was short enough to remember. */
  known(text: string): TermMatch[] | undefined {
    return this.cache.get(text);
  }

  /**
   * The matches that start in [from, to) of a long text. Read a little either
   * side, and keep only what starts inside: a term across the cut, or a Latin
   * word cut in two, is then seen whole.
   */
  private window(text: string, from: number, to: number): TermMatch[] {
    const left = Math.max(0, from - MATCH_CHUNK_OVERLAP);
    const piece = text.slice(left, Math.min(text.length, to + MATCH_CHUNK_OVERLAP));
    return this.matcher
      .find(piece)
      .map((m) => ({ ...m, start: m.start + left, end: m.end + left }))
      .filter((m) => m.start >= from && m.start < to);
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
