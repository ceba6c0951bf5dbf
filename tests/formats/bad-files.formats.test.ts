// Files that are not readable minutes get a clear message naming the file,
// never an empty meeting; pages that are readable but odd (Shift_JIS, a news
// article) are read, with a warning where it applies.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../lib/extract/extract';
import { parseDocument } from '../../lib/extract/minutes';
import { MinutesError } from '../../lib/minutes/errors';
import { parseMinutes } from '../../lib/minutes/parse';
import { nodeExtractEnv } from '../../scripts/node/extract-env';
import { differences } from './compare';
import { officePdf, shiftJis } from './office-pdf';
import { startPrinter, type Printer } from './printer';
import { printPage, webPage } from './publish';

const SEED = readFileSync('seeds/soumu-cstf-06.txt', 'utf8');
const utf8 = (s: string) => new TextEncoder().encode(s);

let printer: Printer;
let goodPdf: Uint8Array;
beforeAll(async () => {
  printer = await startPrinter();
  goodPdf = await printer.pdf(printPage(SEED, { header: '配布資料', numbers: 'dashes' }));
}, 60_000);
afterAll(() => printer?.close());

async function failure(bytes: Uint8Array, file: string): Promise<MinutesError> {
  const e = await extractDocument(bytes, file, nodeExtractEnv).then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(MinutesError);
  return e as MinutesError;
}

describe('PDFs that cannot be read say why, naming the file', () => {
  it('a scan (pages that are images only): OCR it first', async () => {
    const scan = await printer.pdf(`<!DOCTYPE html><html><body style="margin:0">
      <canvas id="c" width="800" height="1100"></canvas>
      <script>const g = document.getElementById('c').getContext('2d'); g.font = '28px IPAGothic';
        for (let i = 0; i < 20; i++) g.fillText('サイバーセキュリティタスクフォース 議事要旨 ' + i, 40, 60 + i * 48);</script>
      </body></html>`);
    const e = await failure(scan, 'seeds/scanned-minutes.pdf');
    expect(e.message).toMatch(/^seeds\/scanned-minutes\.pdf: no text layer: OCR it first/);
  });

  it('a password-protected PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
    writeFileSync(join(dir, 'open.pdf'), goodPdf);
    const qpdf = spawnSync('qpdf', ['--encrypt', 'secret', 'owner-secret', '256', '--', join(dir, 'open.pdf'), join(dir, 'locked.pdf')]);
    expect(qpdf.error, 'qpdf is needed (apt-get install qpdf)').toBeUndefined();
    expect(qpdf.status).toBe(0);
    const e = await failure(readFileSync(join(dir, 'locked.pdf')), 'minutes/locked.pdf');
    expect(e.message).toBe('minutes/locked.pdf: the PDF is password-protected: save a copy without the password first');
  });

  it('a truncated PDF (a download cut short)', async () => {
    const e = await failure(goodPdf.subarray(0, Math.floor(goodPdf.length / 2)), 'cut.pdf');
    expect(e.message).toMatch(/^cut\.pdf: the PDF is truncated \(it has no %%EOF end marker\): download it again$/);
  });

  it('a file named .pdf that is not one', async () => {
    expect((await failure(utf8('<!DOCTYPE html><html><body>議事要旨</body></html>'), 'page.pdf')).message).toBe(
      'page.pdf: not a PDF: the file does not start with %PDF- (it is an HTML page: save it as .html)',
    );
    expect((await failure(utf8(SEED), 'notes.pdf')).message).toBe('notes.pdf: not a PDF: the file does not start with %PDF-');
  });

  it('a PDF with a broken structure inside', async () => {
    const broken = utf8('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const e = await failure(broken, 'broken.pdf');
    expect(e.message).toMatch(/^broken\.pdf: /);
  });
});

