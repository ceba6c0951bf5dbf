/**
 * The one normalisation that search, the term matcher and the index builder
 * share, so that every width and spelling of a word meets the same key:
 *
 * - NFKC: full-width ＩｏＴ → IoT, half-width ｶﾞ → ガ, ㈱ → (株);
 * - Latin letters case-folded: ISAC → isac;
 * - spelling variants of one word: ソフトウエア → ソフトウェア, ヴ → ブ, and a
 *   katakana word's trailing long vowel: サーバー → サーバ, ユーザー → ユーザ.
 *
 * `normalizeWithMap` also says, for each output character, which input
 * character it came from, so matches in normalised text map back to the page.
 */

export interface Normalized {
  text: string;
  /** `map[i]` is the index in the input of output character i; `map[text.length]` is the input's length. */
  map: Int32Array;
}

/** ウエ→ウェ only where it spells ware/web; ヴ-row → バ-row. */
const VARIANTS: [RegExp, string][] = [
  [/ウエ(?=ア|ブ)/g, 'ウェ'],
  [/ヴァ/g, 'バ'],
  [/ヴィ/g, 'ビ'],
  [/ヴェ/g, 'ベ'],
  [/ヴォ/g, 'ボ'],
  [/ヴ/g, 'ブ'],
];

const KATAKANA = /[\u30a1-\u30fa\u30fc]/;
const isKatakana = (c: string | undefined) => c !== undefined && KATAKANA.test(c);
/** Half-width voiced marks join the kana before them under NFKC. */
const COMBINING = /[\uff9e\uff9f\u3099\u309a]/;

export function normalizeWithMap(input: string): Normalized {
  // 1. NFKC and case folding, cluster by cluster, remembering where each output char came from.
  let out = '';
  const from: number[] = [];
  let i = 0;
  while (i < input.length) {
    const start = i;
    const cp = input.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    while (i < input.length && COMBINING.test(input[i]!)) i++;
    const piece = input.slice(start, i).normalize('NFKC').toLowerCase();
    for (let k = 0; k < piece.length; k++) from.push(start);
    out += piece;
  }

  // 2. Spelling variants, keeping the map in step.
  for (const [re, to] of VARIANTS) ({ out } = rewrite(out, from, re, to));

  // 3. A trailing ー on a katakana word of three letters or more is dropped (キー keeps its ー).
  let text = '';
  const map: number[] = [];
  let run = 0;
  for (let k = 0; k < out.length; k++) {
    const c = out[k]!;
    run = isKatakana(c) ? run + 1 : 0;
    if (c === 'ー' && run >= 4 && !isKatakana(out[k + 1])) continue;
    text += c;
    map.push(from[k]!);
  }
  map.push(input.length);
  return { text, map: Int32Array.from(map) };
}

function rewrite(out: string, from: number[], re: RegExp, to: string): { out: string } {
  let result = '';
  const mapped: number[] = [];
  let last = 0;
  for (const m of out.matchAll(re)) {
    const at = m.index!;
    result += out.slice(last, at);
    mapped.push(...from.slice(last, at));
    result += to;
    for (let k = 0; k < to.length; k++) mapped.push(from[at + Math.min(k, m[0].length - 1)]!);
    last = at + m[0].length;
  }
  result += out.slice(last);
  mapped.push(...from.slice(last));
  from.length = 0;
  from.push(...mapped);
  return { out: result };
}

export function normalize(input: string): string {
  return normalizeWithMap(input).text;
}
