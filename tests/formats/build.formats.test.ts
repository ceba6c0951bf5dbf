// A seeds folder that mixes text, PDF and web pages builds one index with all
// of them; a file the build cannot use is named (a warning, or an error that
// stops it), never dropped in silence. The command line reads the same files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MinutesIndex } from '../../lib/search/engine';
import { buildIndexBytes, readSeeds } from '../../scripts/node/index-file';
import { startPrinter, type Printer } from './printer';
import { printPage, webPage } from './publish';

const seed = (name: string) => readFileSync(`seeds/${name}.txt`, 'utf8');

let printer: Printer;
let dir: string;
beforeAll(async () => {
  printer = await startPrinter();
  dir = mkdtempSync(join(tmpdir(), 'seeds-mixed-'));
  writeFileSync(join(dir, 'soumu-cstf-06.txt'), seed('soumu-cstf-06'));
  writeFileSync(join(dir, 'soumu-cstf-24.pdf'), await printer.pdf(printPage(seed('soumu-cstf-24'), { header: '総務省', numbers: 'of' })));
  writeFileSync(
    join(dir, 'soumu-cstf-24.meta.json'),
    JSON.stringify({ url: 'https://www.soumu.go.jp/main_content/000689025.pdf', publisher: '総務省' }),
  );
  writeFileSync(
    join(dir, 'meti-wg3-02.html'),
    webPage(seed('meti-wg3-02'), {
      skin: 'cms', title: '議事要旨', canonical: 'https://www.meti.go.jp/shingikai/wg3/002_gijiyoshi.html', siteName: '経済産業省',
    }),
  );
  writeFileSync(join(dir, 'agenda.docx'), 'PK\u0003\u0004 not minutes');
  writeFileSync(join(dir, 'nothing.meta.json'), '{"publisher": "総務省"}');
}, 60_000);
afterAll(() => printer?.close());

describe('a seeds folder with text, PDF and HTML minutes', () => {
  it('builds one index holding every meeting, each with where it came from', async () => {
    const index = await MinutesIndex.fromBytes(await buildIndexBytes(dir));
    expect(index.meetings.map((m) => [m.id, m.date, m.url, m.publisher])).toEqual([
      ['meti-wg3-02', '2018-08-09', 'https://www.meti.go.jp/shingikai/wg3/002_gijiyoshi.html', '経済産業省'],
      ['soumu-cstf-06', '2017-06-29', null, null],
      ['soumu-cstf-24', '2020-05-28', 'https://www.soumu.go.jp/main_content/000689025.pdf', '総務省'],
    ]);
    const hits = index.search('テレワーク', { meeting: 'soumu-cstf-24' });
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.some((h) => h.remark.speaker === '後藤' && h.remark.text.includes('テレワーク関係は非常に大事なポイント'))).toBe(true);
    expect(index.search('コラボレーション・プラットフォーム', { meeting: 'meti-wg3-02' }).length).toBeGreaterThan(2);
  }, 60_000);

  it('names each file it does not read, and why', async () => {
    const { warnings } = await readSeeds(dir);
    expect(warnings).toContain(`${join(dir, 'agenda.docx')}: skipped: not a minutes format (.txt, .pdf, .html, .htm)`);
    expect(warnings).toContain(`${join(dir, 'nothing.meta.json')}: skipped: a sidecar without a minutes file of the same name`);
  });

  it('stops at a file it cannot read, naming it', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'seeds-broken-'));
    writeFileSync(join(broken, 'good.txt'), seed('soumu-cstf-06'));
    writeFileSync(join(broken, 'cut.pdf'), readFileSync(join(dir, 'soumu-cstf-24.pdf')).subarray(0, 5000));
    await expect(readSeeds(broken)).rejects.toThrow(/cut\.pdf: the PDF is truncated/);
  });

  it('refuses two files that would be one meeting id, and a sidecar that is not right', async () => {
    const twice = mkdtempSync(join(tmpdir(), 'seeds-twice-'));
    writeFileSync(join(twice, 'a.txt'), seed('soumu-cstf-06'));
    writeFileSync(join(twice, 'a.html'), webPage(seed('soumu-cstf-24'), { skin: 'html5', title: 'x' }));
    await expect(readSeeds(twice)).rejects.toThrow(/a\.txt: has the same name \(meeting id a\) as .*a\.html; rename one/);

    const sidecar = mkdtempSync(join(tmpdir(), 'seeds-sidecar-'));
    writeFileSync(join(sidecar, 'm.txt'), seed('soumu-cstf-06'));
    writeFileSync(join(sidecar, 'm.meta.json'), '{"url": "javascript:alert(1)"}');
    await expect(readSeeds(sidecar)).rejects.toThrow(/m\.meta\.json: "url" must be an http\(s\) address/);
    writeFileSync(join(sidecar, 'm.meta.json'), '{\n  "url": "https://x.go.jp/",\n  "publisher": 総務省\n}');
    await expect(readSeeds(sidecar)).rejects.toThrow(/m\.meta\.json:3: not valid JSON/);
  });
});

describe('lens text and lens parse on PDF and HTML', () => {
  const lens = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lens.ts', ...args], { encoding: 'utf8' });

  it.each(['soumu-cstf-24.pdf', 'meti-wg3-02.html'])('%s: parse offsets index into exactly what text prints', (name) => {
    const file = join(dir, name);
    const text = lens('text', file);
    expect(text.status).toBe(0);
    const parsed = lens('parse', file, '--json');
    expect(parsed.status).toBe(0);
    const { meeting, remarks } = JSON.parse(parsed.stdout);
    expect(Object.keys(meeting)).toEqual(expect.arrayContaining(['id', 'title', 'date', 'url', 'publisher', 'bodyStart']));
    expect(remarks.length).toBeGreaterThan(40);
    for (const r of remarks) {
      const passage: string = text.stdout.slice(r.start, r.end);
      if (r.label) expect(passage.startsWith(r.label)).toBe(true);
      expect(passage.replace(/\s+/g, '')).toContain(r.text.split('\n')[0].replace(/\s+/g, '').slice(0, 12));
    }
  }, 30_000);

  it('says what is wrong with a bad file, naming it, with a non-zero exit', () => {
    const bad = join(dir, 'agenda.pdf');
    writeFileSync(bad, 'not a pdf at all');
    const r = lens('parse', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`lens: ${bad}: not a PDF: the file does not start with %PDF-\n`);
  }, 30_000);
});
