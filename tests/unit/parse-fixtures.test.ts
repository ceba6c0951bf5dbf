// Minutes in layouts the seeds do not use, each with a hand-written
// expectation: proof that the parser generalises beyond the five seeds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, load, txtFiles } from './seeds';

interface Expected {
  meeting: { title: string; committee: string; number: number | null; date: string | null };
  speakers: { speaker: string | null; role: string | null }[];
  itemCount: number;
  sections: string[];
  mustContain: string[];
}

describe.each(txtFiles(FIXTURE_DIR))('%s', (file) => {
  const expected: Expected = JSON.parse(readFileSync(file.replace(/\.txt$/, '.expected.json'), 'utf8'));
  const { parsed } = load(file);
  const { meeting, remarks } = parsed;

  it('reads the header', () => {
    expect({ title: meeting.title, committee: meeting.committee, number: meeting.number, date: meeting.date }).toEqual(expected.meeting);
    if (expected.meeting.date === null) expect(parsed.warnings.join('\n')).toMatch(/no meeting date/);
  });
  it('finds every speaker turn in order', () => {
    const turns = remarks.filter((r) => r.kind === 'turn').map((r) => ({ speaker: r.speaker, role: r.role }));
    expect(turns).toEqual(expected.speakers);
  });
  it('finds the unattributed items', () => {
    expect(remarks.filter((r) => r.kind === 'item')).toHaveLength(expected.itemCount);
  });
  it('finds the section headings', () => {
    expect(remarks.filter((r) => r.kind === 'heading').map((r) => r.section)).toEqual(expected.sections);
  });
  it('keeps the words, mends page breaks and drops ** markers', () => {
    const all = remarks.map((r) => r.text).join('\n');
    for (const phrase of expected.mustContain) expect(all).toContain(phrase);
    expect(all).not.toContain('**');
  });
});
