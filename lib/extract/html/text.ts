/**
 * An element's text as a reader sees it laid out, for the minutes parser:
 * a block starts a new line, a paragraph-like block (p, h1–h6, lists,
 * tables) stands between blank lines as its margins show it, `<br>` ends a
 * line (two of them leave a blank one, as old pages space paragraphs), list
 * items carry a bullet, table rows are one line with tab-separated cells.
 * Spaces collapse as HTML renders them (the ideographic space is kept: HTML
 * does not collapse it). Works on any DOM: the browser's DOMParser and
 * linkedom in Node give the same text.
 */
import { isFurniture } from './furniture';

const ELEMENT = 1;
const TEXT = 3;

/** Blocks with margins above and below: a blank line each side. */
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'blockquote', 'pre', 'figure', 'hr', 'fieldset', 'address']);
/** Blocks that only start a new line. */
const LINES = new Set([
  'div', 'section', 'article', 'main', 'header', 'li', 'dt', 'dd', 'tr', 'caption', 'figcaption', 'center',
  'details', 'summary', 'body', 'html', 'tbody', 'thead', 'tfoot', 'legend', 'hgroup',
]);
const CELLS = new Set(['td', 'th']);
/** An item that starts with a bullet of its own (・…) gets none from us; numbering such as (1) is text after the bullet. */
const OWN_MARKER = /^[・•○◯●◆◇■□▪※＊*\-－]/;

class Writer {
  readonly lines: string[] = [];
  private line = '';
  /** Line breaks owed before the next text: 1 a new line, 2 a blank line between. */
  private owed = 0;

  text(raw: string, pre: boolean): void {
    let s = pre ? raw : raw.replace(/[ \t\n\r\f]+/g, ' ');
    if (pre && s.includes('\n')) {
      const [first, ...rest] = s.split(/\r?\n/);
      this.text(first!, true);
      for (const part of rest) {
        this.newline(true);
        this.text(part, true);
      }
      return;
    }
    if (!pre && (this.line === '' || this.line.endsWith(' '))) s = s.replace(/^ /, '');
    if (s === '') return;
    this.flushOwed();
    this.line += s;
  }

  /** `<br>`: ends the line even if it is empty, so `<br><br>` leaves a blank line. */
  newline(hard: boolean): void {
    if (hard) {
      this.flushOwed();
      this.lines.push(this.line.trimEnd());
      this.line = '';
    } else this.owe(1);
  }

  owe(breaks: 1 | 2): void {
    if (this.line !== '') {
      this.lines.push(this.line.trimEnd());
      this.line = '';
    }
    if (this.lines.length > 0) this.owed = Math.max(this.owed, breaks);
  }

  cellGap(): void {
    if (this.line !== '' && !this.line.endsWith('\t')) this.line = `${this.line.trimEnd()}\t`;
  }

  private flushOwed(): void {
    if (this.owed === 2 && this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
    this.owed = 0;
  }

  done(): string {
    this.owe(1);
    // Blank-only lines are blank; runs of them are one; none at either end.
    const text = this.lines.map((l) => (/^[ \t]*$/.test(l) ? '' : l)).join('\n');
    return text.replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
  }
}

function write(node: Node, out: Writer, ctx: { pre: boolean; inContent: boolean; listCount: number[] }): void {
  if (node.nodeType === TEXT) {
    out.text(node.nodeValue ?? '', ctx.pre);
    return;
  }
  if (node.nodeType !== ELEMENT) return;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (isFurniture(el, ctx.inContent)) return;
  if (tag === 'br') return out.newline(true);

  const inner = {
    pre: ctx.pre || tag === 'pre',
    inContent: ctx.inContent || tag === 'main' || tag === 'article' || el.getAttribute('role') === 'main',
    listCount: ctx.listCount,
  };
  const paragraph = PARAGRAPHS.has(tag);
  if (paragraph) out.owe(2);
  else if (LINES.has(tag)) out.owe(1);
  else if (CELLS.has(tag)) out.cellGap();

  if (tag === 'ol' || tag === 'ul') {
    inner.listCount = [...ctx.listCount, tag === 'ol' ? Number(el.getAttribute('start') ?? '1') || 1 : 0];
  }
  if (tag === 'li') {
    const counter = ctx.listCount[ctx.listCount.length - 1] ?? 0;
    const text = (el.textContent ?? '').replace(/^[\s]+/, '');
    if (!OWN_MARKER.test(text)) out.text(counter > 0 ? `${counter}. ` : '・', false);
    if (counter > 0) ctx.listCount[ctx.listCount.length - 1] = counter + 1;
  }
  for (let child = el.firstChild; child; child = child.nextSibling) write(child, out, inner);

  if (paragraph) out.owe(2);
  else if (LINES.has(tag)) out.owe(1);
}

/** The text of `root` laid out in lines; `title`, when given, is put first as the minutes' title line. */
export function textOf(root: Element, title: string | null = null): string {
  const out = new Writer();
  if (title) {
    out.text(title, false);
    out.owe(2);
  }
  const inContent = root.closest('main, article, [role="main"]') !== null;
  write(root, out, { pre: false, inContent, listCount: [] });
  return out.done();
}
