import { describe, expect, it } from 'vitest';
import { matchLabel } from '../../lib/minutes/labels';
import { shapeOf } from '../../lib/minutes/shapes';

type Row = [line: string, speaker: string | null, role: string | null, affiliation: string | null, text: string | null];

describe('speaker labels', () => {
  it.each<Row>([
    ['安田座長)', '安田', '座長', null, null],
    ['齋藤構成員)', '齋藤', '構成員', null, null],
    ['伊藤オブザーバ)', '伊藤', 'オブザーバー', null, null],
    ['谷協局長)', '谷協', '局長', null, null],
    ['総務省 酒井調査官)', '酒井', '調査官', '総務省', null],
    ['岡村構成員）※チャットによるコメント', '岡村', '構成員', null, null],
    ['赤阪サイバーセキュリティ統括官室参事官（政策担当）', '赤阪', '参事官', null, null],
    ['近藤サイバーセキュリティ統括官室参事官 (国際担当))', '近藤', '参事官', null, null],
    ['今林政策統括官(情報通信担当))', '今林', '統括官', null, null],
    ['事務局)', '事務局', null, null, null],
    ['全員)', '全員', null, null, null],
    ['事務局) 優遇税制策を含め、政策を検討する。', '事務局', null, null, '優遇税制策を含め、政策を検討する。'],
    ['【山田委員】', '山田', '委員', null, null],
    ['【鈴木花子委員】', '鈴木花子', '委員', null, null],
    ['【鈴木 一郎 委員】', '鈴木一郎', '委員', null, null],
    ['【鈴木 一郎】', '鈴木一郎', null, null, null],
    ['【事務局（田中参事官）】', '田中', '参事官', '事務局', null],
    ['山田委員：本日は、', '山田', '委員', null, '本日は、'],
    ['中村座長代理：はい。', '中村', '座長代理', null, 'はい。'],
    ['小川委員: 賛成です。', '小川', '委員', null, '賛成です。'],
    ['事務局：説明します。', '事務局', null, null, '説明します。'],
    ['座長：ありがとうございました。', null, '座長', null, 'ありがとうございました。'],
    ['**安田座長)**', '安田', '座長', null, null],
  ])('%s', (line, speaker, role, affiliation, text) => {
    const m = matchLabel(line);
    expect(m).not.toBeNull();
    expect({ speaker: m!.speaker, role: m!.role, affiliation: m!.affiliation }).toEqual({ speaker, role, affiliation });
    expect(m!.textAt === -1 ? null : line.slice(m!.textAt)).toBe(text);
  });

  it.each([
    '【総論・その他】',
    '【構成員】',
    '(Ⅲ(1)IoTのセキュリティ対策)',
    '(1) 開会',
    '今後の方向性（案）',
    '伊藤オブザーバより、資料 6-2 「CCDS の取組紹介」を説明（省略）',
    '報告1：2012年度補完調査（資料4）',
    'Edge Computing) も含めて、必ずクラウドが存在する。',
    '電話:03-3501-1253',
    '1) 初期設定の変更',
    '(以 上)',
    '以上、簡単ではあるが補足させていただく（詳細は資料 4-2 参照）',
  ])('%s is not a speaker', (line) => {
    expect(matchLabel(line)).toBeNull();
  });
});

describe('line shapes', () => {
  it.each([
    ['### (2) 責任分界の課題について', 'heading', '(2) 責任分界の課題について'],
    ['## ◆構成員の意見・コメント', 'heading', '構成員の意見・コメント'],
    ['#### **お問合せ先**', 'heading', 'お問合せ先'],
    ['【IoTのセキュリティ対策】', 'heading', 'IoTのセキュリティ対策'],
    ['<報告1>', 'heading', '報告1'],
    ['＜議題１＞', 'heading', '議題１'],
    ['(1) 開会', 'heading', '(1) 開会'],
    ['（２）テレワーク', 'heading', '（２）テレワーク'],
    ['■ 主な意見', 'heading', '主な意見'],
    ['◆ 構成員の意見・コメント', 'heading', '構成員の意見・コメント'],
    ['②委員意見開陳', 'heading', '②委員意見開陳'],
    ['4 議事内容', 'heading', '4 議事内容'],
    ['※以下チャットでのやりとり', 'heading', '※以下チャットでのやりとり'],
    ['<https://www.reuters.com/article/x>', 'text', null],
    ['- ・ 産業サイバーセキュリティ研究会で活発な議論を行って頂いており、', 'bullet', null],
    ['・ベンダ側が最も欲しいのは、実績。', 'bullet', null],
    ['- 東京2020大会まで間に合うものは実行するべきである。', 'bullet', null],
    ['○言葉の使い方だが、資料4の「ホームページ」とは何を指すのか。', 'bullet', null],
    ['• ファームウェアを更新すべき。', 'bullet', null],
    ['1. 資料5-1に基づき、攻撃の動向を説明。', 'bullet', null],
    ['◆IoT・5G セキュリティ総合対策 2020（案）について、事務局より説明。', 'bullet', null],
    ['34 ページにある「テレワーク」に関して私見を述べる。', 'text', null],
    ['は、契約上書いていない。', 'text', null],
  ])('%s → %s', (line, kind, title) => {
    const shape = shapeOf(line);
    expect(shape.kind).toBe(kind);
    if (shape.kind === 'heading') expect(shape.title).toBe(title);
  });
});
