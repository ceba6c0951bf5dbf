/**
 * A reader's selection as a query: whitespace collapsed, control characters
 * dropped, and a long selection cut at a sentence or word boundary, so that
 * selecting a paragraph looks up its opening words rather than failing. The
 * result is only ever used as text (a query, a menu title).
 */
import { SELECTION_MAX_CHARS } from '../limits';

export function queryFromSelection(selection: string | undefined | null): string | null {
  const text = (selection ?? '')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  if (text === '') return null;
  const chars = [...text];
  if (chars.length <= SELECTION_MAX_CHARS) return text;
  const head = chars.slice(0, SELECTION_MAX_CHARS).join('');
  // Prefer the end of a sentence, then a space or Japanese comma, past the first third.
  const floor = Math.floor(head.length / 3);
  const sentence = Math.max(head.lastIndexOf('。'), head.lastIndexOf('. '), head.lastIndexOf('！'), head.lastIndexOf('？'));
  if (sentence >= floor) return head.slice(0, sentence + 1).trim();
  const word = Math.max(head.lastIndexOf(' '), head.lastIndexOf('、'), head.lastIndexOf('，'));
  return (word >= floor ? head.slice(0, word) : head).trim();
}
