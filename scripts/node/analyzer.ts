/**
 * The build-time analyser: kuromoji (IPADIC) over normalised text, keeping
 * content nouns. Node only: its dictionary is 17.8 MB and never ships.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';
import type { Analyzer } from '../../lib/search/build';

type Token = kuromoji.IpadicFeatures;

/** Nouns that carry no topic: pronouns, numbers, dependent nouns (こと, ため). */
const DROP_DETAIL = new Set(['代名詞', '数', '非自立', '接尾', '副詞可能']);
/** A term must have a letter in it (kuromoji calls a lone `-` a noun). */
const HAS_LETTER = /[\p{L}]/u;

export function keepToken(t: Token): boolean {
  if (t.pos !== '名詞') return false;
  if (DROP_DETAIL.has(t.pos_detail_1)) return false;
  const s = t.surface_form;
  return [...s].length >= 2 && HAS_LETTER.test(s) && !/^ー+$/.test(s);
}

let tokenizer: Promise<kuromoji.Tokenizer<Token>> | undefined;

function loadTokenizer(): Promise<kuromoji.Tokenizer<Token>> {
  const dicPath = join(dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
  tokenizer ??= new Promise((resolve, reject) =>
    kuromoji.builder({ dicPath }).build((err, t) => (err ? reject(err) : resolve(t))),
  );
  return tokenizer;
}

/** The analyser the build uses: normalised text in, content words out (repeats kept). */
export async function createAnalyzer(): Promise<Analyzer> {
  const t = await loadTokenizer();
  return (normalizedText) => t.tokenize(normalizedText).filter(keepToken).map((tok) => tok.surface_form);
}
