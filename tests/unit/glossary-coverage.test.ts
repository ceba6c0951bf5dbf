// Glossary coverage: every noun phrase the minutes discuss (in at least 3
// remarks of at least 2 meetings) is a glossary term or a reviewed rejection,
// counted afresh from the seeds with kuromoji, so that the rule holds as the
// corpus grows.
import { beforeAll, describe, expect, it } from 'vitest';
import { GLOSSARY, type GlossaryTerm } from '../../lib/terms/glossary';
import {
  COVERAGE,
  collectCandidates,
  coverageKey,
  parseRejected,
  readRejected,
  rejectedProblems,
  unreviewed,
  type Candidate,
  type Rejected,
} from '../../scripts/glossary-candidates';

const candidate = (term: string, remarks: number, meetings: number): Candidate => ({
  term,
  key: coverageKey(term),
  freq: remarks,
  remarks,
  meetings,
});
const glossaryTerm = (over: Partial<GlossaryTerm>): GlossaryTerm => ({ id: 'e-seal', ja: 'eシール', en: ['e-seal'], variants: ['イーシール'], mark: true, ...over });
const rejection = (term: string, line = 1): Rejected => ({ term, reason: 'generic', note: 'a note', line });
const HEADER = 'term\treason\tnote';

describe('unreviewed', () => {
  const glossary = [glossaryTerm({}), glossaryTerm({ id: 'user', ja: 'ユーザ', en: ['user'], variants: ['利用者'], mark: false })];

  it('names a discussed candidate that is neither a glossary form nor rejected', () => {
    const open = unreviewed([candidate('5G', 9, 2), candidate('必要', 56, 5)], glossary, [rejection('必要')]);
    expect(open.map((c) => c.term)).toEqual(['5G']);
  });

  it('counts any form of a term: canonical, variant, English name, written with a blank or in another width', () => {
    const all = ['eシール', 'e シール', 'ｅシール', 'イーシール', 'E-Seal', '利用者'].map((t) => candidate(t, 3, 2));
    expect(unreviewed(all, glossary, [])).toEqual([]);
  });

  it('leaves out candidates under the threshold: fewer remarks, or one meeting only', () => {
    expect(COVERAGE).toEqual({ remarks: 3, meetings: 2 });
    expect(unreviewed([candidate('総務省', 10, 1), candidate('懸念', 2, 2)], glossary, [])).toEqual([]);
    expect(unreviewed([candidate('懸念', 3, 2)], glossary, []).map((c) => c.term)).toEqual(['懸念']);
  });
});

describe('the rejected list', () => {
  it('parses comments, the header and rows', () => {
    const { entries, problems } = parseRejected(`# why\n${HEADER}\n必要\tadjectival\tnecessary\n\n日本\tplace\tJapan\n`);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { term: '必要', reason: 'adjectival', note: 'necessary', line: 3 },
      { term: '日本', reason: 'place', note: 'Japan', line: 5 },
    ]);
  });

  it('refuses rows without a known reason or a note, and a missing header', () => {
    expect(parseRejected(`${HEADER}\n必要\tboring\tnecessary\n日本\tplace\t\n企業\tgeneric\n`).problems).toEqual([
      'line 2: 必要: unknown reason boring',
      'line 3: 日本: no note',
      'line 4: 2 columns, not 3',
    ]);
    expect(parseRejected('必要\tadjectival\tnecessary\n').problems).toEqual(['line 1: expected the header term<TAB>reason<TAB>note']);
  });

  it('reports an entry listed twice, one that is a glossary form, one that is no candidate', () => {
    const problems = rejectedProblems(
      [rejection('必要', 2), rejection('必要', 3), rejection('e シール', 4), rejection('必用', 5)],
      [candidate('必要', 56, 5), candidate('eシール', 2, 1)],
      [glossaryTerm({})],
    );
    expect(problems).toEqual([
      'line 3: 必要 is rejected already on line 2',
      'line 4: e シール is rejected, but is a form of the glossary term e-seal',
      'line 5: 必用 is no candidate',
    ]);
  });
});

describe('the shipped glossary and rejected list cover the minutes', () => {
  let candidates: Candidate[];
  let rejected: Rejected[];
  let problems: string[];
  beforeAll(async () => {
    candidates = await collectCandidates();
    ({ entries: rejected, problems } = readRejected());
  }, 60_000);

  it('has a well-formed rejected list that agrees with the candidates and the glossary', () => {
    expect(problems).toEqual([]);
    expect(rejectedProblems(rejected, candidates, GLOSSARY)).toEqual([]);
  });

  it('leaves no discussed candidate unreviewed', () => {
    const open = unreviewed(candidates, GLOSSARY, rejected).map((c) => `${c.term} (${c.remarks} remarks, ${c.meetings} meetings)`);
    expect(open, 'add each to lib/terms/glossary.json or lib/terms/rejected.tsv').toEqual([]);
  });

  it('reviews a few hundred candidates, most of them rejected as ordinary words', () => {
    const discussed = candidates.filter((c) => c.remarks >= COVERAGE.remarks && c.meetings >= COVERAGE.meetings);
    expect(discussed.length).toBeGreaterThan(250);
    expect(rejected.filter((r) => r.reason === 'generic').length).toBeGreaterThan(rejected.length / 3);
  });

  it('marks the terms issue 13 found missing, though each is discussed in one meeting only', () => {
    const byJa = new Map(GLOSSARY.map((t) => [t.ja, t]));
    for (const ja of ['5G', 'eシール', 'Beyond5G', '東京2020大会']) expect(byJa.get(ja)?.mark, ja).toBe(true);
    const counts = new Map(candidates.map((c) => [c.key, c]));
    expect(counts.get(coverageKey('5G'))?.meetings).toBe(1);
    expect(counts.get(coverageKey('eシール'))?.meetings).toBe(1);
  });
});
