/**
 * The keyboard while a popover is open: Tab brings focus into it (unless the
 * reader is typing somewhere), Escape closes it and gives focus back. With no
 * popover open, no key is touched.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Popover } from './popover/popover';

function isTyping(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  // A focused frame gets its own keys; these never reach us, but be safe.
  return el.matches('input, textarea, select, iframe, object, embed');
}

export function watchKeys(ctx: ContentScriptContext, popover: Popover): void {
  ctx.addEventListener(
    document,
    'keydown',
    (event: KeyboardEvent) => {
      if (!popover.hit || event.defaultPrevented) return;
      const inside = popover.hasFocus();
      if (event.key === 'Escape') {
        popover.close();
        // A key pressed in our popover is ours; the page's own Escape handling sees the others.
        if (inside) event.stopPropagation();
      } else if (event.key === 'Tab' && !inside && !event.altKey && !event.ctrlKey && !event.metaKey && !isTyping(document.activeElement)) {
        if (popover.focusFirst()) event.preventDefault();
      }
    },
    { capture: true },
  );

  // Scrolling moves the term away from the popover: close rather than float over the wrong line.
  const onScroll = () => popover.close();
  ctx.addEventListener(window, 'scroll', onScroll, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', onScroll, { passive: true });
}
