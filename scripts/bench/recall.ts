/**
 * What decompounding buys: for katakana words that also occur inside
 * compounds (セキュリティ in サイバーセキュリティ), how many of the remarks that
 * contain the word a search finds, against how many kuromoji's tokens alone
 * would let it find (it keeps an unknown compound as one token).
 */
import { isSearchable, type Analyzer } from '../../lib/search/build';
import type { MinutesIndex } from '../../lib/search/engine';
import { phraseKey } from '../../lib/search/query';
import { normalize } from '../../lib/text/normalize';

/**
 * The words, then words the seeds use both alone and inside compounds
 * (クラウドプロバイダ, サイバーインシデント, クラウドユーザ, ゼロトラストアーキテクチャ).
 */
export const RECALL_WORDS = [
  'セキュリティ',
  'サイバー',
  'リスク',
  'チェーン',
  'ガイドライン',
  'ネットワーク',
  'クラウド',
  'インシデント',
  'プロバイダ',
  'ユーザ',
  'トラスト',
];

export interface RecallFigures {
  word: string;
  /** Searchable remarks whose text contains the word. */
  containing: number;
  /** Of those, how many a search for the word returns. */
  found: number;
  /** Of those, how many have the word among kuromoji's own tokens (no decompounding). */
  foundWithoutDecompounding: number;
  /** Every hit of the search, whether or not its text contains the word. */
  hits: number;
}

export function decompoundingRecall(index: MinutesIndex, analyze: Analyzer): RecallFigures[] {
  const searchable = index.remarks.filter(isSearchable);
  // Analysed once: kuromoji is the slow part, and every word asks the same remarks.
  const tokens = new Map(searchable.map((r) => [r, new Set(analyze(normalize(r.text)))]));
  const keys = new Map(searchable.map((r) => [r, phraseKey(r.text)]));
  return RECALL_WORDS.map((word) => {
    const key = phraseKey(word);
    const term = normalize(word);
    const containing = searchable.filter((r) => keys.get(r)!.includes(key));
    const hits = new Set(index.search(word, { limit: 100_000 }).map((h) => h.remark.id));
    return {
      word,
      containing: containing.length,
      found: containing.filter((r) => hits.has(r.id)).length,
      foundWithoutDecompounding: containing.filter((r) => tokens.get(r)!.has(term)).length,
      hits: hits.size,
    };
  });
}
