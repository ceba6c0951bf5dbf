/**
 * Long katakana compounds (サイバーセキュリティ, サプライチェーンリスク) are one
 * unknown token to kuromoji. Split them into the katakana words the corpus
 * also uses on their own, so a search for セキュリティ finds サイバーセキュリティ.
 * The build and the query side call this with the same word set (the index's
 * katakana vocabulary), so both split alike.
 */
const KATAKANA_WORD = /^[\u30a1-\u30fa\u30fc]{2,}$/;

export const isKatakanaWord = (term: string): boolean => KATAKANA_WORD.test(term);

/**
 * A part as the vocabulary spells it. Inside a compound a word keeps its long
 * vowel (サイバーセキュリティ), while on its own normalisation drops it (サイバー →
 * サイバ): the part サイバー is the known word サイバ.
 */
function asKnown(part: string, known: (p: string) => boolean): string | null {
  if (known(part)) return part;
  const short = part.endsWith('ー') ? part.slice(0, -1) : null;
  return short !== null && short.length >= 2 && known(short) ? short : null;
}

/** Fewest known parts that spell `word` exactly (each at least two letters), or null. */
function split(word: string, known: (part: string) => boolean): string[] | null {
  const n = word.length;
  const best: (string[] | null)[] = new Array(n + 1).fill(null);
  best[0] = [];
  for (let end = 2; end <= n; end++) {
    for (let start = 0; start <= end - 2; start++) {
      const before = best[start];
      if (!before) continue;
      const written = word.slice(start, end);
      if (written === word) continue;
      const part = asKnown(written, known);
      if (part === null) continue;
      if (!best[end] || best[end]!.length > before.length + 1) best[end] = [...before, part];
    }
  }
  const found = best[n];
  return found && found.length >= 2 ? found : null;
}

/** Every part of a katakana compound, parts of parts included; empty for anything else. */
export function decompound(word: string, known: (part: string) => boolean): string[] {
  if (word.length < 4 || !isKatakanaWord(word)) return [];
  const parts = split(word, known);
  if (!parts) return [];
  const out = new Set<string>();
  for (const p of parts) {
    out.add(p);
    for (const q of decompound(p, known)) out.add(q);
  }
  return [...out];
}
