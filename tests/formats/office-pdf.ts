/**
 * PDFs as office software of the 2000s wrote them, for tests: Japanese set in
 * fonts the file does not embed (HeiseiMin-W3, HeiseiKakuGo-W5) and addressed
 * through predefined CMaps — UniJIS-UCS2-H (strings are UCS-2) and
 * 90ms-RKSJ-H (strings are Shift_JIS). Such a PDF has no ToUnicode map: a
 * reader that lacks those CMaps gets no text at all.
 *
 * Lines are wrapped at a fixed width, with a page number
 * (`- n -`) at the foot of each page, as a word processor would.
 */

export type OfficeCMap = 'UniJIS-UCS2-H' | '90ms-RKSJ-H';

let sjisTable: Map<string, number[]> | null = null;

/** Shift_JIS (Windows-31J) bytes of a string, from the WHATWG decoder's own table read backwards. */
export function shiftJis(text: string): Uint8Array {
  if (!sjisTable) {
    sjisTable = new Map();
    const decoder = new TextDecoder('shift_jis');
    for (let b = 0x20; b < 0x7f; b++) sjisTable.set(String.fromCharCode(b), [b]);
    for (let b = 0xa1; b <= 0xdf; b++) sjisTable.set(decoder.decode(new Uint8Array([b])), [b]);
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead > 0x9f && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        if (trail === 0x7f) continue;
        const c = decoder.decode(new Uint8Array([lead, trail]));
        if (c.length === 1 && c !== '\ufffd' && !sjisTable.has(c)) sjisTable.set(c, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const c of text) {
    if (c === '\n' || c === '\r' || c === '\t') {
      out.push(c.charCodeAt(0));
      continue;
    }
    const bytes = sjisTable.get(c);
    if (!bytes) throw new Error(`no Shift_JIS for ${JSON.stringify(c)} (U+${c.codePointAt(0)!.toString(16)})`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

const hex = (bytes: Iterable<number>) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

function encode(text: string, cmap: OfficeCMap): string {
  if (cmap === '90ms-RKSJ-H') return `<${hex(shiftJis(text))}>`;
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff);
  return `<${hex(units)}>`;
}

/** Half an em for ASCII (the /W widths below), one em for the rest. */
const ems = (c: string) => (c.charCodeAt(0) < 0x80 ? 0.5 : 1);

/** Cut a paragraph into lines at most `width` ems wide, as a word processor does: never inside a Latin word. */
function wrap(line: string, width: number): string[] {
  const chars = [...line];
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let end = i;
    for (let w = 0; end < chars.length && w + ems(chars[end]!) <= width; end++) w += ems(chars[end]!);
    const latin = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
    if (end < chars.length && latin(chars[end - 1]) && latin(chars[end])) {
      let back = end;
      while (back > i && latin(chars[back - 1])) back--;
      if (back > i) end = back;
    }
    out.push(chars.slice(i, end).join('').trimEnd());
    i = end;
    while (chars[i] === ' ') i++;
  }
  return out.length ? out : [''];
}

/**
 * The text as an office PDF: A4, 10.5 pt, lines `width` ems wide, blank
 * lines kept as spacing, a page number at each page's foot.
 */
export function officePdf(text: string, cmap: OfficeCMap, width = 40): Uint8Array {
  const size = 10.5;
  const pitch = size * 1.6;
  const top = 790;
  const bottom = 90;
  const perPage = Math.floor((top - bottom) / pitch);
  // Markdown marks as a word processor sets them: headings as plain lines, `- ` items with a ・ bullet.
  const plain = (l: string) => l.replace(/^#+\s*|\*\*/g, '').replace(/^[-－]\s+(?![・•○])/, '・').replace(/^[-－]\s+/, '');
  const rows = text.split(/\r?\n/).flatMap((l) => (l.trim() === '' ? [''] : wrap(plain(l), width)));
  const pages: string[][] = [];
  for (let i = 0; i < rows.length; i += perPage) pages.push(rows.slice(i, i + perPage));

  const font = cmap === '90ms-RKSJ-H' ? 'HeiseiKakuGo-W5' : 'HeiseiMin-W3';
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) + 2; // object numbers start at 3 (1: catalog, 2: pages)
  // Latin is half an em wide, as office fonts set it: CIDs 1–95 (UniJIS-UCS2-H's ASCII) and 231–325 (RKSJ's).
  const descriptor = add(`<< /Type /FontDescriptor /FontName /${font} /Flags 6 /FontBBox [-123 -257 1001 910] /ItalicAngle 0 /Ascent 857 /Descent -143 /CapHeight 718 /StemV 69 >>`);
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${font} /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [1 95 500 231 325 500] >>`);
  const type0 = add(`<< /Type /Font /Subtype /Type0 /BaseFont /${font} /Encoding /${cmap} /DescendantFonts [${cidFont} 0 R] >>`);
  const pageRefs: number[] = [];
  pages.forEach((lines, p) => {
    let stream = 'BT\n';
    lines.forEach((line, i) => {
      if (line !== '') stream += `/F1 ${size} Tf 1 0 0 1 72 ${(top - i * pitch).toFixed(1)} Tm ${encode(line, cmap)} Tj\n`;
    });
    const number = `- ${p + 1} -`;
    stream += `/F1 9 Tf 1 0 0 1 280 50 Tm ${encode(number, cmap)} Tj\nET`;
    const content = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    pageRefs.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${type0} 0 R >> >> /Contents ${content} 0 R >>`));
  });

  const all = [`<< /Type /Catalog /Pages 2 0 R >>`, `<< /Type /Pages /Kids [${pageRefs.map((r) => `${r} 0 R`).join(' ')}] /Count ${pageRefs.length} >>`, ...objects];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  all.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${all.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${all.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character above is below U+0100: one byte each.
  return Uint8Array.from(pdf, (c) => c.charCodeAt(0));
}
