/**
 * The build-time analyser: kuromoji (IPADIC) over normalised text, keeping
 * content nouns. Node only: its dictionary is 17.8 MB and never ships.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';
import type { Analyzer } from '../../lib/search/build';
import { normalize } from '../../lib/text/normalize';

type Token = kuromoji.IpadicFeatures;

/** Nouns that carry no topic: pronouns, numbers, dependent nouns (こと, ため). */
const DROP_DETAIL = new Set(['代名詞', '数', '非自立', '接尾', '副詞可能']);
/** A term must have a letter in it (kuromoji calls a lone `-` a noun; 2020 is a number). */
const HAS_LETTER = /[\p{L}]/u;
const KATAKANA = /^[\u30a1-\u30fa\u30fc]+$/;
const ALNUM = /^[a-z0-9]+$/;

interface Word {
  surface: string;
  /** Whether it stands as a content noun (merged compounds always do). */
  noun: boolean;
  /** The dictionary words a merged katakana compound was made of (サプライ, チェーン). */
  pieces?: string[];
}

const isContentNoun = (t: Token) => t.pos === '名詞' && !DROP_DETAIL.has(t.pos_detail_1);

/**
 * Rejoin what kuromoji cut apart: adjacent katakana words are one compound
 * (テレ+ワーク → テレワーク, ゼロ+トラスト → ゼロトラスト; decompounding adds the
 * parts back), adjacent Latin letters and digits one word (5+g → 5g).
 */
export function mergeTokens(tokens: Token[]): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    for (const same of [KATAKANA, ALNUM]) {
      if (!same.test(t.surface_form)) continue;
      let j = i + 1;
      while (j < tokens.length && same.test(tokens[j]!.surface_form)) j++;
      if (j > i + 1) {
        const run = tokens.slice(i, j);
        const surface = run.map((x) => x.surface_form).join('');
        const pieces = same === KATAKANA ? run.map((x) => x.surface_form) : undefined;
        words.push({ surface, noun: run.some((x) => x.pos === '名詞'), pieces });
        i = j;
        break;
      }
    }
    if (i < tokens.length && tokens[i] === t) {
      words.push({ surface: t.surface_form, noun: isContentNoun(t) });
      i++;
    }
  }
  return words;
}

const keep = (w: Word) => w.noun && [...w.surface].length >= 2 && HAS_LETTER.test(w.surface) && !/^ー+$/.test(w.surface);

let tokenizer: Promise<kuromoji.Tokenizer<Token>> | undefined;

function loadTokenizer(): Promise<kuromoji.Tokenizer<Token>> {
  const dicPath = join(dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
  tokenizer ??= new Promise((resolve, reject) =>
    kuromoji.builder({ dicPath }).build((err, t) => (err ? reject(err) : resolve(t))),
  );
  return tokenizer;
}

/**
 * The analyser the build uses: text in, content words out (repeats kept), each
 * normalised as queries are. kuromoji reads the text with long vowels kept, so
 * it finds dictionary words (プライバシー); each word is then normalised (→ プライバシ).
 */
export async function createAnalyzer(): Promise<Analyzer> {
  const t = await loadTokenizer();
  // A merged compound's dictionary pieces are words too, so decompounding knows them (チェーン).
  return (text) =>
    mergeTokens(t.tokenize(normalize(text, { longVowels: false })))
      .filter(keep)
      .flatMap((w) => [w.surface, ...(w.pieces ?? []).filter((p) => [...p].length >= 2)])
      .map((s) => normalize(s));
}
