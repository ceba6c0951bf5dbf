// The glossary: its rules, its terms' presence in the shipped minutes, and the
// reproducible candidate list it was curated from.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSearchable } from '../../lib/search/build';
import type { MinutesIndex } from '../../lib/search/engine';
import { phraseKey } from '../../lib/search/query';
import { GLOSSARY, validateGlossary, type GlossaryTerm } from '../../lib/terms/glossary';
import { normalize } from '../../lib/text/normalize';
import { CANDIDATES_FILE, candidatesTsv } from '../../scripts/glossary-candidates';
import { seedIndex } from './search-index';

const term = (over: Partial<GlossaryTerm>): GlossaryTerm => ({
  id: 'iot-device',
  ja: 'IoT機器',
  en: ['IoT device'],
  variants: ['IoTデバイス'],
  mark: true,
  ...over,
});

describe('validateGlossary', () => {
  it('finds nothing wrong with the shipped glossary', () => {
    expect(validateGlossary(GLOSSARY)).toEqual([]);
  });

  it('accepts a well-formed term', () => {
    expect(validateGlossary([term({}), term({ id: 'telework', ja: 'テレワーク', en: ['telework'], variants: [] })])).toEqual([]);
  });

  it('reports duplicate ids and ids that are not kebab-case', () => {
    const problems = validateGlossary([
      term({}),
      term({ ja: 'テレワーク', en: [], variants: [] }),
      term({ id: 'IoT_Device', ja: 'サイバー保険', en: [], variants: [] }),
      term({ id: 'iot--device', ja: 'NOTICE', en: [], variants: [] }),
    ]);
    expect(problems).toEqual([
      'iot-device: duplicate id',
      'IoT_Device: id is not kebab-case ASCII',
      'iot--device: id is not kebab-case ASCII',
    ]);
  });

  it('reports an empty ja', () => {
    expect(validateGlossary([term({ ja: ' ' })])).toEqual(['iot-device: empty ja']);
  });

  it('reports a variant that normalisation already makes the ja', () => {
    const problems = validateGlossary([
      term({ id: 'server', ja: 'サーバ', en: [], variants: ['サーバー', 'ｻｰﾊﾞ'] }),
      term({ id: 'software', ja: 'ソフトウェア', en: [], variants: ['ソフトウエア'] }),
      term({ id: 'isac', ja: 'ISAC', en: [], variants: ['ＩＳＡＣ', 'isac'] }),
    ]);
    expect(problems).toEqual([
      'server: variant サーバー is ja after normalisation',
      'server: variant ｻｰﾊﾞ is ja after normalisation',
      'software: variant ソフトウエア is ja after normalisation',
      'isac: variant ＩＳＡＣ is ja after normalisation',
      'isac: variant isac is ja after normalisation',
    ]);
  });

  it('reports one normalised form in two terms, and a form listed twice in one', () => {
    const problems = validateGlossary([
      term({}),
      term({ id: 'iot', ja: 'IoT', en: ['Internet of Things', 'internet of things'], variants: ['IoTデバイス'] }),
    ]);
    expect(problems).toEqual([
      'iot: en internet of things repeats another form of the term after normalisation',
      'iot: variant IoTデバイス is also a form of iot-device',
    ]);
  });

  it('reports exactCase on a term with no Latin letters to keep the case of', () => {
    expect(validateGlossary([term({ id: 'telework', ja: 'テレワーク', en: ['telework'], variants: [], exactCase: true })])).toEqual([
      'telework: exactCase, but ja and variants have no Latin letters',
    ]);
  });
});

describe('the shipped glossary', () => {
  it('has at least 80 terms, most of them marked', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(80);
    expect(GLOSSARY.filter((t) => t.mark).length).toBeGreaterThan(GLOSSARY.length / 2);
  });

  it('keeps generic words searchable but unmarked', () => {
    const byJa = new Map(GLOSSARY.map((t) => [t.ja, t]));
    for (const ja of ['セキュリティ', 'リスク', '対策', '情報', 'システム']) expect(byJa.get(ja)?.mark, ja).toBe(false);
    for (const ja of ['ISAC', 'IoT機器', 'テレワーク', 'サイバー保険', '情報共有', 'NOTICE']) expect(byJa.get(ja)?.mark, ja).toBe(true);
  });

  it('keeps the case of forms that are also ordinary words', () => {
    const notice = GLOSSARY.find((t) => t.id === 'notice');
    expect(notice?.ja).toBe('NOTICE');
    expect(notice?.exactCase).toBe(true);
  });

  it('lists only variants that normalisation does not already unify', () => {
    for (const t of GLOSSARY) for (const v of t.variants) expect(normalize(v), `${t.id}: ${v}`).not.toBe(normalize(t.ja));
    // Spot checks of the unification the variants rely on.
    expect(normalize('ルーター')).toBe(normalize('ルータ'));
    expect(normalize('ＩｏＴ機器')).toBe(normalize('IoT機器'));
    expect(normalize('ぜい弱性')).not.toBe(normalize('脆弱性'));
  });

  it('has no blank or padded forms', () => {
    for (const t of GLOSSARY) for (const f of [t.ja, ...t.en, ...t.variants]) expect(f, t.id).toBe(f.trim());
  });
});

