import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Run the command line as a user does (`npm run -s lens -- …` runs this same script). */
function lens(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lens.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lens parse', () => {
  it('prints the meeting, remarks and warnings as JSON', () => {
    const { code, stdout } = lens('parse', 'seeds/soumu-cstf-06.txt', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['meeting', 'remarks', 'warnings']);
    expect(out.meeting).toMatchObject({ id: 'soumu-cstf-06', number: 6, date: '2017-06-29' });
    const remark = out.remarks.find((r: { label: string }) => r.label === '中尾構成員)');
    for (const key of ['id', 'order', 'speaker', 'role', 'label', 'section', 'kind', 'text', 'start', 'end']) expect(remark).toHaveProperty(key);
  }, 20_000);

  it('prints a readable listing without --json', () => {
    const { code, stdout } = lens('parse', 'seeds/soumu-cstf-24.txt');
    expect(code).toBe(0);
    expect(stdout).toContain('サイバーセキュリティタスクフォース（第 24 回）議事要旨');
    expect(stdout).toMatch(/後藤 \(座長\): テレワーク関係は非常に大事なポイントだと思う。/);
  }, 20_000);

  it('reports bad input on stderr with a non-zero exit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lens-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const r = lens('parse', empty, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${empty}: the file is empty`);
    expect(lens('parse', join(dir, 'missing.txt')).stderr).toMatch(/missing\.txt: cannot read the file \(ENOENT\)/);
    expect(lens('frobnicate').code).toBe(2);
  }, 20_000);
});

describe('lens search', () => {
  it('prints JSON rows, best first, with the documented fields', () => {
    const { code, stdout } = lens('search', 'テレワーク', '--limit', '3', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout);
    expect(rows).toHaveLength(3);
    for (const key of ['remarkId', 'meetingId', 'committee', 'meetingTitle', 'date', 'speaker', 'role', 'section', 'text', 'snippet', 'score']) {
      expect(rows[0]).toHaveProperty(key);
    }
    expect(rows[0].text).toContain('テレワーク');
    const [s, e] = rows[0].snippet.ranges[0];
    expect(rows[0].snippet.text.slice(s, e)).toBe('テレワーク');
  }, 30_000);

  it('applies filters and says when nothing matches', () => {
    const rows = JSON.parse(lens('search', 'セキュリティ', '--speaker', '中尾', '--from', '2020-01-01', '--json').stdout);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r.speaker, r.date >= '2020-01-01']).toEqual(['中尾', true]);
    expect(JSON.parse(lens('search', '量子コンピュータ', '--json').stdout)).toEqual([]);
    expect(lens('search', '量子コンピュータ').stdout).toContain('no related remarks in the minutes');
  }, 30_000);

  it('rejects malformed options with a usage error', () => {
    const r = lens('search', 'ISAC', '--from', '2020/01/01');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from takes a date as YYYY-MM-DD');
    expect(lens('search', 'ISAC', '--limit', '0').code).toBe(2);
  }, 30_000);
});

describe('lens timeline', () => {
  it('prints each meeting with its matching remarks in date order, counting what search lists', () => {
    const { code, stdout } = lens('timeline', '情報共有', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(Object.keys(r)).toEqual(['meetingId', 'committee', 'meetingTitle', 'date', 'remarks']);
    expect(rows.map((r: { date: string }) => r.date)).toEqual(rows.map((r: { date: string }) => r.date).sort());
    const first = rows[0];
    const listed = JSON.parse(lens('search', '情報共有', '--meeting', first.meetingId, '--limit', '1000', '--json').stdout);
    expect(listed).toHaveLength(first.remarks);
    const text = lens('timeline', '情報共有').stdout;
    expect(text).toMatch(/^\d+ remarks in \d+ meetings of \d+ committees\n/);
    expect(text).toContain('first: ');
    expect(lens('timeline', '情報共有', '--limit', '3').code).toBe(2);
  }, 30_000);
});

describe('lens terms', () => {
  it('prints every marked glossary term with offsets into the file', () => {
    const file = 'tests/browser/pages/article-ja.html';
    const { code, stdout } = lens('terms', file, '--json');
    expect(code).toBe(0);
    const found: { term: string; match: string; start: number; end: number }[] = JSON.parse(stdout);
    const text = readFileSync(file, 'utf8');
    expect(found.length).toBeGreaterThan(3);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.match);
    expect(found.map((m) => m.term)).toEqual(expect.arrayContaining(['IoT機器', 'テレワーク', 'サイバー保険', '情報共有']));
    // Generic words are searchable but never marked.
    expect(found.some((m) => m.term === 'セキュリティ')).toBe(false);
  }, 30_000);
});
