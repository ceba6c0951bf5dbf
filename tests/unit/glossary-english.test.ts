// English names: every glossary term's English names reach Japanese the
// minutes use, through lib/search/synonyms.ts (which merges the glossary's
// names with its own table), and the table adds nothing the glossary says.
import { beforeAll, describe, expect, it } from 'vitest';
import { isSearchable } from '../../lib/search/build';
import type { MinutesIndex } from '../../lib/search/engine';
import { phraseKey } from '../../lib/search/query';
import { ENGLISH_TERMS, expandEnglish } from '../../lib/search/synonyms';
import { GLOSSARY } from '../../lib/terms/glossary';
import { normalize } from '../../lib/text/normalize';
import { seedIndex } from './search-index';

/** What a query becomes before segmentation: normalised, English names replaced, blanks collapsed. */
const expanded = (query: string) => normalize(expandEnglish(normalize(query))).replace(/\s+/g, ' ').trim();

describe('English names of the glossary', () => {
  let index: MinutesIndex;
  let texts: string[];
  /** Whether the minutes write a form (spaces and punctuation aside), as the glossary test asks of ja. */
  const used = (form: string) => texts.some((x) => x.includes(phraseKey(form)));
  beforeAll(async () => {
    ({ index } = await seedIndex());
    texts = index.remarks.filter(isSearchable).map((r) => phraseKey(r.text));
  }, 60_000);

  it('turn each English name into a form of its own term that the minutes use', () => {
    const wrong: string[] = [];
    for (const t of GLOSSARY) {
      const own = new Map([t.ja, ...t.variants].map((f) => [normalize(f), f]));
      for (const en of t.en) {
        const to = expanded(en);
        const form = own.get(to);
        if (form === undefined) wrong.push(`${t.id}: "${en}" → "${to}", not a form of the term`);
        else if (!used(form)) wrong.push(`${t.id}: "${en}" → ${form}, which the minutes never write`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('find the remarks of the term with each English name', () => {
    const none = GLOSSARY.flatMap((t) => t.en.filter((en) => index.related(en).length === 0).map((en) => `${t.id}: ${en}`));
    expect(none).toEqual([]);
  });

  it('read Latin terms with no English name of their own as written (5G, Telnet, ICT-ISAC)', () => {
    for (const ja of ['5G', 'Telnet', 'ICT-ISAC', 'Fake News', 'NOTICE']) expect(index.related(ja).length, ja).toBeGreaterThan(0);
  });

  it('cover the names and variants issue 13 asks for', () => {
    const cases: [string, string][] = [
      ['white hacker', 'ホワイトハッカー'],
      ['white hackers', 'ホワイトハッカー'],
      ['e-seal', 'eシール'],
      ['e-seals', 'eシール'],
      ['electronic seal', 'eシール'],
      ['5G networks', '5G'],
      ['anonymization', '匿名化'],
      ['anonymisation', '匿名化'],
      ['anonymize', '匿名化'],
      ['anonymized', '匿名化'],
      ['threat information', '脅威情報'],
      ['threat data', '脅威情報'],
      ['ISACs', 'ISAC'],
      ['cyber insurance', 'サイバー保険'],
      ['Tokyo 2020 Olympics', '東京2020大会'],
    ];
    for (const [en, ja] of cases) expect(expanded(en), en).toBe(normalize(ja));
  });

  it('leave the terms of the issue’s English questions for the search to find', () => {
    // Which question words the search then ignores is query analysis's business, not the table's.
    expect(expanded('Why do companies not buy cyber insurance?')).toContain(normalize('サイバー保険'));
    const anonymized = expanded('How should shared threat data be anonymized?');
    for (const ja of ['共有', '脅威情報', '匿名化']) expect(anonymized).toContain(normalize(ja));
    expect(expanded('What did the committee say about white hackers?')).toContain(normalize('ホワイトハッカー'));
  });
});

describe('the synonym table (ENGLISH_TERMS)', () => {
  let texts: string[];
  beforeAll(async () => {
    const { index } = await seedIndex();
    texts = index.remarks.filter(isSearchable).map((r) => phraseKey(r.text));
  }, 60_000);

  it('has keys written as normalised queries are, so that each can match', () => {
    for (const key of Object.keys(ENGLISH_TERMS)) expect(normalize(key), key).toBe(key);
  });

  it('maps only to Japanese the minutes use', () => {
    const unused = Object.entries(ENGLISH_TERMS).filter(([, ja]) => !texts.some((x) => x.includes(phraseKey(ja))));
    expect(unused).toEqual([]);
  });

  it('repeats no glossary name, and renames one only to a form of the same term', () => {
    const problems: string[] = [];
    for (const t of GLOSSARY) {
      const forms = new Set([t.ja, ...t.variants].map((f) => normalize(f)));
      for (const en of t.en) {
        const ja = ENGLISH_TERMS[normalize(en)];
        if (ja === undefined) continue;
        if (normalize(ja) === normalize(t.ja)) problems.push(`${en}: says again what the glossary says (${t.id})`);
        else if (!forms.has(normalize(ja))) problems.push(`${en}: ${ja} is no form of ${t.id}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
