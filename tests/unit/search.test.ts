import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { IndexFormatError, readAsset, readAssetStream } from '../../lib/search/asset';
import { sectionEnd } from '../../lib/search/container';
import { writeContainer } from '../../lib/search/container';
import { decompound } from '../../lib/search/decompound';
import { MinutesIndex } from '../../lib/search/engine';
import { phraseKey } from '../../lib/search/query';
import { INDEX_FORMAT, INDEX_VERSION } from '../../lib/search/schema';
import { makeSnippet } from '../../lib/search/snippet';
import { normalize } from '../../lib/text/normalize';
import { createAnalyzer } from '../../scripts/node/analyzer';
import { buildIndexBytes } from '../../scripts/node/index-file';
import { seedIndex } from './search-index';

let index: MinutesIndex;
beforeAll(async () => {
  ({ index } = await seedIndex());
}, 60_000);

const ids = (hits: { remark: { id: string } }[]) => hits.map((h) => h.remark.id);

describe('the index asset', () => {
  it('round-trips: build, serialise, compress, load, same answers', async () => {
    const { bytes } = await seedIndex();
    const again = await MinutesIndex.fromBytes(bytes);
    for (const q of ['テレワーク', '情報共有', 'IoT機器の脆弱性', 'cyber insurance', 'ISAC']) {
      expect(ids(again.search(q))).toEqual(ids(index.search(q)));
      expect(again.search(q).length).toBeGreaterThan(0);
    }
    expect(again.remarks).toEqual(index.remarks);
    expect(again.meetings).toEqual(index.meetings);
  });

  it('reads the same from a stream, however its bytes are split, and refuses one cut short', async () => {
    const { bytes } = await seedIndex();
    const whole = await readAsset(bytes);
    /** A body delivering `bytes` in pieces of the given sizes, the last piece taking the rest. */
    const body = (data: Uint8Array, sizes: number[]) =>
      new ReadableStream<Uint8Array>({
        start(c) {
          let at = 0;
          for (const n of sizes) {
            if (at >= data.length) break;
            c.enqueue(data.slice(at, (at += n)));
          }
          if (at < data.length) c.enqueue(data.slice(at));
          c.close();
        },
      });
    // One piece; bytes one at a time through the header; odd pieces that leave the index's end mid-piece;
    // the index whole before the texts arrive (read at once, its sections after it not in yet: a large
    // asset's fetch, which delivers it in pieces of a few hundred KiB).
    const indexEnd = sectionEnd(bytes, 'index')!;
    expect(indexEnd).toBeLessThan(bytes.length - 1000);
    for (const sizes of [[], Array.from({ length: 300 }, () => 1), [7, 13, 1000, 4093, 65_537], [indexEnd], [indexEnd + 1, 500], [indexEnd - 1, 1, 1]]) {
      const streamed = await readAssetStream(body(bytes, sizes));
      expect(streamed).toEqual(whole);
      const again = new MinutesIndex(streamed);
      expect(ids(again.search('情報共有'))).toEqual(ids(index.search('情報共有')));
    }
    await expect(readAssetStream(body(bytes.slice(0, 600), []))).rejects.toThrow(IndexFormatError);
    await expect(readAssetStream(body(bytes.slice(0, Math.floor(bytes.length * 0.9)), [4096]))).rejects.toThrow(/cut short/);
    // Four bytes short: the padding after the last section is at most three.
    await expect(readAsset(bytes.slice(0, bytes.length - 4))).rejects.toThrow(/cut short/);
  });

  it('is deterministic: the same seeds give the same bytes', async () => {
    const { bytes } = await seedIndex();
    expect(Buffer.from(await buildIndexBytes()).equals(Buffer.from(bytes))).toBe(true);
  }, 60_000);

  it('refuses another format version with a clear error', async () => {
    const old = writeContainer({ format: INDEX_FORMAT, version: 0 }, {});
    await expect(readAsset(old)).rejects.toThrow(IndexFormatError);
    await expect(readAsset(old)).rejects.toThrow(new RegExp(`format version 0, this code reads version ${INDEX_VERSION}: rebuild it with npm run build`));
    await expect(readAsset(writeContainer({ format: 'something-else' }, {}))).rejects.toThrow(/not a Minutes Lens index/);
    await expect(readAsset(new TextEncoder().encode('not an index at all'))).rejects.toThrow(/not a Minutes Lens index/);
  });
});

