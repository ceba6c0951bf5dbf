// A corpus many times the seeds (the bench's copies): what a lookup reads of
// it must stay bounded by what it shows, not grow with the corpus. A cold
// service worker pays for every text block it inflates.
import { inflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAsset } from '../../lib/search/asset';
import { MinutesIndex } from '../../lib/search/engine';
import { RELATED_LIMIT } from '../../lib/limits';
import { assetBytes, scaleCorpus, seedCorpus } from '../../scripts/bench/corpus';
import { createAnalyzer } from '../../scripts/node/analyzer';
import { nodePlatform } from '../../scripts/node/index-file';

const FACTOR = 20;
let asset: Uint8Array;
let blocks: number;

beforeAll(async () => {
  asset = assetBytes(scaleCorpus(await seedCorpus(await createAnalyzer()), FACTOR)).compressed;
  blocks = (await readAsset(asset, nodePlatform.inflate)).chunkStart.length - 1;
}, 120_000);

/** A fresh index (nothing inflated yet) and a count of the text blocks it inflates. */
async function counted() {
  const read = { blocks: 0 };
  const index = await MinutesIndex.fromBytes(asset, {
    inflate: nodePlatform.inflate,
    inflateBlock: (b) => {
      read.blocks++;
      return inflateSync(b);
    },
  });
  return { index, read };
}

describe(`a corpus ${FACTOR} times the seeds`, () => {
  it('has text blocks enough to tell reading some from reading many', () => {
    expect(blocks).toBeGreaterThan(RELATED_LIMIT * 4);
  });

  it.each(['テレワーク', 'ISAC', 'フィッシング'])('a popover for the one-word term %s reads only the remarks it shows', async (term) => {
    const { index, read } = await counted();
    const hits = index.related(term, RELATED_LIMIT);
    expect(hits.length).toBe(RELATED_LIMIT);
    expect(read.blocks).toBeLessThanOrEqual(RELATED_LIMIT);
  });

  it.each(['情報セキュリティ', 'サイバーセキュリティ基本法', '情報共有'])(
    'a popover for %s, several words, reads its few candidates for the phrase, not PHRASE_CHECK_MAX',
    async (term) => {
      const { index, read } = await counted();
      const hits = index.related(term, RELATED_LIMIT);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits[0]!.match).toBe('phrase');
      expect(read.blocks).toBeLessThanOrEqual(RELATED_LIMIT * 4);
    },
  );
});
