// Every seed published as a ministry web page and printed to PDF reads back as
// the same meeting as its text file: same date, same speaker turns, same
// remark texts (whitespace aside), every character of the extracted body in
// exactly one remark, and none of the page's or the PDF's furniture in any.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, type Extracted } from '../../lib/extract/extract';
import { parseDocument } from '../../lib/extract/minutes';
import { parseMinutes } from '../../lib/minutes/parse';
import { nodeExtractEnv } from '../../scripts/node/extract-env';
import { coverageProblems } from '../unit/coverage';
import { SEED_DIR, txtFiles } from '../unit/seeds';
import { differences } from './compare';
import { startPrinter, type Printer } from './printer';
import { PAGE_FURNITURE, printPage, webPage, type PrintOptions, type Skin } from './publish';

const SKINS: Skin[] = ['html5', 'cms', 'tables'];
const NUMBERS: PrintOptions['numbers'][] = ['dashes', 'of', 'bare'];
const RUNNING_HEADER = 'サイバーセキュリティ会合 配布資料（事務局作成）';

let printer: Printer;
beforeAll(async () => {
  printer = await startPrinter();
}, 60_000);
afterAll(() => printer?.close());

const utf8 = (s: string) => new TextEncoder().encode(s);

describe.each(txtFiles(SEED_DIR).map((f, i) => [f, i] as const))('%s', (file, i) => {
  const text = readFileSync(file, 'utf8');
  const original = parseMinutes(text, { source: file });
  const name = file.replace(/^.*\//, '').replace(/\.txt$/, '');

  it('as a web page in a site\'s furniture', async () => {
    const page = webPage(text, { skin: SKINS[i % SKINS.length]!, title: original.meeting.title });
    const doc = await extractDocument(utf8(page), `${name}.html`, nodeExtractEnv);
    const parsed = parseDocument(doc, `${name}.html`);
    expect(differences(original, parsed)).toEqual([]);
    expect(coverageProblems(doc.text, parsed)).toEqual([]);
    for (const word of PAGE_FURNITURE) expect(doc.text).not.toContain(word);
  });

  it('as a PDF with a running header and page numbers', async () => {
    const options: PrintOptions = { header: RUNNING_HEADER, numbers: NUMBERS[i % NUMBERS.length]!, size: i % 2 ? 'A5' : 'A4' };
    const doc: Extracted = await extractDocument(await printer.pdf(printPage(text, options)), `${name}.pdf`, nodeExtractEnv);
    expect(doc.pages).toBeGreaterThan(2);
    const parsed = parseDocument(doc, `${name}.pdf`);
    expect(differences(original, parsed)).toEqual([]);
    expect(coverageProblems(doc.text, parsed)).toEqual([]);
    expect(doc.text).not.toContain(RUNNING_HEADER);
    // No page number left on a line of its own, nor inside a remark where a page broke a sentence.
    expect(doc.text).not.toMatch(/^(?:- \d+ -|\d+ \/ \d+|\d+)$/m);
    for (const r of parsed.remarks) expect(r.text).not.toMatch(/- \d+ -|\d+ \/ \d+\s*$/);
  });
});