describe('search', () => {
  it('in the plain ranking, puts the exact phrase above all the words, and all the words above some', () => {
    const hits = index.search('情報共有', { limit: 100, ranking: 'plain' });
    const tiers = hits.map((h) => h.match);
    expect(tiers[0]).toBe('phrase');
    expect(tiers.indexOf('all')).toBeGreaterThan(tiers.lastIndexOf('phrase'));
    for (const h of hits.filter((x) => x.match === 'phrase')) expect(phraseKey(h.remark.text)).toContain('情報共有');

    const multi = index.search('テレワーク フィッシング', { limit: 100, ranking: 'plain' });
    const firstSome = multi.findIndex((h) => h.match === 'some');
    expect(firstSome).toBeGreaterThan(0);
    for (const h of multi.slice(0, firstSome)) expect(h.remark.text).toMatch(/テレワーク[\s\S]*フィッシング|フィッシング[\s\S]*テレワーク/);
  });

  it('answers nothing for what the minutes never discuss', () => {
    for (const q of ['サッカーの試合', '量子コンピュータ', 'ramen recipe', 'the weather today', '株価の見通し']) {
      expect(index.search(q), q).toEqual([]);
    }
  });

  it('finds a katakana compound by its parts (セキュリティ finds サイバーセキュリティ)', () => {
    const onlyCompound = index.remarks.find(
      (r) => r.kind !== 'heading' && r.text.includes('サイバーセキュリティ') && !r.text.replace(/サイバーセキュリティ/g, '').includes('セキュリティ'),
    )!;
    expect(onlyCompound).toBeDefined();
    expect(ids(index.search('セキュリティ', { limit: 1000 }))).toContain(onlyCompound.id);
    expect(ids(index.search('サイバー', { limit: 1000 }))).toContain(onlyCompound.id);
    const chain = index.search('リスク', { limit: 1000 }).map((h) => h.remark.text);
    expect(chain.some((t) => t.includes('サプライチェーンリスク'))).toBe(true);
  });

  it('understands English names of the terms', () => {
    expect(ids(index.search('information sharing', { limit: 5 }))).toEqual(ids(index.search('情報共有', { limit: 5 })));
    expect(ids(index.search('Telework', { limit: 5 }))).toEqual(ids(index.search('テレワーク', { limit: 5 })));
    expect(index.search('cyber insurance')[0]!.remark.text).toContain('サイバー保険');
    expect(index.search('critical infrastructure').length).toBeGreaterThan(0);
    expect(index.search('cyber insurance for small businesses').length).toBeGreaterThan(0);
  });

  it('matches any width and spelling of a word', () => {
    expect(ids(index.search('ＩｏＴ機器'))).toEqual(ids(index.search('IoT機器')));
    expect(ids(index.search('ｾｷｭﾘﾃｨ'))).toEqual(ids(index.search('セキュリティ')));
    expect(ids(index.search('ソフトウエア'))).toEqual(ids(index.search('ソフトウェア')));
    expect(index.search('ソフトウェア').length).toBeGreaterThan(0);
  });

  it('gives snippets with the matched words as ranges into plain text', () => {
    for (const h of index.search('テレワーク', { limit: 10 })) {
      expect(h.snippet.ranges.length).toBeGreaterThan(0);
      for (const [s, e] of h.snippet.ranges) expect(h.snippet.text.slice(s, e)).toBe('テレワーク');
    }
    const [hit] = index.search('ｾｷｭﾘﾃｨ');
    const [s, e] = hit!.snippet.ranges[0]!;
    expect(normalize(hit!.snippet.text.slice(s, e))).toBe('セキュリティ');
  });

  it('related(term) gives the remarks that say the term', () => {
    const related = index.related('ISAC');
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(5);
    for (const h of related) expect(normalize(h.remark.text)).toContain('isac');
  });
});

describe('filters', () => {
  const every = (hits: ReturnType<MinutesIndex['search']>, test: (h: (typeof hits)[number]) => boolean) => {
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(test(h)).toBe(true);
  };
  it('by committee (or part of its name)', () => {
    every(index.search('セキュリティ', { committee: '重要インフラ専門委員会', limit: 100 }), (h) => h.meeting.committee === '重要インフラ専門委員会');
    every(index.search('セキュリティ', { committee: 'ワーキンググループ', limit: 100 }), (h) => h.meeting.id === 'meti-wg3-02');
  });
  it('by meeting', () => {
    every(index.search('テレワーク', { meeting: 'soumu-cstf-24', limit: 100 }), (h) => h.meeting.id === 'soumu-cstf-24');
    expect(index.search('テレワーク', { meeting: 'nisc-ci-32' })).toEqual([]);
  });
  it('by speaker and by role', () => {
    every(index.search('情報共有', { speaker: '中尾', limit: 100 }), (h) => h.remark.speaker === '中尾');
    every(index.search('テレワーク', { role: '座長', limit: 100 }), (h) => h.remark.role === '座長');
  });
  it('by date range, inclusive', () => {
    every(index.search('セキュリティ', { from: '2019-01-01', limit: 100 }), (h) => h.meeting.date! >= '2019-01-01');
    every(index.search('セキュリティ', { to: '2017-06-29', limit: 100 }), (h) => h.meeting.date! <= '2017-06-29');
    every(index.search('セキュリティ', { from: '2017-06-29', to: '2017-06-29', limit: 100 }), (h) => h.meeting.id === 'soumu-cstf-06');
  });
  it('limits the number of results', () => {
    expect(index.search('セキュリティ', { limit: 3 })).toHaveLength(3);
  });
});

