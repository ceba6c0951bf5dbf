/**
 * Page furniture: what a PDF repeats on its pages around the minutes. Page
 * numbers (`- 3 -`, `3/10`, `3`) and a running header or footer (the
 * committee's name, 「資料1」, a date) are not part of anything anyone said,
 * and left in they would cut sentences in two at every page break.
 */
import type { PdfLine } from './lines';

/** Lines at each end of a page looked at: a header or footer is one or two lines. */
const EDGE_LINES = 2;

const DASH = '[-－―‐–—]';
const PAGE_NUMBER = new RegExp(
  `^(?:${DASH}\\s*)?(?:p\\.?\\s*|page\\s*|ページ\\s*)?([0-9０-９]{1,4})(?:\\s*(?:/|／|of)\\s*[0-9０-９]{1,4})?(?:\\s*${DASH})?(?:\\s*ページ)?$`,
  'i',
);

const toAscii = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** Where a line sits on its page: among the first or last few lines, or in between. */
function edgeOf(line: PdfLine, i: number, count: number): 'top' | 'bottom' | null {
  if (i < EDGE_LINES) return 'top';
  if (i >= count - EDGE_LINES) return 'bottom';
  return null;
}

/** The same header on every page, whatever its page number or date: digits and spacing aside. */
const shapeKey = (line: PdfLine, edge: string) =>
  `${edge}|${Math.round(line.y / 6)}|${toAscii(line.text).replace(/[0-9]+/g, '#').replace(/\s+/g, '')}`;

/**
 * Drop page numbers and running headers and footers. A page number is a bare
 * number at the top or bottom of a page that counts with the pages (the same
 * offset from the page index on most pages that have one); a running line is
 * one that stands at the same edge, in the same place, on most pages.
 */
export function dropFurniture(pages: PdfLine[][]): PdfLine[][] {
  const offsets = new Map<number, number>();
  const keys = new Map<string, number>();
  pages.forEach((lines, p) => {
    const seen = new Set<string>();
    lines.forEach((line, i) => {
      const edge = edgeOf(line, i, lines.length);
      if (!edge) return;
      const n = PAGE_NUMBER.exec(line.text);
      if (n) offsets.set(Number(toAscii(n[1]!)) - p, (offsets.get(Number(toAscii(n[1]!)) - p) ?? 0) + 1);
      const key = shapeKey(line, edge);
      if (!seen.has(key)) keys.set(key, (keys.get(key) ?? 0) + 1);
      seen.add(key);
    });
  });
  // The counting offset: page 1 numbered 1 (offset 1), or a cover page left unnumbered. It must
  // show on two pages (a single 2020 at a page's foot is a year), unless there is only one page.
  const [best] = [...offsets].sort((a, b) => b[1] - a[1]);
  const offset = best && (best[1] >= 2 || pages.length === 1) ? best[0] : null;
  // "Most pages": at least two (one page cannot show a repeat), and half of the pages after
  // the first, which often has a title block instead.
  const repeated = (key: string) => {
    const n = keys.get(key) ?? 0;
    return n >= 2 && n >= (pages.length - 1) / 2;
  };

  return pages.map((lines, p) =>
    lines.filter((line, i) => {
      const edge = edgeOf(line, i, lines.length);
      if (!edge) return true;
      const n = PAGE_NUMBER.exec(line.text);
      if (n && Number(toAscii(n[1]!)) - p === offset) return false;
      return !repeated(shapeKey(line, edge));
    }),
  );
}
