/**
 * One extraction step for every format minutes come in: a text file, a PDF,
 * a saved web page. Each becomes one text (what `lens text` prints, and what
 * remark offsets index into) plus where it came from; the minutes parser
 * downstream never learns which format a text came from. The platform's
 * pieces (pdf.js, an HTML parser) are passed in, so the same code runs in
 * Node at build time and in the extension.
 */
import { decodeMinutes } from '../minutes/decode';
import { MinutesError } from '../minutes/errors';
import { readHtml, type HtmlParser } from './html/read';
import { readPdf, type PdfJs } from './pdf/read';

export type SourceFormat = 'text' | 'pdf' | 'html';

/** File name endings read as minutes, and what each is. */
export const FORMATS: Record<string, SourceFormat> = { '.txt': 'text', '.pdf': 'pdf', '.html': 'html', '.htm': 'html' };

export interface ExtractEnv {
  parseHtml: HtmlParser;
  /** pdf.js, loaded only when a PDF comes (it is about 1 MB with its CMaps). */
  pdfjs: () => Promise<PdfJs>;
  /** Where pdf.js finds the predefined CMaps (see lib/extract/pdf/read.ts). */
  cMapUrl: string;
  /** Fetch the CMaps with fetch() (in a Web Worker), rather than pdf.js's own way. */
  fetchFiles?: boolean;
}

export interface Extracted {
  format: SourceFormat;
  text: string;
  /** The official address and publisher, where the document says them (web pages do). */
  url: string | null;
  publisher: string | null;
  /** Pages of a PDF; null for other formats. */
  pages: number | null;
  warnings: string[];
}

/** The format a file name says, or null when it is none we read. */
export function formatOf(file: string): SourceFormat | null {
  const m = /\.[^./\\]+$/.exec(file.toLowerCase());
  return m ? (FORMATS[m[0]] ?? null) : null;
}

export async function extractDocument(bytes: Uint8Array, file: string, env: ExtractEnv): Promise<Extracted> {
  const format = formatOf(file);
  switch (format) {
    case 'text':
      return { format, text: decodeMinutes(bytes, file), url: null, publisher: null, pages: null, warnings: [] };
    case 'pdf': {
      const { text, pages, warnings } = await readPdf(bytes, file, await env.pdfjs(), { cMapUrl: env.cMapUrl, fetchFiles: env.fetchFiles });
      return { format, text, url: null, publisher: null, pages, warnings };
    }
    case 'html':
      return { format, pages: null, ...readHtml(bytes, file, env.parseHtml) };
    default:
      throw new MinutesError(file, null, `not a minutes format we read (${Object.keys(FORMATS).join(', ')})`);
  }
}