describe('query analysis agrees with the build analysis', () => {
  // Queries as readers type them: terms, compounds, phrases with particles.
  const QUERIES = [
    'セキュリティ', 'サイバーセキュリティ', '情報共有', 'IoT機器', 'テレワーク', 'サイバー保険', 'ISAC', 'ホワイトハッカー',
    'サプライチェーン', 'サプライチェーンリスク', '人材育成', '脆弱性', '重要インフラ', 'NOTICE', 'クラウドサービス', 'フィッシング',
    '匿名化', '機能安全', '研究倫理', 'リスク管理', '情報共有の自動化', 'テレワークのセキュリティ', 'IoT機器の脆弱性',
    '重要インフラ事業者', 'セキュリティ人材の育成', 'サイバー攻撃', '中小企業', 'ガイドライン', 'トラストサービス', '検証基盤',
    'インシデント対応', '標準化', '責任分界', 'ゼロトラスト', 'ハニーポット', 'マルウェア感染', '電気通信事業者', '官民連携',
    'プライバシー保護', 'クラウド', '5G', 'Beyond5G', 'コラボレーション・プラットフォーム', 'テレワークセキュリティガイドライン',
  ];
  it.each(QUERIES)('%s', async (q) => {
    const analyze = await createAnalyzer();
    const known = index.vocabulary.isPart;
    // A word the index does not hold (a compound the minutes never write) cannot be searched for by any
    // query analysis; what must agree is every term the index does hold.
    const built = new Set(analyze(q).flatMap((t) => [t, ...decompound(t, known)]).filter((t) => index.vocabulary.has(t)));
    const a = index.analyze(q);
    expect(new Set([...a.words, ...a.parts])).toEqual(built);
    expect(built.size).toBeGreaterThan(0);
  });
});

describe('snippets emphasise the phrase where the remark says it', () => {
  it('marks IoT機器, not every 機器; each word when the phrase is not there', () => {
    const text = 'ＩｏＴ機器の更新が要る。ほかの機器も同じ。';
    const phrase = makeSnippet(text, 'iot機器', ['iot', '機器']);
    expect(phrase.ranges.map(([s, e]) => phrase.text.slice(s, e))).toEqual(['ＩｏＴ機器']);
    const words = makeSnippet('IoTの話と機器の話。', 'iot機器', ['iot', '機器']);
    expect(words.ranges.map(([s, e]) => words.text.slice(s, e))).toEqual(['IoT', '機器']);
  });
});

describe('a page of results for the side panel', () => {
  it('counts each facet under every other filter, so a reader can switch', () => {
    const page = index.searchPage('テレワーク', { speaker: '後藤', limit: 5 });
    expect(page.total).toBeGreaterThan(0);
    for (const h of page.hits) expect(h.remark.speaker).toBe('後藤');
    const all = index.search('テレワーク', { limit: 1000 });
    // The speaker facet ignores the speaker filter: 後藤's count is his share of all hits, and others are listed.
    const goto = page.facets.speaker.find((c) => c.value === '後藤')!;
    expect(goto.count).toBe(all.filter((h) => h.remark.speaker === '後藤').length);
    expect(goto.count).toBe(page.total);
    expect(page.facets.speaker.length).toBeGreaterThan(1);
    // Other facets are counted under the speaker filter.
    expect(page.facets.meeting.reduce((n, c) => n + c.count, 0)).toBe(page.total);
    expect(page.facets.meeting[0]!.label).toContain('2020-05-28');
    expect(page.dates).toEqual({ from: '2020-05-28', to: '2020-05-28' });
  });

  it('sorts by date, newest first, when asked', () => {
    const hits = index.search('情報共有', { sort: 'date', limit: 100 });
    const dates = hits.map((h) => h.meeting.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(dates).size).toBeGreaterThan(1);
  });

  it('filters a speaker by the exact name (林 is not 小林)', () => {
    for (const h of index.search('セキュリティ', { speaker: '林', limit: 100 })) expect(h.remark.speaker).toBe('林');
  });
});
