/** A source line with its offsets; `text` has no line break (CR LF and LF both end a line). */
export interface Line {
  /** 1-based line number, for messages. */
  no: number;
  start: number;
  /** Offset just after the line's last character (before its line break). */
  end: number;
  text: string;
}

export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let no = 1;
  while (start <= source.length) {
    let nl = source.indexOf('\n', start);
    if (nl === -1) nl = source.length;
    const end = nl > start && source[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ no, start, end, text: source.slice(start, end) });
    if (nl === source.length) break;
    start = nl + 1;
    no++;
  }
  return lines;
}

/** Blank for our purposes: nothing but spaces (ASCII, ideographic, NBSP), tabs or a form feed. */
export function isBlank(text: string): boolean {
  return /^[\s\u3000\u00a0]*$/.test(text);
}

/** The line's offsets without leading and trailing blank space. */
export function trimmedSpan(line: Line): { start: number; end: number } {
  const lead = line.text.length - line.text.replace(/^[\s\u3000\u00a0]+/, '').length;
  const trail = line.text.length - line.text.replace(/[\s\u3000\u00a0]+$/, '').length;
  return { start: line.start + lead, end: line.end - trail };
}
