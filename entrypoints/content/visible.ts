/**
 * Runs `start` once the page can be seen: at once for the page in front, and
 * for a tab opened in the background (or a page being prerendered) only when
 * the reader brings it forward. Twenty tabs restored at start-up then cost
 * nothing until they are read.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const hidden = () => document.visibilityState === 'hidden' || (document as { prerendering?: boolean }).prerendering === true;

export function whenVisible(ctx: ContentScriptContext, start: () => void): void {
  if (!hidden()) return start();
  const check = () => {
    if (hidden() || !ctx.isValid) return;
    document.removeEventListener('visibilitychange', check);
    document.removeEventListener('prerenderingchange', check);
    start();
  };
  document.addEventListener('visibilitychange', check);
  document.addEventListener('prerenderingchange', check);
  ctx.onInvalidated(() => {
    document.removeEventListener('visibilitychange', check);
    document.removeEventListener('prerenderingchange', check);
  });
}
