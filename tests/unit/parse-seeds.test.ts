import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageProblems } from './coverage';
import { FIXTURE_DIR, GOLDEN_DIR, SEED_DIR, load, txtFiles } from './seeds';

const seeds = txtFiles(SEED_DIR);
const fixtures = txtFiles(FIXTURE_DIR);

describe('seeds parse to their reviewed golden output', () => {
  it('has the five seeds', () => expect(seeds).toHaveLength(5));
  it.each(seeds)('%s', (file) => {
    const { parsed } = load(file);
    const golden = JSON.parse(readFileSync(join(GOLDEN_DIR, `${parsed.meeting.id}.json`), 'utf8'));
    // Regenerate with `npm run golden` and review the diff when the parser changes on purpose.
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(golden);
  });
});

describe('no body text is lost', () => {
  it.each([...seeds, ...fixtures])('%s', (file) => {
    const { text, parsed } = load(file);
    expect(parsed.remarks.length).toBeGreaterThan(0);
    expect(coverageProblems(text, parsed)).toEqual([]);
  });
});

describe('remark offsets find the original passage again', () => {
  it.each([...seeds, ...fixtures])('%s', (file) => {
    const { text, parsed } = load(file);
    for (const r of parsed.remarks) {
      const passage = text.slice(r.start, r.end);
      if (r.label) expect(passage.startsWith(r.label.replace(/\*\*/g, ''))).toBe(passage.includes('**') ? passage.startsWith(r.label) : true);
      // The display text's first words stand in the source passage (markers and ** aside).
      const head = r.text.split('\n')[0]!.slice(0, 12);
      expect(passage.replace(/\*\*/g, '')).toContain(head);
    }
  });
});

describe('the seeds as read', () => {
  const byId = Object.fromEntries(seeds.map((f) => [load(f).parsed.meeting.id, load(f).parsed]));
  it('reads each meeting header', () => {
    expect(Object.values(byId).map((p) => [p.meeting.committee, p.meeting.number, p.meeting.date])).toEqual([
      ['産業サイバーセキュリティ研究会 ワーキンググループ3(サイバーセキュリティビジネス化)', 2, '2018-08-09'],
      ['重要インフラ専門委員会', 32, '2013-06-20'],
      ['サイバーセキュリティタスクフォース', 6, '2017-06-29'],
      ['サイバーセキュリティタスクフォース', null, '2019-12-05'],
      ['サイバーセキュリティタスクフォース', 24, '2020-05-28'],
    ]);
  });
  it('reads speakers with organisations, notes and long titles', () => {
    const tf6 = byId['soumu-cstf-06']!.remarks;
    expect(tf6.find((r) => r.label === '総務省 酒井調査官)')).toMatchObject({ speaker: '酒井', role: '調査官', affiliation: '総務省' });
    expect(tf6.find((r) => r.label === '事務局)')).toMatchObject({ speaker: '事務局', role: null, text: '優遇税制策を含め、政策を検討する。' });
    const tf24 = byId['soumu-cstf-24']!.remarks;
    expect(tf24.find((r) => r.label?.startsWith('岡村構成員）※'))).toMatchObject({ speaker: '岡村', role: '構成員' });
    expect(tf24.find((r) => r.label === '赤阪サイバーセキュリティ統括官室参事官（政策担当）')).toMatchObject({ speaker: '赤阪', role: '参事官' });
    expect(tf24.find((r) => r.label === '全員)')).toMatchObject({ speaker: '全員', role: null, text: '全員賛同。' });
  });
  it('mends sentences split by a page break and drops ** emphasis', () => {
    const wg3 = byId['meti-wg3-02']!.remarks;
    expect(wg3.some((r) => r.text.includes('保証するとは、契約上書いていない。'))).toBe(true);
    const tf24 = byId['soumu-cstf-24']!.remarks;
    expect(tf24.some((r) => r.text.includes('MEC (Mobile Edge Computing)'))).toBe(true);
    expect(tf24.some((r) => r.text.includes('そちらへの攻撃も増える'))).toBe(true);
    expect(Object.values(byId).some((p) => p.remarks.some((r) => r.text.includes('**')))).toBe(false);
    expect(byId['soumu-cstf-06']!.remarks.some((r) => r.text.includes('目標として、CIA に加えて Safety を入れて'))).toBe(true);
  });
  it('files bullets under their sections', () => {
    const summary = byId['soumu-cstf-2019-12-05-summary']!.remarks;
    const sections = new Set(summary.filter((r) => r.kind === 'item').map((r) => r.section));
    expect([...sections]).toEqual(expect.arrayContaining(['IoTのセキュリティ対策', '主な現状と課題', '今後の方向性（案）']));
    expect(summary.every((r) => r.kind !== 'turn')).toBe(true);
  });
});
