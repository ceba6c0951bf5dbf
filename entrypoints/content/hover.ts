/**
 * Resting the pointer on a marked term opens its popover; leaving both the
 * term and the popover closes it. Only pointer moves are watched, passively:
 * clicks are never touched, so a term inside a link still follows the link.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Mark, MarkStore } from './marks';
import type { Popover } from './popover/popover';
import { boxOf, markAt } from './caret';
import { CLOSE_GRACE_MS } from '../../lib/limits';
import { Timer } from './timer';

/** `restMs` is read at each rest, so a changed setting applies to the next popover. */
export function watchHover(
  ctx: ContentScriptContext,
  marks: MarkStore,
  popover: Popover,
  restMs: () => number,
  shadowRoots: () => ShadowRoot[],
): void {
  const rest = new Timer(ctx);
  const leave = new Timer(ctx);
  /** The term the pointer is on, counting down to its popover. */
  let resting: Mark | null = null;

  const away = () => {
    resting = null;
    rest.cancel();
    // A reader who tabbed into the popover keeps it while the mouse wanders.
    if (popover.mark && !popover.hasFocus()) leave.startIfIdle(() => popover.close(), CLOSE_GRACE_MS);
  };

  ctx.addEventListener(
    document,
    'pointermove',
    (event: PointerEvent) => {
      if (event.pointerType === 'touch') return;
      if (popover.isEventInside(event)) {
        resting = null;
        rest.cancel();
        leave.cancel();
        return;
      }
      // The innermost target: `event.target` stops at the host of a web component's shadow root.
      const hit = markAt(marks, event.composedPath()[0] ?? null, event.clientX, event.clientY, shadowRoots);
      if (!hit) return away();
      if (hit.mark === popover.mark) {
        resting = hit.mark;
        rest.cancel();
        leave.cancel();
        return;
      }
      if (popover.mark) leave.startIfIdle(() => popover.close(), CLOSE_GRACE_MS);
      if (resting === hit.mark) return;
      resting = hit.mark;
      const { clientX: x, clientY: y } = event;
      rest.start(() => {
        // Measured again now: the page may have moved since the pointer arrived,
        // and the mark may be gone (marking switched off for the site meanwhile).
        if (resting !== hit.mark || !hit.mark.node.isConnected || !marks.has(hit.mark)) return;
        leave.cancel();
        popover.open(hit.mark, boxOf(hit.mark, x, y));
      }, restMs());
    },
    { passive: true, capture: true },
  );

  // The pointer left the window: no more moves will tell us.
  ctx.addEventListener(
    document,
    'mouseout',
    (event: MouseEvent) => {
      if (event.relatedTarget === null) away();
    },
    { passive: true },
  );
}
