/**
 * A PDF's text, with Mozilla's pdf.js. The caller passes the pdf.js module:
 * Node loads its legacy build, the extension its browser build with a worker;
 * this file only reads pages. Whatever a PDF cannot give (no text layer, a
 * password, a cut-off file, not a PDF at all) is a MinutesError naming the
 * file, never an empty meeting.
 */
import type { getDocument as GetDocument } from 'pdfjs-dist';
import { MinutesError } from '../../minutes/errors';
import { dropFurniture } from './furniture';
import { layoutText } from './layout';
import { linesOfPage, type TextRun } from './lines';

export interface PdfJs {
  getDocument: typeof GetDocument;
}

export interface PdfOptions {
  /**
   * Where pdf.js finds its predefined CMaps (a URL or, in Node, a folder path
   * ending in `/`). Office PDFs of the 2000s set Japanese in fonts they do not
   * embed, keyed by CMaps such as UniJIS-UCS2-H or 90ms-RKSJ-H: without these
   * files pdf.js reads no text from them at all.
   */
  cMapUrl: string;
  /**
   * How pdf.js fetches the CMaps, where its own way does not work: in a Web
   * Worker (the extension's import worker) its fetcher reads
   * `document.baseURI`, which a worker has not, and fetch()es only http(s)
   * URLs, which the extension's own files are not. Node's default reads files.
   */
  fetchFiles?: boolean;
}

/**
 * pdf.js's binary-data factory (CMaps, fonts, wasm) reduced to fetch(): the
 * shape its getDocument option `BinaryDataFactory` takes.
 */
class FetchDataFactory {
  private readonly base: Record<string, string | null>;
  constructor(urls: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.base = { cMapUrl: urls.cMapUrl ?? null, standardFontDataUrl: urls.standardFontDataUrl ?? null, wasmUrl: urls.wasmUrl ?? null };
  }
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const base = this.base[kind];
    if (!base) throw new Error(`no ${kind} given to read ${filename}`);
    const res = await fetch(`${base}${filename}`);
    if (!res.ok) throw new Error(`cannot read ${base}${filename} (${res.status})`);
    return new Uint8Array(await res.arrayBuffer());
  }
}

export interface PdfText {
  text: string;
  pages: number;
  warnings: string[];
}

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** The checks pdf.js would make vaguely or not at all, made first with a message that says what to do. */
function checkBytes(bytes: Uint8Array, file: string): void {
  if (bytes.length === 0) throw new MinutesError(file, null, 'the file is empty');
  const head = latin1(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) {
    const looks = /<html|<!doctype html/i.test(head) ? ' (it is an HTML page: save it as .html)' : '';
    throw new MinutesError(file, null, `not a PDF: the file does not start with %PDF-${looks}`);
  }
  // Every complete PDF ends with %%EOF; a download cut short does not.
  if (!latin1(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF')) {
    throw new MinutesError(file, null, 'the PDF is truncated (it has no %%EOF end marker): download it again');
  }
}

function explain(error: unknown, file: string): MinutesError {
  const e = error as { name?: string; message?: string };
  switch (e.name) {
    case 'PasswordException':
      return new MinutesError(file, null, 'the PDF is password-protected: save a copy without the password first');
    case 'InvalidPDFException':
      return new MinutesError(file, null, `not a readable PDF (${e.message ?? 'invalid structure'}): it may be damaged or truncated`);
    default:
      return new MinutesError(file, null, `pdf.js cannot read this PDF (${e.message ?? String(error)})`);
  }
}

/** Every page's runs, then lines, furniture dropped, wrapped lines joined. */
export async function readPdf(bytes: Uint8Array, file: string, pdfjs: PdfJs, options: PdfOptions): Promise<PdfText> {
  checkBytes(bytes, file);
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over (it is transferred to its worker), and refuses a Node Buffer: give it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: options.cMapUrl,
    cMapPacked: true,
    ...(options.fetchFiles ? { BinaryDataFactory: FetchDataFactory, useWorkerFetch: false } : {}),
    // Text only: no fonts loaded into the page, no code generated from the PDF.
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise.catch((e: unknown) => {
      throw explain(e, file);
    });
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, , , x, y] = item.transform as number[];
        // Vertical or rotated text: minutes are set horizontally; a rotated stamp is not a remark.
        if (Math.abs(b!) > Math.abs(a!) * 0.1) continue;
        // A glyph the PDF gives no Unicode for comes out as U+0000: show it as U+FFFD, and say so.
        const str = item.str.replace(/\u0000/g, '\ufffd');
        runs.push({ str, x: x!, y: y!, width: item.width, height: item.height });
      }
      pages.push(linesOfPage({ runs }, n - 1));
      page.cleanup();
    }
    const text = layoutText(dropFurniture(pages).flat());
    if (text.trim() === '') {
      throw new MinutesError(file, null, `no text layer: OCR it first (its ${doc.numPages} page(s) hold only images, as a scan does)`);
    }
    const unmapped = text.match(/\ufffd/g)?.length ?? 0;
    const warnings = unmapped
      ? [`${file}: ${unmapped} character(s) the PDF gives no Unicode for (a font without a ToUnicode map); shown as \ufffd`]
      : [];
    return { text, pages: doc.numPages, warnings };
  } catch (e) {
    throw e instanceof MinutesError ? e : explain(e, file);
  } finally {
    await task.destroy();
  }
}
