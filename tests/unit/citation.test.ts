import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedMinutes, Remark } from '../../lib/minutes/types';
import { citationText, quotedText } from '../../lib/ui/citation';
import { CITATION_MAX_CHARS } from '../../lib/limits';

const golden = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', 'golden', `${name}.json`), 'utf8')) as ParsedMinutes;
const cstf24 = golden('soumu-cstf-24');
const remark = (id: string) => cstf24.remarks.find((r) => r.id === id)!;

describe('citations', () => {
  it('name the committee, meeting, date, speaker and role, and quote the remark', () => {
    expect(citationText(cstf24.meeting, remark('soumu-cstf-24-r8'))).toBe(
      'サイバーセキュリティタスクフォース 第24回（2020-05-28）議事要旨、後藤座長の発言：「テレワーク関係は非常に大事なポイントだと思う。」',
    );
  });

  it('say when the minutes name no speaker, and add a source line when given', () => {
    expect(citationText(cstf24.meeting, remark('soumu-cstf-24-r4'), { source: 'https://example.test/x' })).toBe(
      'サイバーセキュリティタスクフォース 第24回（2020-05-28）議事要旨、発言者の記載なし：' +
        '「IoT・5G セキュリティ総合対策 2020（案）について、事務局より、『資料 24-1 IoT・5G セキュリティ総合対策 2020（案）』を説明。」' +
        '\nhttps://example.test/x',
    );
  });

  it('name a record that is not minutes by its title, and do without a number', () => {
    const summary = golden('soumu-cstf-2019-12-05-summary');
    const r = summary.remarks.find((x) => x.kind !== 'heading')!;
    expect(citationText(summary.meeting, r)).toMatch(
      /^サイバーセキュリティタスクフォース（2019-12-05）「前回までの御議論について」、(発言者の記載なし|.+の発言)：「.+」$/s,
    );
  });

  it('give an affiliation before the name', () => {
    const r: Remark = { ...remark('soumu-cstf-24-r8'), speaker: '酒井', role: '調査官', affiliation: '総務省' };
    expect(citationText(cstf24.meeting, r)).toContain('、総務省 酒井調査官の発言：「');
  });

  it.each<[string, string]>([
    ['一行目。\n二行目。', '一行目。二行目。'],
    ['the first line\nand the next', 'the first line and the next'],
    ['「資料」を説明。', '『資料』を説明。'],
    ['  \n前後の空白\n  ', '前後の空白'],
  ])('quote %j as %j', (text, quoted) => {
    expect(quotedText(text)).toBe(quoted);
  });

  it('cut a long remark at a sentence end, with …', () => {
    const long = cstf24.remarks.filter((r) => [...r.text].length > CITATION_MAX_CHARS);
    expect(long.length).toBeGreaterThan(0);
    for (const r of long) {
      const q = quotedText(r.text);
      expect([...q].length, r.id).toBeLessThanOrEqual(CITATION_MAX_CHARS);
      expect(q.endsWith('…'), r.id).toBe(true);
    }
    const sentences = 'テレワークは大事である。'.repeat(30);
    const cut = quotedText(sentences);
    expect(cut.endsWith('である。…')).toBe(true);
    expect(sentences.startsWith(cut.slice(0, -1))).toBe(true);
    // No sentence end: a comma, else a hard cut.
    expect(quotedText('あ'.repeat(300))).toBe(`${'あ'.repeat(CITATION_MAX_CHARS - 1)}…`);
  });
});
