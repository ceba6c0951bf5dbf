/**
 * How fast minutes are read as ministries publish them, in Node: PDF
 * extraction and parsing per page, web pages per page, and a build of 50 PDF
 * minutes. The PDFs are the seeds printed by Chromium (tests/formats/), so they
 * carry the same furniture a ministry PDF does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractDocument } from '../../lib/extract/extract';
import { parseDocument } from '../../lib/extract/minutes';
import { startPrinter } from '../../tests/formats/printer';
import { printPage, webPage } from '../../tests/formats/publish';
import { nodeExtractEnv } from '../node/extract-env';
import { buildIndexBytes, readSeeds, SEED_DIR } from '../node/index-file';
import { minutesFilesIn } from '../node/minutes-files';
import { median, round } from './measure';

const PDF_ROUNDS = 5;
const HTML_ROUNDS = 20;
const BUILD_PDFS = 50;

export interface ExtractFigures {
  pdf: { files: number; pages: number; msPerPageMedian: number; pagesPerSecond: number };
  html: { files: number; bytes: number; msPerPageMedian: number };
  build50: { pdfs: number; pages: number; totalMs: number; msPerPdf: number };
}

/** Copy k of a seed as a meeting of its own: another number, and a closing line so its body differs. */
function copyOf(text: string, k: number): string {
  return `${text.replace(/第\s*(\d+)\s*回/, (_, n: string) => `第${Number(n) + 100 * k}回`)}\n\n（第${k}写し）\n`;
}

/** The seeds printed once, and 50 distinct PDF minutes in a folder; Chromium is closed before anything is timed. */
async function printAll(seeds: { name: string; text: string }[], dir: string) {
  const printer = await startPrinter();
  try {
    const header = { header: '配布資料', numbers: 'dashes' as const };
    const pdfs: { name: string; bytes: Uint8Array }[] = [];
    for (const s of seeds) pdfs.push({ name: `${s.name}.pdf`, bytes: await printer.pdf(printPage(s.text, header)) });
    for (let k = 0; k < BUILD_PDFS; k++) {
      const seed = seeds[k % seeds.length]!;
      writeFileSync(join(dir, `${seed.name}-${k}.pdf`), await printer.pdf(printPage(copyOf(seed.text, Math.floor(k / seeds.length) + 1), header)));
    }
    return pdfs;
  } finally {
    await printer.close();
  }
}

export async function extractFigures(): Promise<ExtractFigures> {
  const seeds = minutesFilesIn(SEED_DIR).map((f) => ({ name: f.replace(/^.*\//, '').replace(/\.txt$/, ''), text: readFileSync(f, 'utf8') }));
  const dir = mkdtempSync(join(tmpdir(), 'bench-pdfs-'));
  try {
    const pdfs = await printAll(seeds, dir);

    // PDF: extraction (pdf.js; in Node its worker runs in this thread, so one core) and parsing, per page.
    let pages = 0;
    const pdfTimes: number[] = [];
    for (let r = 0; r <= PDF_ROUNDS; r++) {
      const t0 = performance.now();
      pages = 0;
      for (const pdf of pdfs) {
        const doc = await extractDocument(pdf.bytes, pdf.name, nodeExtractEnv);
        parseDocument(doc, pdf.name);
        pages += doc.pages ?? 0;
      }
      if (r > 0) pdfTimes.push((performance.now() - t0) / pages); // round 0 loads pdf.js
    }

    const skins = ['html5', 'cms', 'tables'] as const;
    const pagesHtml = seeds.map((s, i) => new TextEncoder().encode(webPage(s.text, { skin: skins[i % skins.length]!, title: s.name })));
    const htmlTimes: number[] = [];
    for (let r = 0; r <= HTML_ROUNDS; r++) {
      const t0 = performance.now();
      for (const page of pagesHtml) parseDocument(await extractDocument(page, 'page.html', nodeExtractEnv), 'page.html');
      if (r > 0) htmlTimes.push((performance.now() - t0) / pagesHtml.length);
    }

    // The build of 50 PDF minutes, kuromoji's dictionary loaded before the clock starts.
    await buildIndexBytes(SEED_DIR);
    const t0 = performance.now();
    const read = await readSeeds(dir);
    await buildIndexBytes(dir, read);
    const totalMs = performance.now() - t0;
    let buildPages = 0;
    for (const m of read.minutes) buildPages += (await extractDocument(readFileSync(m.meeting.source!), 'count.pdf', nodeExtractEnv)).pages ?? 0;

    const msPerPage = median(pdfTimes);
    return {
      pdf: { files: pdfs.length, pages, msPerPageMedian: round(msPerPage), pagesPerSecond: round(1000 / msPerPage, 1) },
      html: { files: pagesHtml.length, bytes: pagesHtml.reduce((n, p) => n + p.length, 0), msPerPageMedian: round(median(htmlTimes)) },
      build50: { pdfs: read.minutes.length, pages: buildPages, totalMs: round(totalMs, 0), msPerPdf: round(totalMs / read.minutes.length, 1) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
