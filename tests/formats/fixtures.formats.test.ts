// Minutes in the layouts of other bodies (tests/fixtures/minutes/*.txt, each
// with its hand-written expectation) read the same as a ministry web page, as
// a PDF printed with a running header and page numbers, and as an office PDF
// whose fonts are not embedded: same date, speaker turns and remark texts.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../lib/extract/extract';
import { parseDocument } from '../../lib/extract/minutes';
import { parseMinutes } from '../../lib/minutes/parse';
import { nodeExtractEnv } from '../../scripts/node/extract-env';
import { coverageProblems } from '../unit/coverage';
import { FIXTURE_DIR, txtFiles } from '../unit/seeds';
import { differences } from './compare';
import { officePdf } from './office-pdf';
import { startPrinter, type Printer } from './printer';
import { PAGE_FURNITURE, printPage, webPage, type Skin } from './publish';

const SKINS: Skin[] = ['cms', 'tables', 'html5'];
const HEADER = '第3回会合 配布資料 （事務局）';

let printer: Printer;
beforeAll(async () => {
  printer = await startPrinter();
}, 60_000);
afterAll(() => printer?.close());

describe.each(txtFiles(FIXTURE_DIR).map((f, i) => [f, i] as const))('%s', (file, i) => {
  const text = readFileSync(file, 'utf8');
  const expected = JSON.parse(readFileSync(file.replace(/\.txt$/, '.expected.json'), 'utf8')) as { meeting: { date: string | null } };
  const original = parseMinutes(text, { source: file });
  const check = (doc: { text: string }, name: string) => {
    const parsed = parseDocument({ format: 'html', url: null, publisher: null, pages: null, warnings: [], ...doc }, name);
    expect(parsed.meeting.date).toBe(expected.meeting.date);
    expect(differences(original, parsed)).toEqual([]);
    expect(coverageProblems(doc.text, parsed)).toEqual([]);
  };

  it('as a web page', async () => {
    const doc = await extractDocument(new TextEncoder().encode(webPage(text, { skin: SKINS[i % SKINS.length]!, title: original.meeting.title })), 'm.html', nodeExtractEnv);
    check(doc, 'm.html');
    for (const word of PAGE_FURNITURE) expect(doc.text).not.toContain(word);
  });

  it('as a printed PDF', async () => {
    const doc = await extractDocument(await printer.pdf(printPage(text, { header: HEADER, numbers: i % 2 ? 'of' : 'bare', size: 'A5' })), 'm.pdf', nodeExtractEnv);
    expect(doc.pages).toBeGreaterThan(1);
    check(doc, 'm.pdf');
    expect(doc.text).not.toContain(HEADER);
  });

  it('as an office PDF with fonts it does not embed', async () => {
    const doc = await extractDocument(officePdf(text, 'UniJIS-UCS2-H'), 'm.pdf', nodeExtractEnv);
    check(doc, 'm.pdf');
  });
});
