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

const KATAKANA = /[\u30a1-\u30fa\u30fc]/;
const isKatakana = (c: string | undefined) => c !== undefined && KATAKANA.test(c);
/** Half-width voiced marks join the kana before them under NFKC. */
const COMBINING = /[\uff9e\uff9f\u3099\u309a]/;

/** Characters NFKC leaves alone (kana, common kanji): skipping them keeps a 1 MB page fast. */
function stable(code: number): boolean {
  return (
    (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa) || code === 0x30fc ||
    (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3001 && code <= 0x3002)
  );
}

/** ヴ-row → バ-row, as one written word is spelt either way. */
const VU: Record<string, string> = { ァ: 'バ', ィ: 'ビ', ェ: 'ベ', ォ: 'ボ' };

export interface NormalizeOptions {
  /**
   * Drop a katakana word's trailing ー (default true). The build's analyser
   * passes false so that kuromoji sees the dictionary spelling (プライバシー
   * 保護), then normalises each word it finds.
   */
  longVowels?: boolean;
}

export function normalizeWithMap(input: string, options: NormalizeOptions = {}): Normalized {
  const dropLongVowels = options.longVowels !== false;
  // 1. NFKC and case folding, cluster by cluster, remembering where each output char came from.
  const chars: string[] = [];
  const from: number[] = [];
  let i = 0;
  while (i < input.length) {
    const start = i;
    const code = input.charCodeAt(i);
    if (code < 0x80) {
      chars.push(code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : input[i]!);
      from.push(i);
      i++;
      continue;
    }
    if (stable(code) && !COMBINING.test(input[i + 1] ?? '')) {
      chars.push(input[i]!);
      from.push(i);
      i++;
      continue;
    }
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    while (i < input.length && COMBINING.test(input[i]!)) i++;
    for (const c of input.slice(start, i).normalize('NFKC').toLowerCase()) {
      for (let k = 0; k < c.length; k++) {
        chars.push(c[k]!);
        from.push(start);
      }
    }
  }

  // 2. Spelling variants and the trailing long vowel, in one pass over the characters.
  let text = '';
  const map = new Int32Array(chars.length + 1);
  let n = 0;
  let run = 0; // katakana letters so far in the current word
  for (let k = 0; k < chars.length; k++) {
    let c = chars[k]!;
    const next = chars[k + 1];
    if (c === 'エ' && chars[k - 1] === 'ウ' && (next === 'ア' || next === 'ブ')) c = 'ェ'; // ソフトウエア → ソフトウェア
    if (c === 'ヴ') {
      const vowel = next !== undefined ? VU[next] : undefined;
      if (vowel !== undefined) {
        c = vowel; // ヴァ → バ: the small vowel is dropped below
        chars[k + 1] = '';
      } else c = 'ブ';
    }
    if (c === '') continue;
    run = isKatakana(c) ? run + 1 : 0;
    // サーバー → サーバ; キー keeps its ー.
    if (dropLongVowels && c === 'ー' && run >= 4 && !isKatakana(nextNonEmpty(chars, k + 1))) continue;
    text += c;
    map[n++] = from[k]!;
  }
  map[n] = input.length;
  return { text, map: map.subarray(0, n + 1) };
}

function nextNonEmpty(chars: string[], k: number): string | undefined {
  while (k < chars.length && chars[k] === '') k++;
  return chars[k];
}

export function normalize(input: string, options?: NormalizeOptions): string {
  return normalizeWithMap(input, options).text;
}
