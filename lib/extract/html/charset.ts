/**
 * A saved web page's bytes to text, in the charset the page declares. Older
 * government pages are Shift_JIS or EUC-JP and say so in a `<meta>`; a page
 * that says nothing is read as UTF-8, else as the Japanese encodings it decodes
 * cleanly in (with a warning, since that is a guess).
 */
import { lineOfByte } from '../../minutes/decode';
import { MinutesError } from '../../minutes/errors';

/** How far into the file a declaration is looked for (the HTML standard's prescan reads 1024 bytes). */
const PRESCAN_BYTES = 4096;

/** Labels pages use, to names TextDecoder knows in every browser and in Node. */
const LABELS: Record<string, string> = {
  'shift_jis': 'shift_jis', 'shift-jis': 'shift_jis', 'sjis': 'shift_jis', 'x-sjis': 'shift_jis',
  'windows-31j': 'shift_jis', 'cp932': 'shift_jis', 'ms932': 'shift_jis', 'ms_kanji': 'shift_jis',
  'euc-jp': 'euc-jp', 'x-euc-jp': 'euc-jp', 'eucjp': 'euc-jp',
  'iso-2022-jp': 'iso-2022-jp', 'utf-8': 'utf-8', 'utf8': 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
};

/** `<meta charset="Shift_JIS">` or `<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  let head = '';
  for (const b of bytes.subarray(0, PRESCAN_BYTES)) head += String.fromCharCode(b);
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(meta);
    if (m) return m[1]!.toLowerCase();
  }
  return null;
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** First byte offset where a strict decode fails, by halving (only run once decoding failed). */
function firstBadByte(bytes: Uint8Array, encoding: string): number {
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    // A prefix cut inside a character fails too; stream mode tolerates an unfinished tail.
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

export interface DecodedPage {
  html: string;
  charset: string;
  warnings: string[];
}

export function decodePage(bytes: Uint8Array, file: string): DecodedPage {
  if (bytes.length === 0) throw new MinutesError(file, null, 'the file is empty');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { html: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', warnings: [] };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const charset = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { html: new TextDecoder(charset).decode(bytes), charset, warnings: [] };
  }
  const declared = declaredCharset(bytes);
  if (declared !== null) {
    const charset = LABELS[declared];
    if (!charset) throw new MinutesError(file, null, `the page declares charset ${declared}, which is not a Japanese or Unicode encoding we read`);
    const html = decodeStrict(bytes, charset);
    if (html === null) {
      const at = firstBadByte(bytes, charset);
      throw new MinutesError(file, lineOfByte(bytes, at), `bytes that are not valid ${charset}, the charset the page declares (at byte ${at})`);
    }
    return { html, charset, warnings: [] };
  }
  for (const charset of ['utf-8', 'shift_jis', 'euc-jp']) {
    const html = decodeStrict(bytes, charset);
    if (html === null) continue;
    const warnings = charset === 'utf-8' ? [] : [`${file}: the page declares no charset; it reads cleanly as ${charset}, so it was read so`];
    return { html, charset, warnings };
  }
  throw new MinutesError(file, null, 'the page declares no charset and is neither UTF-8, Shift_JIS nor EUC-JP');
}
