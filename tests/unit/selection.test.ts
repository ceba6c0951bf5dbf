import { describe, expect, it } from 'vitest';
import { queryFromSelection } from '../../lib/ui/selection';
import { SELECTION_MAX_CHARS } from '../../lib/limits';

describe('a selection as a query', () => {
  it.each<[string | undefined, string | null]>([
    [undefined, null],
    ['   \n\t ', null],
    ['  IoT機器\n の　脆弱性 ', 'IoT機器 の 脆弱性'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['a\u0000b\u200bc', 'a b c'],
  ])('%j → %j', (input, output) => {
    expect(queryFromSelection(input)).toBe(output);
  });

  it('cuts a long selection at a sentence end, else at a word', () => {
    const sentence = 'テレワークのセキュリティ対策が重要である。' + 'その上で、'.repeat(20);
    expect(queryFromSelection(sentence)).toBe('テレワークのセキュリティ対策が重要である。');
    const words = 'information sharing between ISACs and the government is '.repeat(3);
    const cut = queryFromSelection(words)!;
    expect([...cut].length).toBeLessThanOrEqual(SELECTION_MAX_CHARS);
    expect(words.startsWith(cut)).toBe(true);
    expect(words[cut.length]).toBe(' ');
  });
});
