/** Which marked term, if any, lies under a point of the viewport. */
import type { Mark, MarkStore } from './marks';

export interface Hit {
  mark: Mark;
  /** The line box of the term under the point (a term can wrap onto two lines). */
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

const contains = (r: DOMRect, x: number, y: number) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;

/**
 * The caret nearest the point is in the term's text, and the point is inside
 * one of the term's boxes: the caret alone would also say yes beside the
 * text, at the end of a line or in the margin.
 */
export function markAt(
  marks: MarkStore,
  target: EventTarget | null,
  x: number,
  y: number,
  shadowRoots: () => ShadowRoot[],
): Hit | null {
  // The event's target is the element whose text is under the pointer: most
  // moves are over elements holding no mark, and need no hit test at all.
  if (!(target instanceof Node) || !marks.holds(target)) return null;
  const caret = caretAt(x, y, shadowRoots());
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  for (const mark of marks.in(caret.node)) {
    if (caret.offset < mark.start || caret.offset > mark.end) continue;
    for (const rect of mark.range.getClientRects()) if (contains(rect, x, y)) return { mark, rect };
  }
  return null;
}

/** The box of `mark` nearest the point (where the pointer rested), for placing the popover. */
export function boxOf(mark: Mark, x: number, y: number): DOMRect {
  const rects = [...mark.range.getClientRects()];
  return rects.find((r) => contains(r, x, y)) ?? rects[0] ?? mark.range.getBoundingClientRect();
}
