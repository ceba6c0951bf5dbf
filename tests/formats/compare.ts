/**
 * What "parses the same" means across formats: the same date, the same
 * speaker turns (speaker, role, words) and the same remark texts, whitespace
 * aside (a PDF rewraps lines, a page collapses spaces). A character the PDF
 * holds no Unicode for (the print font lacked the glyph: 实 in 实际) comes back
 * as U+FFFD and stands for the one character it replaced.
 */
import type { ParsedMinutes } from '../../lib/minutes/types';

const squash = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');

/** Equal but for whitespace, with U+FFFD in `extracted` matching any one character. */
export function sameWords(original: string, extracted: string): boolean {
  const a = [...squash(original)];
  const b = [...squash(extracted)];
  return a.length === b.length && a.every((c, i) => b[i] === c || b[i] === '\ufffd');
}

export interface Shape {
  date: string | null;
  turns: { speaker: string | null; role: string | null; text: string }[];
  texts: string[];
}

export function shapeOf({ meeting, remarks }: ParsedMinutes): Shape {
  return {
    date: meeting.date,
    turns: remarks.filter((r) => r.kind === 'turn').map((r) => ({ speaker: r.speaker, role: r.role, text: r.text })),
    texts: remarks.map((r) => r.text),
  };
}

/** The differences between two parses of one meeting, as readable lines (none when they parse the same). */
export function differences(original: ParsedMinutes, other: ParsedMinutes): string[] {
  const a = shapeOf(original);
  const b = shapeOf(other);
  const out: string[] = [];
  if (a.date !== b.date) out.push(`date ${a.date} ≠ ${b.date}`);
  const turns = Math.max(a.turns.length, b.turns.length);
  for (let i = 0; i < turns && out.length < 5; i++) {
    const x = a.turns[i];
    const y = b.turns[i];
    if (!x || !y || x.speaker !== y.speaker || x.role !== y.role || !sameWords(x.text, y.text)) {
      out.push(`turn ${i + 1}: ${JSON.stringify([x?.speaker, x?.role, x?.text.slice(0, 40)])} ≠ ${JSON.stringify([y?.speaker, y?.role, y?.text.slice(0, 40)])}`);
    }
  }
  if (a.texts.length !== b.texts.length) out.push(`${a.texts.length} remarks ≠ ${b.texts.length}`);
  for (let i = 0; i < Math.min(a.texts.length, b.texts.length) && out.length < 8; i++) {
    if (!sameWords(a.texts[i]!, b.texts[i]!)) out.push(`remark ${i + 1}: ${JSON.stringify(a.texts[i]!.slice(0, 50))} ≠ ${JSON.stringify(b.texts[i]!.slice(0, 50))}`);
  }
  return out;
}
