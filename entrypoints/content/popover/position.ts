/** Where the popover goes: below the term, above it if it does not fit, and always inside the viewport. */
import { POPOVER_GAP, VIEWPORT_MARGIN } from '../../../lib/limits';

export interface Box {
  top: number;
  bottom: number;
  left: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Shorter than the popover's own height when neither side has room: it scrolls inside. */
  maxHeight: number;
  above: boolean;
}

export function place(anchor: Box, size: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const spaceBelow = viewport.height - VIEWPORT_MARGIN - (anchor.bottom + POPOVER_GAP);
  const spaceAbove = anchor.top - POPOVER_GAP - VIEWPORT_MARGIN;
  // Flip only when it does not fit below and above is the roomier side.
  const above = size.height > spaceBelow && spaceAbove > spaceBelow;
  const maxHeight = Math.max(0, Math.min(size.height, above ? spaceAbove : spaceBelow));
  const maxLeft = viewport.width - VIEWPORT_MARGIN - size.width;
  return {
    left: Math.max(VIEWPORT_MARGIN, Math.min(anchor.left, maxLeft)),
    top: above ? anchor.top - POPOVER_GAP - maxHeight : anchor.bottom + POPOVER_GAP,
    maxHeight,
    above,
  };
}
