/**
 * Where this content script runs: the top page, or a frame inside it. A frame
 * belongs to the page the reader is on, so the reader's per-site switch is the
 * top page's site, not the frame's.
 */
import { MIN_FRAME_HEIGHT, MIN_FRAME_WIDTH } from '../../lib/limits';

export const isTopFrame = (): boolean => window === window.top;

/** The hostname of the page in the tab (the top frame's), as far as this frame can tell. */
export function siteHostname(): string {
  if (isTopFrame()) return location.hostname;
  try {
    // A same-origin top page (and about:blank or srcdoc frames, which have no host of their own).
    return window.top!.location.hostname;
  } catch {
    // Cross-origin: Chromium lists the ancestors' origins, the top one last; Firefox does not, and the frame's own site is the best left.
    const top = location.ancestorOrigins?.[location.ancestorOrigins.length - 1];
    try {
      return top ? new URL(top).hostname : location.hostname;
    } catch {
      return location.hostname;
    }
  }
}

/** A frame too small to hold prose worth reading (see MIN_FRAME_WIDTH). */
export const isTinyFrame = (): boolean => !isTopFrame() && (innerWidth < MIN_FRAME_WIDTH || innerHeight < MIN_FRAME_HEIGHT);
