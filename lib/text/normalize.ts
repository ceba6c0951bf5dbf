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

export interface NormalizeOptions {
  /**
   * Drop a katakana word's trailing ー (default true). The build's analyser
   * passes false so that kuromoji sees the dictionary spelling (プライバシー
   * 保護), then normalises each word it finds.
   */
  longVowels?: boolean;
}

/** Half-width voiced marks join the kana before them under NFKC. */
const isCombining = (c: number) => c === 0xff9e || c === 0xff9f || c === 0x3099 || c === 0x309a;
const isKatakana = (c: number) => (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
const LONG = 0x30fc; // ー
const U = 0x30a6; // ウ
const E = 0x30a8; // エ
const SMALL_E = 0x30a7; // ェ
const A = 0x30a2; // ア
const BU = 0x30d6; // ブ
const VU = 0x30f4; // ヴ
/** ヴァ → バ and the rest of the ヴ-row, as one word is spelt either way. */
const VU_ROW: Record<number, number> = { 0x30a1: 0x30d0, 0x30a3: 0x30d3, 0x30a7: 0x30d9, 0x30a9: 0x30dc };

/** Characters NFKC leaves alone (kana, common kanji): skipping them keeps a 1 MB page fast. */
function stable(code: number): boolean {
  return (
    (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa) || code === 0x30fc ||
    (code >= 0x4e00 && code <= 0x9fff) || code === 0x3001 || code === 0x3002
  );
}

/** A growable pair of arrays: output characters and where each came from. */
class Out {
  codes = new Uint16Array(64);
  from = new Int32Array(64);
  n = 0;
  constructor(size: number) {
    this.codes = new Uint16Array(size + 16);
    this.from = new Int32Array(size + 16);
  }
  push(code: number, at: number): void {
    if (this.n === this.codes.length) {
      const codes = new Uint16Array(this.n * 2);
      codes.set(this.codes);
      this.codes = codes;
      const from = new Int32Array(this.n * 2);
      from.set(this.from);
      this.from = from;
    }
    this.codes[this.n] = code;
    this.from[this.n++] = at;
  }
}

export function normalizeWithMap(input: string, options: NormalizeOptions = {}): Normalized {
  const dropLongVowels = options.longVowels !== false;
  // 1. NFKC and case folding, cluster by cluster, remembering where each output char came from.
  const one = new Out(input.length);
  let i = 0;
  while (i < input.length) {
    const code = input.charCodeAt(i);
    if (code < 0x80) {
      one.push(code >= 0x41 && code <= 0x5a ? code + 32 : code, i);
      i++;
      continue;
    }
    if (stable(code) && !isCombining(input.charCodeAt(i + 1))) {
      one.push(code, i);
      i++;
      continue;
    }
    const start = i;
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    while (i < input.length && isCombining(input.charCodeAt(i))) i++;
    const piece = input.slice(start, i).normalize('NFKC').toLowerCase();
    for (let k = 0; k < piece.length; k++) one.push(piece.charCodeAt(k), start);
  }

  // 2. Spelling variants and the trailing long vowel, in one pass.
  const { codes, from, n } = one;
  const out = new Out(n);
  let run = 0; // katakana letters so far in the current word
  for (let k = 0; k < n; k++) {
    let c = codes[k]!;
    const next = k + 1 < n ? codes[k + 1]! : -1;
    if (c === E && k > 0 && codes[k - 1] === U && (next === A || next === BU)) c = SMALL_E; // ソフトウエア → ソフトウェア
    if (c === VU) {
      const vowel = VU_ROW[next];
      if (vowel !== undefined) {
        c = vowel; // ヴァ → バ: the small vowel goes
        k++;
        out.push(c, from[k - 1]!);
        run++;
        continue;
      }
      c = BU;
    }
    run = isKatakana(c) ? run + 1 : 0;
    // サーバー → サーバ; キー keeps its ー.
    if (dropLongVowels && c === LONG && run >= 4 && !(next !== -1 && isKatakana(next))) continue;
    out.push(c, from[k]!);
  }
  out.push(0, input.length);
  const text = decodeUtf16(out.codes.subarray(0, out.n - 1));
  return { text, map: out.from.subarray(0, out.n) };
}

const utf16 = new TextDecoder('utf-16le');
function decodeUtf16(codes: Uint16Array): string {
  if (codes.length < 64) return String.fromCharCode(...codes);
  return utf16.decode(codes);
}

export function normalize(input: string, options?: NormalizeOptions): string {
  return normalizeWithMap(input, options).text;
}
