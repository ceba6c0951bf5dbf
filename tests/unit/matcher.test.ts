import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/terms/compile';
import { TermMatcher, type MatcherTerm } from '../../lib/terms/matcher';

const TERMS: MatcherTerm[] = [
  { id: 'iot', ja: 'IoT', forms: ['IoT'] },
  { id: 'iot-device', ja: 'IoT機器', forms: ['IoT機器', 'IoTデバイス', 'IoT device', 'IoT devices'] },
  { id: 'isac', ja: 'ISAC', forms: ['ISAC', 'ISACs'] },
  { id: 'ict-isac', ja: 'ICT-ISAC', forms: ['ICT-ISAC'] },
  { id: 'ipa', ja: 'IPA', forms: ['IPA'] },
  { id: 'notice', ja: 'NOTICE', forms: ['NOTICE'], exactCase: true },
  { id: 'cybersecurity', ja: 'サイバーセキュリティ', forms: ['サイバーセキュリティ', 'cybersecurity'] },
  { id: 'software', ja: 'ソフトウェア', forms: ['ソフトウェア'] },
  { id: 'telework', ja: 'テレワーク', forms: ['テレワーク', 'telework', 'remote work'] },
  { id: 'information-sharing', ja: '情報共有', forms: ['情報共有', 'information sharing'] },
  { id: 'supply-chain', ja: 'サプライチェーン', forms: ['サプライチェーン', 'supply chain'] },
  { id: 'supply-chain-risk', ja: 'サプライチェーンリスク', forms: ['サプライチェーンリスク', 'サプライチェーン・リスク'] },
];
// The reference (the whole text normalised) and the compiled matcher pages run must agree on every row.
describe.each([
  { name: 'reference', matcher: new TermMatcher(TERMS), build: (terms: MatcherTerm[]) => new TermMatcher(terms) },
  { name: 'compiled', matcher: compileMatcher(TERMS), build: compileMatcher },
])('term matcher ($name)', ({ matcher, build }) => {
  const found = (text: string) => matcher.find(text).map((m) => [m.term, m.match]);

  it.each<[string, [string, string][]]>([
    // variants of width, kana and case meet the same term
    ['ＩｏＴ機器の脆弱性', [['IoT機器', 'ＩｏＴ機器']]],
    ['ｻｲﾊﾞｰｾｷｭﾘﾃｨ対策', [['サイバーセキュリティ', 'ｻｲﾊﾞｰｾｷｭﾘﾃｨ']]],
    ['サイバーセキュリティーの話', [['サイバーセキュリティ', 'サイバーセキュリティー']]],
    ['ＩＳＡＣｓ、Ｉｓａｃ', [['ISAC', 'ＩＳＡＣｓ'], ['ISAC', 'Ｉｓａｃ']]],
    ['ソフトウエアの更新', [['ソフトウェア', 'ソフトウエア']]],
    ['IoTデバイスが増えた', [['IoT機器', 'IoTデバイス']]],
    ['Cybersecurity and Telework', [['サイバーセキュリティ', 'Cybersecurity'], ['テレワーク', 'Telework']]],
    // the longest form wins
    ['IoT機器とIoT', [['IoT機器', 'IoT機器'], ['IoT', 'IoT']]],
    ['サプライチェーンリスクとサプライチェーン', [['サプライチェーンリスク', 'サプライチェーンリスク'], ['サプライチェーン', 'サプライチェーン']]],
    ['ICT-ISACとISAC', [['ICT-ISAC', 'ICT-ISAC'], ['ISAC', 'ISAC']]],
    ['IoT devices, remote work and information sharing', [['IoT機器', 'IoT devices'], ['テレワーク', 'remote work'], ['情報共有', 'information sharing']]],
    // Latin terms match whole words only
    ['an idiot joined ISACA', []],
    ['ISACs and ISAC.', [['ISAC', 'ISACs'], ['ISAC', 'ISAC']]],
    ['IoT2', []],
    ['the IoT, (IoT) and IoT.', [['IoT', 'IoT'], ['IoT', 'IoT'], ['IoT', 'IoT']]],
    // case rules
    ['please notice this NOTICE', [['NOTICE', 'NOTICE']]],
    ['an ipa beer from the IPA', [['IPA', 'IPA']]],
    ['iot and Isac', [['IoT', 'iot'], ['ISAC', 'Isac']]],
    // nothing
    ['セキュリティの話', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('gives offsets into the original text', () => {
    const text = '前置き：ＩｏＴ機器、ｻｰﾊﾞｰとサプライチェーン・リスク。';
    for (const m of matcher.find(text)) expect(text.slice(m.start, m.end)).toBe(m.match);
    expect(matcher.find(text).map((m) => m.match)).toEqual(['ＩｏＴ機器', 'サプライチェーン・リスク']);
  });

  it('does one pass whatever the number of terms (a long text of near-misses)', () => {
    const many = build(Array.from({ length: 2000 }, (_, i) => ({ id: `t${i}`, ja: `語${i}`, forms: [`サイバー${i}号`] })));
    const text = 'サイバー'.repeat(50_000) + 'サイバー1999号';
    const matches = many.find(text);
    expect(matches).toEqual([{ termId: 't1999', term: '語1999', match: 'サイバー1999号', start: 200_000, end: 200_009 }]);
  });
});
