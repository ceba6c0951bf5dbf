/**
 * The body lines of a PDF, furniture removed, back into text as the minutes
 * parser reads it: a line the layout wrapped is joined to the one before it
 * (Japanese without a space, Latin words with one, a hyphenated word
 * mended), and a paragraph's extra spacing becomes a blank line. A line that
 * starts with structure (a speaker label, a bullet, a heading) always stays at
 * a line start, as it was written.
 */
import { shapeOf } from '../../minutes/shapes';
import type { PdfLine } from './lines';

/**
 * Room a wrapped line may leave at its end beyond the next line's first word:
 * Japanese line breaking (kinsoku) pushes a character down so that 。 or 」 do
 * not start a line, and justification is not always on.
 */
const KINSOKU_EMS = 1.1;
/** Spacing between lines beyond this many ems more than usual marks a new paragraph. */
const PARAGRAPH_EXTRA_EMS = 0.45;

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const SENTENCE_END = /[。．.!?！？」』）)】]$/;
/** What starts a list item or a numbered heading on its own line, whatever came before. */
const MARKER = /^(?:[・•○◯●◆◇■□▪※]|[(（][0-9０-９]{1,2}[)）]|[①-⑳]|[0-9０-９]{1,2}[.．][\s\u3000])/;

/** Characters a Japanese line may not start with (kinsoku): they travel down with the one before them. */
const NO_LINE_START = /^.[）」』】〕〉》、。，．・ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ！？)\]}:：;；,.]*/u;

/**
 * Width the next line's first unbreakable piece needs at the end of the line
 * before: a Latin word (and the space before it), or a Japanese character with
 * the closing marks that cannot be parted from it (回） travels as one).
 */
function firstWordWidth(line: PdfLine): number {
  const chars = [...line.text];
  if (CJK.test(chars[0] ?? '')) return [...(NO_LINE_START.exec(line.text)?.[0] ?? '')].length * line.size + line.size * 0.3;
  const word = /^\S+/.exec(line.text)?.[0] ?? '';
  // Average Latin glyphs are about half an em wide; count the space before the word too.
  return (word.length + 1) * line.size * 0.5;
}

/** The lower quartile: spacing inside paragraphs is the tightest common one, however many paragraphs there are. */
function lowerQuartile(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 4)]!;
}

/**
 * `securi-` + `ty` → `security`; Latin words join with a space; Japanese
 * directly. A hyphen inside an address or a compound (`…/zoom-` +
 * `privacy…`, `end-to-`) was there before the wrap and stays.
 */
export function joinWrapped(before: string, next: string): string {
  if (/[A-Za-z]-$/.test(before) && /^[a-z]/.test(next)) {
    const token = /\S*$/.exec(before.slice(0, -1))?.[0] ?? '';
    return /[/:._\-0-9]/.test(token) ? before + next : before.slice(0, -1) + next;
  }
  if (/[A-Za-z0-9,.;:!?%)\]]$/.test(before) && /^[A-Za-z0-9(\[]/.test(next)) return `${before} ${next}`;
  return before + next;
}

export function layoutText(lines: PdfLine[]): string {
  if (lines.length === 0) return '';
  const right = Math.max(...lines.map((l) => l.right));
  // The usual spacing between lines, in ems of the smaller line's font: leading within a paragraph.
  const leading = lowerQuartile(
    lines.slice(1).flatMap((l, i) => {
      const prev = lines[i]!;
      const size = Math.min(prev.size, l.size);
      return prev.page === l.page && prev.y > l.y ? [(prev.y - l.y - size) / size] : [];
    }),
  ) ?? 0.5;

  let text = lines[0]!.text;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    const shape = shapeOf(line.text).kind;
    const structured = shape !== 'text';
    const size = Math.min(prev.size, line.size);
    // Spacing wider than between a paragraph's lines: a new paragraph, however full the line before it.
    const spaced = prev.page === line.page && (prev.y - line.y - size) / size > leading + PARAGRAPH_EXTRA_EMS;
    const wrapped = !spaced && right - prev.right < firstWordWidth(line) + KINSOKU_EMS * prev.size;
    // Mid-sentence, what only looks like structure is not: 「…日本サイバー」 wrapped before
    // 「犯罪対策センター)がある。」, 「…方向性」 before 「（案）について」を説明」. A bullet or a number is.
    const continues = shape === 'text' || (!SENTENCE_END.test(prev.text) && !MARKER.test(line.text));
    if (wrapped && continues) {
      text = joinWrapped(text, line.text);
      continue;
    }
    const paragraph =
      prev.page === line.page
        ? spaced
        : // A page break hides the spacing: a finished sentence at the foot of a page ends its paragraph.
          SENTENCE_END.test(prev.text) || structured;
    text += paragraph ? `\n\n${line.text}` : `\n${line.text}`;
  }
  return text;
}
