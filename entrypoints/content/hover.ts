/**
 * Resting the pointer on a term opens its popover; leaving both the term and
 * the popover closes it. Only pointer moves are watched, passively: clicks are
 * never touched, so a term inside a link still follows the link.
 *
 * What lies under the pointer is asked once it has come to rest, not at every
 * move: a moving pointer costs a timer restart, and the text is read as the
 * page shows it at that moment (see hit-test.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Popover } from './popover/popover';
import { isOn, termAt } from './hit-test';
import type { TextMatcher } from './text-matcher';
import { CLOSE_GRACE_MS, REST_SLOP_PX } from '../../lib/limits';
import { Timer } from './timer';

export interface HoverParts {
  texts: TextMatcher;
  popover: Popover;
  /** Read at each rest, so a changed setting applies to the next popover. */
  restMs: () => number;
  /** Terms answer only where marking is on (the reader's per-site switch). */
  isOn: () => boolean;
}

export function watchHover(ctx: ContentScriptContext, { texts, popover, restMs, isOn: marking }: HoverParts): void {
  const rest = new Timer(ctx);
  const leave = new Timer(ctx);
  /** Where the pointer is, and the innermost element under it (inside open shadow roots). */
  let at: { x: number; y: number; target: EventTarget | null } | null = null;
  /** Where the pointer was when the countdown to a rest began. */
  let still = { x: NaN, y: NaN };

  const closeSoon = () => {
    // A reader who tabbed into the popover keeps it while the mouse wanders.
    if (popover.hit && !popover.hasFocus()) leave.startIfIdle(() => popover.close(), CLOSE_GRACE_MS);
  };

  const rested = () => {
    const start = performance.now();
    if (!at || !ctx.isValid || !marking()) return;
    const hit = termAt(texts, at.target, at.x, at.y);
    if (!hit) return;
    // Still on the term whose popover is open (the page may have re-rendered it since): keep it.
    if (popover.hit && popover.hit.termId === hit.termId && isOn(popover.hit, at.x, at.y)) return;
    leave.cancel();
    popover.open(hit, start);
  };

  ctx.addEventListener(
    document,
    'pointermove',
    (event: PointerEvent) => {
      if (event.pointerType === 'touch') return;
      if (popover.isEventInside(event)) {
        at = null;
        rest.cancel();
        leave.cancel();
        return;
      }
      const { clientX: x, clientY: y } = event;
      // The innermost target: `event.target` stops at the host of a web component's shadow root.
      at = { x, y, target: event.composedPath()[0] ?? null };
      if (popover.hit) {
        if (isOn(popover.hit, x, y)) leave.cancel();
        else closeSoon();
      }
      // A hand on a mouse trembles: a few pixels' drift is still resting.
      if (rest.pending && Math.abs(x - still.x) <= REST_SLOP_PX && Math.abs(y - still.y) <= REST_SLOP_PX) return;
      still = { x, y };
      rest.start(rested, restMs());
    },
    { passive: true, capture: true },
  );

  // The pointer left the window: no more moves will tell us.
  ctx.addEventListener(
    document,
    'mouseout',
    (event: MouseEvent) => {
      if (event.relatedTarget !== null) return;
      at = null;
      rest.cancel();
      closeSoon();
    },
    { passive: true },
  );
}
