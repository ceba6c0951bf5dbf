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

/** Cost of a part the corpus never uses alone: allowed once, and only when nothing better spells the word. */
const NEW_PART_COST = 3;
/** A new part must be a real word, not a stray syllable. */
const NEW_PART_MIN = 3;

interface Split {
  parts: string[];
  cost: number;
  newParts: number;
}

/**
 * Cheapest parts that spell `word` exactly (each at least two letters), or
 * null. With `allowNew`, one part may be a word the corpus never uses on its
 * own (ゼロトラスト in ゼロトラストネットワーク) when the rest are known.
 */
function split(word: string, known: (part: string) => boolean, allowNew: boolean): string[] | null {
  const n = word.length;
  const best: (Split | null)[] = new Array(n + 1).fill(null);
  best[0] = { parts: [], cost: 0, newParts: 0 };
  for (let end = 2; end <= n; end++) {
    for (let start = 0; start <= end - 2; start++) {
      const before = best[start];
      if (!before) continue;
      const written = word.slice(start, end);
      if (written === word) continue;
      const part = asKnown(written, known);
      const isNew = part === null;
      if (isNew && (!allowNew || before.newParts > 0 || written.length < NEW_PART_MIN)) continue;
      const next = { parts: [...before.parts, isNew ? written : part], cost: before.cost + (isNew ? NEW_PART_COST : 1), newParts: before.newParts + (isNew ? 1 : 0) };
      if (!best[end] || best[end]!.cost > next.cost) best[end] = next;
    }
  }
  const found = best[n];
  return found && found.parts.length >= 2 && found.newParts < found.parts.length ? found.parts : null;
}

/**
 * Parts of katakana compounds that the corpus never uses alone: the build
 * adds them to the known words before splitting, so クリアランス in
 * セキュリティクリアランス becomes a term as if it stood alone somewhere.
 */
export function newParts(word: string, known: (part: string) => boolean): string[] {
  if (word.length < 4 || !isKatakanaWord(word)) return [];
  return (split(word, known, true) ?? []).filter((p) => !known(p) && asKnown(p, known) === null);
}

/** Every part of a katakana compound, parts of parts included; empty for anything else. */
export function decompound(word: string, known: (part: string) => boolean): string[] {
  if (word.length < 4 || !isKatakanaWord(word)) return [];
  const parts = split(word, known, false);
  if (!parts) return [];
  const out = new Set<string>();
  for (const p of parts) {
    out.add(p);
    for (const q of decompound(p, known)) out.add(q);
  }
  return [...out];
}
