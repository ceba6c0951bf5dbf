// The extension analyses a reader's minutes without kuromoji: it must find
// what the build's analysis finds (compounds, katakana words, Latin words).
import { beforeAll, describe, expect, it } from 'vitest';
import type { MinutesIndex } from '../../lib/search/engine';
import { createRuntimeAnalyzer } from '../../lib/search/runtime-analyzer';
import { QUERIES } from '../../scripts/bench/queries';
import { readSeeds } from '../../scripts/node/index-file';
import { runtimeAgreement } from '../../scripts/node/runtime-agreement';
import { seedIndex } from './search-index';

let shipped: MinutesIndex;
beforeAll(async () => {
  shipped = (await seedIndex()).index;
}, 60_000);

describe('the run-time analyser', () => {
  it.each([
    ['サイバーセキュリティの確保', ['サイバーセキュリティ', '確保']],
    // kuromoji reads 脆弱性 as 脆弱 + the suffix 性, which the build drops: so does this.
    ['IoT機器の脆弱性', ['iot', '機器', '脆弱']],
    ['5Gのセキュリティ', ['5g', 'セキュリティ']],
    ['2020年度に実施', ['年度', '実施']],
    ['サーバーを守る', ['サーバ']],
    ['ＩＳＡＣの設立について', ['isac', '設立']],
  ])('%s → %j', (text, words) => {
    expect(createRuntimeAnalyzer(shipped.vocabulary)(text)).toEqual(words);
  });

  it('keeps a katakana word it does not know whole, with the known words inside it', () => {
    expect(createRuntimeAnalyzer(shipped.vocabulary)('クラウドネイティブ')).toEqual(['クラウドネイティブ', 'クラウド']);
  });

  it('keeps a kanji compound it does not know, whole and in two-kanji pieces', () => {
    expect(createRuntimeAnalyzer(shipped.vocabulary)('量子暗号の研究')).toEqual(['量子暗号', '量子', '暗号', '研究']);
  });

  it('answers the bench queries on the seeds as the shipped index does (≥ 95 % of top 10s, same top on ≥ 90 %)', async () => {
    const { minutes } = await readSeeds();
    const a = runtimeAgreement(shipped, minutes, QUERIES);
    expect(a.queries).toBeGreaterThan(20);
    expect(a.found / a.total).toBeGreaterThanOrEqual(0.95);
    expect(a.sameTop / a.queries).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
