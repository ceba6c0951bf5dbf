import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
