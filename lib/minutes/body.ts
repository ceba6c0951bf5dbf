/**
 * The body: speaker turns, unattributed items and headings, in order. Every
 * non-blank line goes to exactly one remark, so no text is ever lost; a
 * remark's span runs from its first line to its last.
 */
import { reportsSpeaker, type LabelMatch } from './labels';
import { isBlank, trimmedSpan, type Line } from './lines';
import { breaksMidSentence, isPlainHeading, shapeOf, stripEmphasis, type Shape } from './shapes';
import type { RemarkKind } from './types';

export interface RawRemark {
  kind: RemarkKind;
  label: LabelMatch | null;
  section: string | null;
  text: string;
  start: number;
  end: number;
  line: number;
}

interface Open extends RawRemark {
  /** Whether a blank line came since the remark's last line. */
  gap: boolean;
}

export interface Body {
  remarks: RawRemark[];
  /** How many lines had a recognised structure (label, bullet, heading). */
  structured: number;
}

/** Join a paragraph to what came before: a sentence cut by a page break is mended, not split. */
function join(before: string, next: string, gap: boolean): string {
  if (before === '') return next;
  if (!gap || !breaksMidSentence(before)) return `${before}\n${next}`;
  // …MEC (Mobile / Edge Computing): two Latin words keep their space.
  return /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(next) ? `${before} ${next}` : before + next;
}

/** `keyLine`: the first line is the body's key (議事録), a heading whatever its shape. */
export function parseBody(lines: Line[], from: number, firstSection: string | null, keyLine = false): Body {
  const remarks: RawRemark[] = [];
  let section = firstSection;
  let open: Open | null = null;
  let structured = 0;
  let blankBefore = true;

  const close = () => {
    if (open) remarks.push({ kind: open.kind, label: open.label, section: open.section, text: open.text, start: open.start, end: open.end, line: open.line });
    open = null;
  };
  const start = (kind: RemarkKind, line: Line, label: LabelMatch | null, text: string) => {
    close();
    const span = trimmedSpan(line);
    open = { kind, label, section, text, start: span.start, end: span.end, line: line.no, gap: false };
  };
  const extend = (line: Line, text: string) => {
    const o = open!;
    o.text = join(o.text, text, o.gap);
    o.end = trimmedSpan(line).end;
    o.gap = false;
  };

  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    let shape: Shape = shapeOf(line.text);
    if (shape.kind === 'blank') {
      if (open) (open as Open).gap = true;
      blankBefore = true;
      continue;
    }
    if (i === from && keyLine && shape.kind !== 'heading' && shape.kind !== 'label') {
      shape = { kind: 'heading', title: stripEmphasis(line.text.trim()).replace(/^#{1,6}\s*/, '') };
    }
    if (shape.kind === 'text') {
      const after = i + 1 < lines.length && isBlank(lines[i + 1]!.text);
      if (isPlainHeading(line.text, blankBefore, after, nextShape(lines, i + 1))) {
        shape = { kind: 'heading', title: stripEmphasis(line.text.trim()) };
      }
    }
    blankBefore = false;
    const body = (at: number) => stripEmphasis(line.text.slice(at).trim());

    switch (shape.kind) {
      case 'label':
        structured++;
        start('turn', line, shape.label, shape.label.textAt >= 0 ? body(shape.label.textAt) : '');
        break;
      case 'heading':
        structured++;
        section = shape.title;
        start('heading', line, null, stripEmphasis(line.text.trim()).replace(/^#{1,6}\s*/, ''));
        (open as Open | null)!.section = section;
        close();
        break;
      case 'aside':
        // （拍手）: a remark of its own, said by no one; the turn before it ends.
        structured++;
        start('item', line, null, body(0));
        close();
        break;
      case 'bullet': {
        structured++;
        // A bullet inside a speaker's turn is part of what they said, unless it reports what
        // someone said (○事務局から…との回答があった。): then it is the summary's own item.
        const text = body(shape.textAt);
        if (open && (open as Open).kind === 'turn' && !reportsSpeaker(text)) extend(line, text);
        else start('item', line, null, text);
        break;
      }
      case 'text': {
        const o = open as Open | null;
        const continues = o !== null && (o.kind === 'turn' || !o.gap || breaksMidSentence(o.text));
        if (continues) extend(line, body(0));
        else start('item', line, null, body(0));
      }
    }
  }
  close();
  return { remarks, structured };
}

function nextShape(lines: Line[], from: number): Shape | null {
  for (let i = from; i < lines.length; i++) {
    const s = shapeOf(lines[i]!.text);
    if (s.kind !== 'blank') return s;
  }
  return null;
}
