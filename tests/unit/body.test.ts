// Body lines in the layouts of other bodies: which become speaker turns,
// which stay unattributed items, which are headings.
import { describe, expect, it } from 'vitest';
import { parseMinutes } from '../../lib/minutes/parse';

const HEADER = '情報セキュリティ検討会（第１回）議事概要\n\n日時：令和元年5月30日\n\n';
type Row = [kind: string, speaker: string | null, text: string];

describe('turns, items and headings', () => {
  it.each<[string, string, Row[]]>([
    ['【】 speaker on its own line after a numbered agenda heading', '(2)情報セキュリティ政策について\n【松田IT担当大臣】\n　それでは、議事に入ります。', [
      ['heading', null, '(2)情報セキュリティ政策について'], ['turn', '松田', 'それでは、議事に入ります。'],
    ]],
    ['○ verbatim speakers and a stage direction', '○山田委員　本日は。\n　続けます。\n○事務局（田中参事官）　説明します。\n（「異議なし」の声あり）\n○山田委員　では。', [
      ['turn', '山田', '本日は。\n続けます。'], ['turn', '田中', '説明します。'], ['item', null, '（「異議なし」の声あり）'], ['turn', '山田', 'では。'],
    ]],
    ['○ label alone on its line', '○村井委員長\n　それでは始めます。', [['turn', '村井', 'それでは始めます。']]],
    ['○ bullets of a summary stay bullets', '（１）議題について\n○ 委員からは、意見があった。\n○事務局から資料１に基づき説明。', [
      ['heading', null, '（１）議題について'], ['item', null, '委員からは、意見があった。'], ['item', null, '事務局から資料１に基づき説明。'],
    ]],
    ['a member\'s ○ points, then what the secretariat answered', '（小松委員）\n○ 点の一つ目。\n○ 点の二つ目。\n○事務局から、検討するとの回答があった。', [
      ['turn', '小松', '点の一つ目。\n点の二つ目。'], ['item', null, '事務局から、検討するとの回答があった。'],
    ]],
    ['a member\'s own bullet that names the secretariat', '岡村構成員）\n以下の点を申し上げる。\n・事務局から説明のあった件について、賛成する。', [
      ['turn', '岡村', '以下の点を申し上げる。\n事務局から説明のあった件について、賛成する。'],
    ]],
    ['第１ headings and a （氏名委員） label before its text', '第１　開会\n\n第２　議事\n\n（山田委員）本日は、意見を述べる。', [
      ['heading', null, '第１　開会'], ['heading', null, '第２　議事'], ['turn', '山田', '本日は、意見を述べる。'],
    ]],
    ['氏名委員： inline and 報告1： which is not a speaker', '■ 報告\n\n報告1：2012年度補完調査（資料4）\n\n山田委員：補足する。', [
      ['heading', null, '■ 報告'], ['item', null, '報告1：2012年度補完調査（資料4）'], ['turn', '山田', '補足する。'],
    ]],
  ])('%s', (_name, body, rows) => {
    const { remarks } = parseMinutes(HEADER + body);
    expect(remarks.map((r) => [r.kind, r.speaker, r.text])).toEqual(rows);
  });
});
