/**
 * Which glossary term, if any, lies under a point of the viewport: read from
 * the page's text at that point, now, not from the marks. So every occurrence
 * of a term answers, not only the one drawn (only a term's first occurrence
 * is marked), and a page that has just replaced its text nodes (a framework
 * re-rendering every 100 ms) answers from the nodes it shows.
 */
import type { TermMatch } from '../../lib/terms/matcher';
import { isReadablePlace } from './readable';
import type { TextMatcher } from './text-matcher';

export interface Hit {
  termId: string;
  /** The canonical form: what the popover looks up. */
  term: string;
  /** The term as the page writes it there. */
  text: string;
  /** The term's line boxes (a term can wrap onto two lines), and the one under the point. */
  rects: DOMRect[];
  rect: DOMRect;
}

/** The standard call, with the option (Chrome 128+) that lets it answer inside the shadow roots we name. */
type CaretPositionFromPoint = (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;

function caretAt(x: number, y: number, shadowRoots: ShadowRoot[]): { node: Node; offset: number } | null {
  // caretPositionFromPoint is the standard (Chrome 128+, Firefox); Safari and
  // older Chrome have only caretRangeFromPoint.
  if (typeof document.caretPositionFromPoint === 'function') {
    const at = document.caretPositionFromPoint as CaretPositionFromPoint;
    // Without the option a caret inside a shadow root is reported at its host, outside the text.
    const p = shadowRoots.length > 0 ? at.call(document, x, y, { shadowRoots }) : at.call(document, x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/**
 * The open shadow roots `target` sits in, innermost first: where the text under
 * the pointer may be. (An event's innermost target is inside the page's open
 * roots; a closed root shows only its host, and its text stays private.)
 */
function rootsAround(target: Node): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (let root = target.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) roots.push(root);
  return roots;
}

const contains = (r: DOMRect, x: number, y: number) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;

/**
 * The term under (x, y): the caret nearest the point is inside a term of the
 * text there, and the point is inside one of the term's boxes (the caret
 * alone would also say yes beside the text, at a line's end or in the margin).
 */
export function termAt(texts: TextMatcher, target: EventTarget | null, x: number, y: number): Hit | null {
  if (!(target instanceof Node)) return null;
  const caret = caretAt(x, y, rootsAround(target));
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const node = caret.node as Text;
  // Not in editors, code, scripts, hidden text or our own UI: what the scan would not read.
  if (!isReadablePlace(node)) return null;
  const match = texts.around(node.data, caret.offset);
  return match ? boxesOf(node, match, x, y) : null;
}

function boxesOf(node: Text, match: TermMatch, x: number, y: number): Hit | null {
  const range = document.createRange();
  range.setStart(node, match.start);
  range.setEnd(node, match.end);
  const rects = [...range.getClientRects()];
  const rect = rects.find((r) => contains(r, x, y));
  return rect ? { termId: match.termId, term: match.term, text: match.match, rects, rect } : null;
}

/** Whether (x, y) lies on one of `hit`'s boxes, as they were when it was found. */
export const isOn = (hit: Hit, x: number, y: number): boolean => hit.rects.some((r) => contains(r, x, y));