describe('glossary terms in the shipped minutes', () => {
  let index: MinutesIndex;
  beforeAll(async () => {
    ({ index } = await seedIndex());
  }, 60_000);

  it('writes every term as the minutes write it (spaces and punctuation aside)', () => {
    const texts = index.remarks.filter(isSearchable).map((r) => phraseKey(r.text));
    const missing = GLOSSARY.filter((t) => !texts.some((x) => x.includes(phraseKey(t.ja)))).map((t) => t.ja);
    expect(missing).toEqual([]);
  });

  it('finds related remarks for every term', () => {
    const none = GLOSSARY.filter((t) => index.related(t.ja).length === 0).map((t) => t.ja);
    expect(none).toEqual([]);
  });

  it('finds remarks that say the term itself first', () => {
    for (const t of GLOSSARY) expect(index.related(t.ja)[0]?.match, t.ja).toBe('phrase');
  });
});

describe('scripts/glossary-candidates.ts', () => {
  it('reproduces the committed candidates.tsv, byte for byte, run after run', async () => {
    const first = await candidatesTsv();
    expect(first).toBe(readFileSync(CANDIDATES_FILE, 'utf8'));
    expect(await candidatesTsv()).toBe(first);
  }, 60_000);

  it('lists every glossary term that is one noun compound, with its counts', () => {
    const rows = readFileSync(CANDIDATES_FILE, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('term\tfreq\tremarks\tmeetings');
    const counts = new Map(
      rows.slice(1).map((r) => {
        const [t, freq, remarks, meetings] = r.split('\t');
        // Looked up as the glossary writes the term: without the blank the minutes may put before a Latin word.
        return [t!.replace(/ /g, ''), { freq: Number(freq), remarks: Number(remarks), meetings: Number(meetings) }];
      }),
    );
    // Sorted by frequency, then term.
    const freqs = [...counts.values()].map((c) => c.freq);
    expect(freqs).toEqual([...freqs].sort((a, b) => b - a));
    for (const ja of ['ISAC', 'ICT-ISAC', 'IoT機器', 'テレワーク', 'ホワイトハッカー', 'JPCERT/CC', 'C&Cサーバ', '5G', 'NOTICE', 'eシール']) {
      const c = counts.get(ja);
      expect(c, ja).toBeDefined();
      expect(c!.freq, ja).toBeGreaterThanOrEqual(c!.remarks);
      expect(c!.remarks, ja).toBeGreaterThanOrEqual(c!.meetings);
      expect(c!.meetings, ja).toBeGreaterThan(0);
    }
    // The five seeds are five meetings; ISAC is discussed in three of them.
    expect(Math.max(...[...counts.values()].map((c) => c.meetings))).toBe(5);
    expect(counts.get('ISAC')!.meetings).toBe(3);
    // No kuromoji fragments of katakana words, no brackets.
    expect(counts.has('クラ')).toBe(false);
    expect([...counts.keys()].filter((t) => /[()（）「」:]/.test(t))).toEqual([]);
  });

  it('joins a Latin word to the noun a blank sets it off from, and keeps the nouns on their own too', () => {
    const rows = readFileSync(CANDIDATES_FILE, 'utf8').trimEnd().split('\n').slice(1).map((r) => r.split('\t')[0]!);
    // soumu-cstf-24 writes e シール and 5G セキュリティ総合対策 with a blank.
    expect(rows).toContain('e シール');
    expect(rows).toContain('5G セキュリティ総合対策');
    expect(rows).toContain('セキュリティ総合対策');
    expect(rows).toContain('シール');
    // Two Latin words, or two Japanese ones, stay apart.
    expect(rows).not.toContain('Fake News');
    expect(rows).toContain('Fake');
  });
});
