/**
 * A PDF page's text items (pdf.js `getTextContent`) rebuilt into lines in
 * reading order. pdf.js gives runs of text with their position; a line is the
 * runs that share a baseline, read left to right, and lines are read top to
 * bottom. Minutes are set in one column, so that is the reading order.
 */

/** One run of text as pdf.js places it (PDF units, y grows upwards). */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  /** The run's font size (pdf.js calls it height). */
  height: number;
}

export interface PdfPage {
  runs: TextRun[];
}

/** A line of one page: its text and where it stands. */
export interface PdfLine {
  text: string;
  /** Left and right ends of the inked text. */
  x: number;
  right: number;
  /** Baseline. */
  y: number;
  /** The largest font size on the line. */
  size: number;
  /** 0-based page index. */
  page: number;
}

const LATIN_END = /[A-Za-z0-9,.;:!?%)\]’”]$/;
const LATIN_START = /^[A-Za-z0-9(\[‘“]/;

/**
 * Runs on one baseline join without a space unless the PDF left one out: a gap
 * wider than a fifth of the font size between Latin words, or wider than most
 * of a character between Japanese ones (日 時 set with spacing, not a space).
 */
function joinRun(line: string, lineRight: number, run: TextRun): string {
  if (line === '' || /\s$/.test(line) || /^\s/.test(run.str)) return line + run.str;
  const gap = run.x - lineRight;
  const latin = LATIN_END.test(line) && LATIN_START.test(run.str);
  return gap > run.height * (latin ? 0.2 : 0.8) ? `${line} ${run.str}` : line + run.str;
}

/** Runs of one page → its lines, top to bottom; blank runs only count as spacing. */
export function linesOfPage(page: PdfPage, index: number): PdfLine[] {
  const runs = page.runs.filter((r) => r.str !== '' && r.height > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextRun[][] = [];
  for (const run of runs) {
    const row = rows[rows.length - 1];
    // A run belongs to the row whose baseline it (nearly) shares; superscripts sit a little higher.
    if (row && Math.abs(row[0]!.y - run.y) <= Math.max(row[0]!.height, run.height) * 0.45) row.push(run);
    else rows.push([run]);
  }
  const lines: PdfLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let right = -Infinity;
    let x = Infinity;
    let size = 0;
    for (const run of row) {
      text = joinRun(text, right, run);
      right = Math.max(right, run.x + run.width);
      if (run.str.trim() !== '') x = Math.min(x, run.x);
      size = Math.max(size, run.height);
    }
    const trimmed = text.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
    if (trimmed === '') continue;
    lines.push({ text: trimmed, x, right, y: row[0]!.y, size, page: index });
  }
  return lines;
}
