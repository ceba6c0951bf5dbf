import { describe, expect, it } from 'vitest';
import { normalize, normalizeWithMap } from '../../lib/text/normalize';

describe('normalisation shared by search and the term matcher', () => {
  it.each([
    ['ＩｏＴ機器', 'iot機器'],
    ['ISAC', 'isac'],
    ['ｻｲﾊﾞｰｾｷｭﾘﾃｨ', 'サイバーセキュリティ'],
    ['ｶﾞｲﾄﾞﾗｲﾝ', 'ガイドライン'],
    ['ソフトウエア', 'ソフトウェア'],
    ['ソフトウェア', 'ソフトウェア'],
    ['ウエブサイト', 'ウェブサイト'],
    ['サーバー', 'サーバ'],
    ['サーバ', 'サーバ'],
    ['ユーザー企業', 'ユーザ企業'],
    ['キー', 'キー'],
    ['ヴァージョン', 'バージョン'],
    ['テレワーク　環境', 'テレワーク 環境'],
    ['５Ｇ', '5g'],
  ])('%s → %s', (input, output) => {
    expect(normalize(input)).toBe(output);
  });

  it('maps every normalised character back to the character it came from', () => {
    const input = 'ﾕｰｻﾞｰのＩｏＴサーバー';
    const { text, map } = normalizeWithMap(input);
    expect(text).toBe('ユーザのiotサーバ');
    const at = text.indexOf('iot');
    expect(input.slice(map[at]!, map[at + 3]!)).toBe('ＩｏＴ');
    const server = text.indexOf('サーバ');
    expect(input.slice(map[server]!, map[server + 3]!)).toBe('サーバー');
    expect(map[text.length]).toBe(input.length);
  });
});
