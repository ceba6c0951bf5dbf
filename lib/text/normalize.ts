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
  // Ranges where NFKC and lower-casing change nothing (checked against String.prototype.normalize):
  // CJK punctuation and brackets, hiragana, katakana, CJK ideographs.
  return (
    (code >= 0x3001 && code <= 0x3035) || (code >= 0x303b && code <= 0x3098) || (code >= 0x30a0 && code <= 0x30fe) ||
    (code >= 0x4e00 && code <= 0x9fff)
  );
}

/**
 * Scratch space reused by every call (a page's scan normalises thousands of
 * short texts; allocating typed arrays for each was most of the cost).
 * Single-threaded use only; results are copied out.
 */
let codesA = new Uint16Array(1024);
let fromA = new Int32Array(1024);
let codesB = new Uint16Array(1024);
let fromB = new Int32Array(1024);

function ensure(size: number): void {
  if (codesA.length >= size) return;
  const n = Math.max(size, codesA.length * 2);
  codesA = new Uint16Array(n);
  fromA = new Int32Array(n);
  codesB = new Uint16Array(n);
  fromB = new Int32Array(n);
}

export function normalizeWithMap(input: string, options: NormalizeOptions = {}): Normalized {
  const dropLongVowels = options.longVowels !== false;
  // NFKC can lengthen a character (㈱ → (株)): leave room, and grow if a text needs more.
  ensure(input.length * 2 + 16);
  // 1. NFKC and case folding, cluster by cluster, remembering where each output char came from.
  let n = 0;
  let i = 0;
  /** Katakana seen (or something NFKC rewrote, which may be katakana): only then can step 2 change anything. */
  let kana = false;
  while (i < input.length) {
    const code = input.charCodeAt(i);
    if (code < 0x80) {
      codesA[n] = code >= 0x41 && code <= 0x5a ? code + 32 : code;
      fromA[n++] = i++;
      continue;
    }
    if (stable(code) && !isCombining(input.charCodeAt(i + 1))) {
      if (code >= 0x30a1 && code <= 0x30fc) kana = true;
      codesA[n] = code;
      fromA[n++] = i++;
      continue;
    }
    // Full-width ASCII (ＩｏＴ, （）, ０-９) and the ideographic space, as NFKC maps them: done by
    // hand because the first String.prototype.normalize call on a page costs milliseconds.
    if ((code >= 0xff01 && code <= 0xff5e) || code === 0x3000) {
      const ascii = code === 0x3000 ? 0x20 : code - 0xfee0;
      codesA[n] = ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii;
      fromA[n++] = i++;
      continue;
    }
    kana = true;
    const start = i;
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    while (i < input.length && isCombining(input.charCodeAt(i))) i++;
    const piece = input.slice(start, i).normalize('NFKC').toLowerCase();
    if (n + piece.length + input.length - i + 16 > codesA.length) grow(n, piece.length + input.length);
    for (let k = 0; k < piece.length; k++) {
      codesA[n] = piece.charCodeAt(k);
      fromA[n++] = start;
    }
  }

  // Most text of a page has no katakana: step 1's output is the answer.
  if (!kana) {
    fromA[n] = input.length;
    return { text: decodeUtf16(codesA.subarray(0, n)), map: fromA.slice(0, n + 1) };
  }

  // 2. Spelling variants and the trailing long vowel, in one pass.
  let m = 0;
  let run = 0; // katakana letters so far in the current word
  for (let k = 0; k < n; k++) {
    let c = codesA[k]!;
    const next = k + 1 < n ? codesA[k + 1]! : -1;
    if (c === E && k > 0 && codesA[k - 1] === U && (next === A || next === BU)) c = SMALL_E; // ソフトウエア → ソフトウェア
    if (c === VU) {
      const vowel = VU_ROW[next];
      if (vowel !== undefined) {
        codesB[m] = vowel; // ヴァ → バ: the small vowel goes
        fromB[m++] = fromA[k]!;
        k++;
        run++;
        continue;
      }
      c = BU;
    }
    run = isKatakana(c) ? run + 1 : 0;
    // サーバー → サーバ; キー keeps its ー.
    if (dropLongVowels && c === LONG && run >= 4 && !(next !== -1 && isKatakana(next))) continue;
    codesB[m] = c;
    fromB[m++] = fromA[k]!;
  }
  fromB[m] = input.length;
  return { text: decodeUtf16(codesB.subarray(0, m)), map: fromB.slice(0, m + 1) };
}

/** Room for `extra` more characters after `n` already written (rare: long NFKC expansions). */
function grow(n: number, extra: number): void {
  const size = Math.max(codesA.length * 2, n + extra * 2 + 16);
  const a = new Uint16Array(size);
  a.set(codesA.subarray(0, n));
  const f = new Int32Array(size);
  f.set(fromA.subarray(0, n));
  codesA = a;
  fromA = f;
  codesB = new Uint16Array(size);
  fromB = new Int32Array(size);
}

const utf16 = new TextDecoder('utf-16le');
function decodeUtf16(codes: Uint16Array): string {
  // `apply` reads the array by index; a spread (`...codes`) walks an iterator, many times slower before the engine has warmed up.
  if (codes.length < 64) return String.fromCharCode.apply(null, codes as unknown as number[]);
  return utf16.decode(codes);
}

export function normalize(input: string, options?: NormalizeOptions): string {
  return normalizeWithMap(input, options).text;
}
