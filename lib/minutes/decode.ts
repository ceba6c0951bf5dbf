import { MinutesError } from './errors';

/**
 * Turn a minutes file's bytes into text, or say clearly why not. Minutes are
 * UTF-8; old ones are often Shift_JIS, which we name rather than guess at, so
 * the person adding a file converts it once and knows the offsets are exact.
 * A leading byte-order mark is dropped (offsets count from after it).
 */
export function decodeMinutes(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new MinutesError(file, null, 'the file is empty');

  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new MinutesError(
      file,
      lineOfByte(bytes, nul),
      'this is a binary file (it contains NUL bytes), not a minutes text',
    );
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    // Judge the encoding from the line where UTF-8 breaks: earlier lines may be plain ASCII or UTF-8.
    const hint = looksLikeShiftJis(bytes.subarray(bytes.lastIndexOf(0x0a, at) + 1))
      ? ' It looks like Shift_JIS: convert it first, e.g. `iconv -f SHIFT_JIS -t UTF-8`.'
      : '';
    throw new MinutesError(file, lineOfByte(bytes, at), `bytes that are not valid UTF-8 (at byte ${at}).${hint}`);
  }

  if (text.trim() === '') throw new MinutesError(file, null, 'the file is empty (only blank space)');
  if (controlShare(text) > 0.01) {
    throw new MinutesError(file, null, 'this looks like a binary file (control characters), not a minutes text');
  }
  return text;
}

/** The 1-based line a byte offset falls on, for messages. */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (a plain scan; only run once decoding failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function looksLikeShiftJis(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    return /[\u3040-\u30ff\u4e00-\u9fff]/.test(text);
  } catch {
    return false;
  }
}

function controlShare(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) control++;
  }
  return control / text.length;
}
