/**
 * The index's own vocabulary, used to analyse queries without kuromoji (whose
 * dictionary is far too big for the extension): a query is segmented into the
 * words the index knows, choosing the most probable segmentation under their
 * frequencies (a unigram model), as a morphological analyser would.
 */
import { decompound, isKatakanaWord } from './decompound';

/** Cost of a character no known word covers: far above any word's, so coverage comes first. */
const UNKNOWN_CHAR_COST = 40;
/** Per-word cost on top of its frequency cost: prefer fewer, longer words. */
const WORD_COST = 2;
/** Longest word we try at each position. */
const MAX_WORD = 24;

export interface Segment {
  text: string;
  known: boolean;
}

export class Vocabulary {
  private readonly frequency: Map<string, number>;
  private total = 0;
  /** Costs depend on the total: cached until a meeting is added or removed. */
  private readonly cost = new Map<string, number>();

  constructor(frequencies: Map<string, number>) {
    this.frequency = new Map(frequencies);
    for (const f of frequencies.values()) this.total += f;
  }

  has(term: string): boolean {
    return this.frequency.has(term);
  }

  /** Count a document's terms in (`sign` 1) or out (`sign` -1): the reader's library grows and shrinks. */
  update(terms: Iterable<string>, sign: 1 | -1): void {
    for (const t of terms) {
      const f = (this.frequency.get(t) ?? 0) + sign;
      if (f > 0) this.frequency.set(t, f);
      else this.frequency.delete(t);
      this.total += sign;
    }
    this.cost.clear();
  }

  private costOf(term: string): number | undefined {
    let c = this.cost.get(term);
    if (c === undefined) {
      const f = this.frequency.get(term);
      if (f === undefined) return undefined;
      c = Math.log(this.total / f) + WORD_COST;
      this.cost.set(term, c);
    }
    return c;
  }

  /** Katakana words of the vocabulary: the parts compounds may be split into. */
  readonly isPart = (term: string): boolean => isKatakanaWord(term) && this.frequency.has(term);

  /** Parts of a katakana compound, as the build split them. */
  partsOf(word: string): string[] {
    return decompound(word, this.isPart);
  }

  /** Best segmentation of a chunk (no spaces) into known words and unknown runs. */
  segment(chunk: string): Segment[] {
    const n = chunk.length;
    const best = new Float64Array(n + 1).fill(Infinity);
    const back = new Int32Array(n + 1).fill(-1);
    const knownEnd = new Uint8Array(n + 1);
    best[0] = 0;
    for (let i = 0; i < n; i++) {
      if (best[i] === Infinity) continue;
      // One unknown character.
      if (best[i]! + UNKNOWN_CHAR_COST < best[i + 1]!) {
        best[i + 1] = best[i]! + UNKNOWN_CHAR_COST;
        back[i + 1] = i;
        knownEnd[i + 1] = 0;
      }
      for (let j = i + 2; j <= Math.min(n, i + MAX_WORD); j++) {
        const c = this.costOf(chunk.slice(i, j));
        if (c !== undefined && best[i]! + c < best[j]!) {
          best[j] = best[i]! + c;
          back[j] = i;
          knownEnd[j] = 1;
        }
      }
    }
    const out: Segment[] = [];
    for (let j = n; j > 0; j = back[j]!) {
      const text = chunk.slice(back[j]!, j);
      const known = knownEnd[j] === 1;
      const prev = out[0];
      // Adjacent unknown characters form one unknown run.
      if (!known && prev && !prev.known) prev.text = text + prev.text;
      else out.unshift({ text, known });
    }
    return out;
  }
}