describe('office PDFs set in fonts they do not embed (predefined CMaps)', () => {
  const text = SEED.split('\n').slice(0, 120).join('\n');

  it.each(['UniJIS-UCS2-H', '90ms-RKSJ-H'] as const)('%s: read with the shipped CMaps, nothing without them', async (cmap) => {
    const pdf = officePdf(text, cmap);
    const doc = await extractDocument(pdf, 'old.pdf', nodeExtractEnv);
    expect(doc.text).toContain('サイバーセキュリティタスクフォース（第6回）議事要旨');
    expect(doc.text).toContain('林構成員)');
    expect(doc.text).not.toMatch(/^- \d+ -$/m);
    const parsed = parseDocument(doc, 'old.pdf');
    expect(parsed.meeting.date).toBe('2017-06-29');
    expect(parsed.remarks.filter((r) => r.kind === 'turn').length).toBeGreaterThan(3);
    // Without the CMaps pdf.js cannot map a single character.
    const e = await extractDocument(pdf, 'old.pdf', { ...nodeExtractEnv, cMapUrl: join(tmpdir(), 'no-cmaps-here/') }).then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(e?.message).toMatch(/^old\.pdf: /);
  });
});

describe('web pages', () => {
  it('a Shift_JIS page (declared with http-equiv) decodes and reads like its text', async () => {
    const page = webPage(SEED, { skin: 'cms', title: 'サイバーセキュリティタスクフォース（第6回）議事要旨', charset: 'Shift_JIS' });
    const doc = await extractDocument(shiftJis(page), 'old-page.html', nodeExtractEnv);
    expect(doc.warnings).toEqual([]);
    expect(differences(parseMinutes(SEED), parseDocument(doc, 'old-page.html'))).toEqual([]);
  });

  it('an undeclared Shift_JIS page is read as Shift_JIS, with a warning naming the file', async () => {
    const page = webPage(SEED, { skin: 'cms', title: 'x' }).replace('<meta charset="utf-8">', '');
    const doc = await extractDocument(shiftJis(page), 'undeclared.html', nodeExtractEnv);
    expect(doc.warnings).toEqual(['undeclared.html: the page declares no charset; it reads cleanly as shift_jis, so it was read so']);
    expect(doc.text).toContain('情報共有について、英国における状況を調査し');
  });

  it('a page that declares Shift_JIS but is not gets the line of the first bad byte', async () => {
    const page = '<html><head><meta charset="shift_jis"></head><body>\n<p>ok</p>\n<p>\xff\xff</p></body></html>';
    const e = await failure(Uint8Array.from(page, (c) => c.charCodeAt(0)), 'bad-sjis.html');
    expect(e.message).toMatch(/^bad-sjis\.html:3: bytes that are not valid shift_jis/);
  });

  it('an empty page (furniture only) and an empty file', async () => {
    const e = await failure(readFileSync('tests/fixtures/pages/empty-page.html'), 'tests/fixtures/pages/empty-page.html');
    expect(e.message).toBe('tests/fixtures/pages/empty-page.html: the page holds no text (nothing outside its navigation and footer)');
    expect((await failure(new Uint8Array(), 'blank.html')).message).toBe('blank.html: the file is empty');
  });

  it('a news article: read, with a warning that it does not look like minutes', async () => {
    const file = 'tests/fixtures/pages/news-article.html';
    const doc = await extractDocument(readFileSync(file), file, nodeExtractEnv);
    const parsed = parseDocument(doc, file);
    expect(parsed.warnings).toContain(
      `${file}: this does not look like minutes (no speakers, no attendees, no meeting in its title); read as one remark per paragraph`,
    );
    expect(parsed.remarks.some((r) => r.kind === 'turn')).toBe(false);
    expect(parsed.remarks.map((r) => r.text).join('\n')).toContain('サプライチェーン全体でのリスク管理が欠かせない');
    expect(doc.text).not.toMatch(/政治|経済|Copyright/);
    expect(parsed.meeting.url).toBe('https://news.example.jp/articles/20200601/5g-security.html');
  });
});
