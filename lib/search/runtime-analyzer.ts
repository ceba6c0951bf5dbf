/**
 * The analyser the extension uses for minutes a reader adds: no kuromoji (its
 * dictionary costs ~200 MB of heap in a browser), yet the same terms for the
 * same text, so a search answers an imported meeting as it would a shipped
 * one. Text is cut where the build's analyser would cut it:
 *
 * - Latin letters and digits form whole words (5g, iot, isac), as kuromoji's
 *   rejoined alphanumeric runs do; numbers alone are not terms;
 * - a katakana run is one word (kuromoji keeps unknown katakana whole and the
 *   build rejoins the pieces it splits), and its known pieces are words too;
 * - kanji and kana are segmented against the index's own vocabulary (the
 *   unigram segmentation queries use), keeping the known words; a kanji run
 *   no known word covers is kept whole, and a long one also in two-kanji
 *   pieces (量子暗号 → 量子, 暗号), the shape of most Japanese compound nouns;
 *   kana no known word covers are particles and endings, dropped.
 *
 * Compound parts (セキュリティ in サイバーセキュリティ) are added afterwards by
 * the same decompounding the build runs (lib/search/build.ts).
 */
import { normalize } from '../text/normalize';
import type { Analyzer } from './build';
import type { Vocabulary } from './vocabulary';

const NOT_WORD = /[^\p{L}\p{N}ー]+/gu;
const RUNS = /[a-z0-9]+|[^a-z0-9]+/g;
/** Katakana runs, and runs of everything else (kanji, hiragana, 々). */
const SCRIPT_RUNS = /[\u30a1-\u30fa\u30fc]+|[^\u30a1-\u30fa\u30fc]+/g;
const KANJI_RUN = /[\u3400-\u9fff\uf900-\ufaff々〆ヶ]{2,}/g;
const HAS_LETTER = /\p{L}/u;
const KATAKANA = /^[\u30a1-\u30fa\u30fc]+$/;

const long = (w: string) => [...w].length >= 2;

function katakanaWords(run: string, vocabulary: Vocabulary): string[] {
  if (!long(run) || /^ー+$/.test(run)) return [];
  if (vocabulary.has(run)) return [run];
  const pieces = vocabulary.segment(run).filter((s) => s.known && long(s.text)).map((s) => s.text);
  return [run, ...pieces];
}

function kanjiKanaWords(run: string, vocabulary: Vocabulary): string[] {
  const out: string[] = [];
  for (const seg of vocabulary.segment(run)) {
    if (seg.known) {
      if (long(seg.text)) out.push(seg.text);
      continue;
    }
    for (const kanji of seg.text.match(KANJI_RUN) ?? []) {
      out.push(kanji);
      if (kanji.length >= 4) for (let i = 0; i + 2 <= kanji.length; i += 2) out.push(kanji.slice(i, i + 2));
    }
  }
  return out;
}

export function createRuntimeAnalyzer(vocabulary: Vocabulary): Analyzer {
  return (text) => {
    const words: string[] = [];
    for (const chunk of normalize(text).split(NOT_WORD)) {
      for (const run of chunk.match(RUNS) ?? []) {
        if (/^[a-z0-9]/.test(run)) {
          if (long(run) && HAS_LETTER.test(run)) words.push(run);
          continue;
        }
        for (const part of run.match(SCRIPT_RUNS) ?? []) {
          words.push(...(KATAKANA.test(part) ? katakanaWords(part, vocabulary) : kanjiKanaWords(part, vocabulary)));
        }
      }
    }
    return words;
  };
}
