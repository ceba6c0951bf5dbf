// What readers see first: members' substantive remarks about the query, not
// agenda lines, reports that material was explained, or passing mentions;
// judged against graded queries written before the ranking was.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MinutesIndex } from '../../lib/search/engine';
import { judge } from '../../lib/search/judge';
import { PROCEDURAL, remarkFlags } from '../../lib/search/quality';
import type { Remark } from '../../lib/minutes/types';
import { readJudgments } from '../../scripts/node/judgments';
import { seedIndex } from './search-index';

let index: MinutesIndex;
beforeAll(async () => {
  ({ index } = await seedIndex());
}, 60_000);

const remark = (text: string, extra: Partial<Remark> = {}): Remark => ({
  id: 'm-r1', meetingId: 'm', order: 1, kind: 'item', speaker: null, role: null, affiliation: null, label: null, section: null,
  text, start: 0, end: text.length, ...extra,
});

describe('procedure is told from substance', () => {
  it.each([
    ['IoT・5G セキュリティ総合対策 2020（案）について、事務局より、資料 24-1 を説明。'],
    ['事務局より、資料 6-1 「これまでの議論と今後の検討の方向性（案）について」を説明（省略）'],
    ['伊藤オブザーバより、資料 6-2 「CCDS の取組紹介」を説明（省略）'],
    ['資料3に基づき、テレワークセキュリティガイドラインの改定方針を説明。'],
    ['(1) 開会'],
    ['資料3 事務局説明資料'],
    ['閉会'],
  ])('%s is procedural', (text) => expect(remarkFlags(remark(text)) & PROCEDURAL).toBe(PROCEDURAL));

  it.each([
    ['テレワーク関係は非常に大事なポイントだと思う。'],
    ['資料 6-1 に優遇税制導入についての記述を入れて欲しい。'],
    ['事務局の説明にあった通り、IoT機器の脆弱性への対策が急務である。'],
  ])('%s is not', (text) => expect(remarkFlags(remark(text)) & PROCEDURAL).toBe(0));
});

describe('the readers’ ranking', () => {
  it('puts the members’ remarks about IoT above the agenda line that names it', () => {
    const top = index.search('IoT', { limit: 3 });
    for (const h of top) expect(h.remark.text).not.toMatch(/事務局より.*を説明/);
    const plain = index.search('IoT', { limit: 3, ranking: 'plain' });
    expect(plain.some((h) => /事務局より.*を説明/.test(h.remark.text))).toBe(true);
  });

  it('puts the members’ remarks about telework security above a one-line acknowledgement', () => {
    const top = index.search('テレワーク', { limit: 3 }).map((h) => h.remark.text);
    expect(top).not.toContain('テレワーク関係は非常に大事なポイントだと思う。');
    expect(top.every((t) => t.length > 60)).toBe(true);
  });

  it('beats the plain ranking on the graded queries (nDCG@5 and recall@10)', () => {
    const judged = readJudgments();
    const plain = judge(judged, (q) => index.search(q, { limit: 10, ranking: 'plain' }).map((h) => h.remark.id));
    const readers = judge(judged, (q) => index.search(q, { limit: 10 }).map((h) => h.remark.id));
    expect(judged.length).toBeGreaterThanOrEqual(40);
    expect(readers.ndcg5).toBeGreaterThan(plain.ndcg5);
    expect(readers.recall10).toBeGreaterThanOrEqual(plain.recall10);
  });

  it('opens a popover on the remarks that say the term as written', () => {
    const hits = index.related('情報共有', 10);
    const firstApart = hits.findIndex((h) => h.match !== 'phrase');
    if (firstApart >= 0) expect(hits.slice(firstApart).every((h) => h.match !== 'phrase')).toBe(true);
    expect(hits[0]!.match).toBe('phrase');
  });
});

describe('English questions', () => {
  it.each([
    ['white hacker', 'ホワイトハッカー'],
    ['What did the committee say about white hackers?', 'ホワイトハッカー'],
    ['Why do companies not buy cyber insurance?', 'サイバー保険'],
    ['What security risks come with working from home?', 'テレワーク'],
  ])('%s is answered with what it asks about (%s)', (query, word) => {
    const hits = index.search(query, { limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.remark.text).toContain(word);
  });

  it.each([['ramen recipe'], ['What is the weather like today?'], ['Why do companies not buy ramen?']])('%s answers nothing', (query) => {
    expect(index.search(query)).toEqual([]);
  });

  it('ignores question and function words, but not the terms', () => {
    expect(index.analyze('How should shared threat data be anonymized?').words).toContain('脅威');
    // Normalised as the index keeps them (サイバー → サイバ).
    expect(index.analyze('Why do companies not buy cyber insurance?').words).toEqual(['サイバ', '保険']);
  });
});
