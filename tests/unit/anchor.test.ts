import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedMinutes, Remark } from '../../lib/minutes/types';
import { longestCommonRun, makeAnchor, resolveAnchor } from '../../lib/ui/anchor';
import { CONTEXT_CHARS, QUOTE_CHARS } from '../../lib/limits';
import { passageUrl, readPassageUrl } from '../../lib/ui/urls';

const golden = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', 'golden', `${name}.json`), 'utf8')) as ParsedMinutes;
const { remarks } = golden('soumu-cstf-24');

/** A rebuild that found one more remark at `at`: later orders and ids shift by one. */
function insertBefore(list: readonly Remark[], at: number, text: string): Remark[] {
  const meetingId = list[0]!.meetingId;
  const renumber = (r: Remark, order: number): Remark => ({ ...r, order, id: `${meetingId}-r${order}` });
  const added: Remark = { ...list[at]!, kind: 'item', speaker: null, role: null, label: null, text };
  return [...list.slice(0, at), added, ...list.slice(at)].map((r, i) => renumber(r, i + 1));
}

describe('passage anchors', () => {
  it('quotes the remark with its context from the meeting', () => {
    const a = makeAnchor(remarks, 'soumu-cstf-24-r8')!;
    expect(a).toEqual({
      remark: 'soumu-cstf-24-r8',
      quote: 'テレワーク関係は非常に大事なポイントだと思う。',
      prefix: expect.any(String),
      suffix: expect.any(String),
    });
    const r7 = remarks[6]!.text.replace(/\s+/g, ' ');
    expect(r7.endsWith(a.prefix.trimEnd())).toBe(true);
    expect(remarks[8]!.text.startsWith(a.suffix.trimStart())).toBe(true);
    expect([...a.prefix].length).toBeLessThanOrEqual(CONTEXT_CHARS);
    expect([...a.suffix].length).toBeLessThanOrEqual(CONTEXT_CHARS);

    const long = makeAnchor(remarks, 'soumu-cstf-24-r6')!;
    expect([...long.quote].length).toBe(QUOTE_CHARS);
    expect(remarks[5]!.text.startsWith(long.quote)).toBe(true);
    expect(makeAnchor(remarks, 'nope-r1')).toBeNull();
  });

  it.each(remarks.map((r) => r.id))('same remarks: %s resolves to itself', (id) => {
    expect(resolveAnchor(remarks, makeAnchor(remarks, id)!)).toBe(id);
  });

  it('finds the remark by its quote after the remarks are renumbered', () => {
    const rebuilt = insertBefore(remarks, 3, '新たに見つかった発言の一行。');
    for (const r of remarks) {
      const resolved = resolveAnchor(rebuilt, makeAnchor(remarks, r.id)!);
      const expected = r.order < 4 ? r.id : `${r.meetingId}-r${r.order + 1}`;
      expect(resolved, r.id).toBe(expected);
    }
  });

  it('tells identical quotes apart by their context', () => {
    // Two remarks with the same short text: the heading 「(1) 開会」 repeated later on.
    const twice = [...remarks, { ...remarks[1]!, order: remarks.length + 1, id: `soumu-cstf-24-r${remarks.length + 1}` }];
    const first = makeAnchor(twice, 'soumu-cstf-24-r2')!;
    const last = makeAnchor(twice, `soumu-cstf-24-r${twice.length}`)!;
    // After a rebuild both ids are wrong: only prefix/suffix can tell them apart.
    const rebuilt = insertBefore(twice, 0, '冒頭に加わった行。');
    expect(resolveAnchor(rebuilt, { ...first, remark: 'gone-r1' })).toBe('soumu-cstf-24-r3');
    expect(resolveAnchor(rebuilt, { ...last, remark: 'gone-r1' })).toBe(`soumu-cstf-24-r${twice.length + 1}`);
  });

  it('finds a remark whose text was edited a little (fuzzy)', () => {
    const id = 'soumu-cstf-24-r6';
    const anchor = makeAnchor(remarks, id)!;
    const edited = remarks.map((r) => (r.id === id ? { ...r, text: r.text.replace('私見を述べる', '私見を申し上げる') } : r));
    expect(edited.find((r) => r.id === id)!.text).not.toContain(anchor.quote);
    const rebuilt = insertBefore(edited, 0, '冒頭に加わった行。');
    expect(resolveAnchor(rebuilt, anchor)).toBe('soumu-cstf-24-r7');
  });

  it('answers null for a quote the meeting does not hold, and the id alone without a quote', () => {
    expect(resolveAnchor(remarks, { remark: 'soumu-cstf-24-r999', quote: '量子暗号の標準化について欧州の動向を報告した。' })).toBeNull();
    expect(resolveAnchor(remarks, { remark: 'soumu-cstf-24-r5' })).toBe('soumu-cstf-24-r5');
    expect(resolveAnchor(remarks, { remark: 'soumu-cstf-24-r999' })).toBeNull();
    expect(resolveAnchor([], makeAnchor(remarks, 'soumu-cstf-24-r8')!)).toBeNull();
  });

  it.each<[string, string, string]>([
    ['テレワーク関係', 'テレワークの関係は', 'テレワーク'],
    ['abc', 'xyz', ''],
    ['', 'abc', ''],
  ])('longest common run of %j and %j is %j', (a, b, run) => {
    expect(longestCommonRun(a, b)).toBe(run);
  });
});

describe('passage links', () => {
  it('carry the anchor, and read back the same', () => {
    const anchor = makeAnchor(remarks, 'soumu-cstf-24-r8')!;
    const url = passageUrl(anchor.remark, 'テレワーク', anchor);
    expect(url.startsWith('/viewer.html?remark=soumu-cstf-24-r8&q=')).toBe(true);
    expect(readPassageUrl(url.slice(url.indexOf('?')))).toEqual({ anchor, term: 'テレワーク' });
    // Existing callers: id and term only.
    expect(passageUrl('m-r1', 'x')).toBe('/viewer.html?remark=m-r1&term=x');
    expect(readPassageUrl('?remark=m-r1')).toEqual({ anchor: { remark: 'm-r1', quote: '', prefix: '', suffix: '' }, term: null });
  });
});
