/**
 * Query analysis: the same on every side (extension, command line, tests),
 * and in agreement with the build's kuromoji analysis because it segments
 * against the index's own vocabulary.
 */
import { normalize } from '../text/normalize';
import { expandEnglish } from './synonyms';
import type { Vocabulary } from './vocabulary';

export interface AnalyzedQuery {
  /** Known words of the query, in order, without repeats. */
  words: string[];
  /** Parts of katakana compounds among `words`: the index holds them too, so they are not searched. */
  parts: string[];
  /** The query as one key (normalised, English expanded, no spaces), for phrase matches. */
  phrase: string;
  /** Characters of the query that known words cover, and characters that count (kana particles do not). */
  covered: number;
  counted: number;
  /** Runs of two or more counted characters that no known word covers: words the minutes never use. */
  unknown: string[];
}

/** Hiragana runs are particles and endings (の, について, する): they neither help nor hurt. */
const NEUTRAL = /[\u3041-\u309f]/;
/**
 * English function words are neutral too (cyber insurance *for* small
 * businesses), and so are the words of a question: what is asked about is in
 * its terms (Why do companies not buy *cyber insurance*?).
 */
const ENGLISH_STOP = new Set(
  ('a an and are as at be by for from how in into is it of on or the to was what when where which who whom whose why with about ' +
    'do does did done not no can could should would will shall may might must have has had been being get got ' +
    'say said says tell told think thought want wanted need needs needed make made there their they them this that these those ' +
    'any some all more most such than then so if but also very much many our we you your i me my its his her one ones ' +
    'members member committee committees minutes discuss discussed meeting meetings raise raised introduced sooner before after')
    .split(' '),
);
const NOT_WORD = /[^\p{L}\p{N}ー]+/gu;
/** Latin letters and digits form whole words: `recipe` is not segmented into `re`+`ip`. */
const RUNS = /[a-z0-9]+|[^a-z0-9]+/g;

/** Normalised text with spaces and punctuation removed: what phrase matching compares. */
export const phraseKey = (text: string): string => normalize(text).replace(NOT_WORD, '');

/**
 * `strictEnglish`: the analysis before issue 13, for the bench's comparison of
 * rankings: an English word the minutes do not use makes the query unknown.
 */
export function analyzeQuery(query: string, vocabulary: Vocabulary, { strictEnglish = false } = {}): AnalyzedQuery {
  const expanded = normalize(expandEnglish(normalize(query)));
  const words: string[] = [];
  const parts: string[] = [];
  const unknown: string[] = [];
  let covered = 0;
  let counted = 0;
  const take = (text: string, known: boolean) => {
    const weight = [...text].filter((c) => !NEUTRAL.test(c)).length;
    counted += weight;
    if (!known) {
      if (weight >= 2) unknown.push(text);
      return;
    }
    covered += weight;
    if (!words.includes(text)) words.push(text);
    for (const p of vocabulary.partsOf(text)) if (!parts.includes(p)) parts.push(p);
  };
  for (const chunk of expanded.split(NOT_WORD)) {
    for (const run of chunk.match(RUNS) ?? []) {
      if (/^[a-z0-9]/.test(run)) {
        // Numbers (2020, 19) are not terms: like particles, they neither help nor hurt. An English
        // word the minutes do not use (companies, buy) is neutral too: an English question is
        // answered by the terms it holds; one that holds none still finds nothing (no words).
        if (ENGLISH_STOP.has(run) || /^[0-9]+$/.test(run)) continue;
        if (vocabulary.has(run)) take(run, true);
        else if (strictEnglish) take(run, false);
      } else {
        for (const seg of vocabulary.segment(run)) take(seg.text, seg.known);
      }
    }
  }
  return {
    words,
    parts: parts.filter((p) => !words.includes(p)),
    phrase: expanded.replace(NOT_WORD, ''),
    covered,
    counted,
    unknown,
  };
}
