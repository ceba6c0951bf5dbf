/**
 * The reader's pointer in the browser tests: where the nth occurrence of a
 * text is, and resting the pointer there as a reader does (arriving from
 * elsewhere, then still), until the popover opens.
 */
import type { Page } from 'playwright-core';

export const HOST = 'minutes-lens-root';
export const DIALOG = `${HOST} [role=dialog]`;

export interface Box {
  x: number;
  y: number;
  top: number;
  bottom: number;
}

/**
 * The centre of occurrence `n` (0 for the first) of `text` in the page's prose
 * (not in form fields, editors or scripts), in document order, scrolled into
 * the middle of the viewport.
 */
export function occurrenceCentre(page: Page, text: string, n: number): Promise<Box> {
  return page.evaluate(
    ({ text, n }) => {
      let seen = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('textarea, [contenteditable], script')) continue;
        for (let at = (node as Text).data.indexOf(text); at >= 0; at = (node as Text).data.indexOf(text, at + text.length)) {
          if (seen++ < n) continue;
          node.parentElement!.scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          const r = range.getClientRects()[0]!;
          return { x: r.left + r.width / 2, y: r.top + r.height / 2, top: r.top, bottom: r.bottom };
        }
      }
      throw new Error(`no occurrence ${n} of ${text}`);
    },
    { text, n },
  );
}

/** Moves the pointer to `at` from a little way off, and waits for the popover (its dialog) to open. */
export async function restOn(page: Page, at: { x: number; y: number }, timeout = 5_000): Promise<void> {
  await page.mouse.move(at.x - 40, at.y + 60);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  await page.locator(DIALOG).waitFor({ timeout });
}

/** The term the open popover is about, as its heading shows it. */
export const popoverTerm = (page: Page): Promise<string | null> => page.locator(`${DIALOG} .term`).textContent();
