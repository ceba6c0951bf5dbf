/**
 * Firefox pages as the shared page readers (../support/page.ts) drive them:
 * a page or frame in its own world, a page seen from a WebDriver BiDi sandbox,
 * and window-taking functions run in a tab (as inSidebar runs them on the sidebar).
 */
import type { Frame, Page } from 'puppeteer-core';
import type { Driven } from '../support/page';
import { VIEWPORT, bidiValue, contextOf, fromJson, jsonCall, type FirefoxExtension } from './harness';

/** A Puppeteer page as the shared page readers (../support/page.ts) drive it. */
export function puppeteerDriven(page: Page): Driven {
  // WebDriver refuses pointer moves outside the viewport; a reader's pointer stays inside it too.
  const clamp = (n: number, max: number) => Math.min(Math.max(n, 0), max - 1);
  return {
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>,
    move: (x, y, steps) => page.mouse.move(clamp(x, VIEWPORT.width), clamp(y, VIEWPORT.height), { steps }),
  };
}

/** A frame of `page` for the page readers: they read the frame, the pointer moves in the page's viewport. */
export function frameDriven(page: Page, frame: Frame): Driven {
  return {
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => frame.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>,
    move: puppeteerDriven(page).move,
  };
}

/**
 * A page read from a WebDriver BiDi sandbox instead of the page's own world:
 * Firefox gives a sandbox Xray views of the DOM, so a page that overwrote
 * built-ins (Array.prototype.map, createRange, Promise.prototype.then…) breaks
 * nothing the readers use. Results come back as JSON.
 */
export function sandboxedDriven(ff: FirefoxExtension, page: Page, frame?: Frame): Driven {
  const context = frame ? (frame as unknown as { _id: string })._id : contextOf(page);
  return {
    evaluate: async <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => {
      const expression = jsonCall(fn, JSON.stringify(arg ?? null));
      const reply = await ff.bidi('script.evaluate', { expression, target: { context, sandbox: 'minutes-lens-tests' }, awaitPromise: true, resultOwnership: 'none' });
      return bidiValue<R>(reply.result, "in the page's sandbox");
    },
    move: puppeteerDriven(page).move,
  };
}

/**
 * Runs `fn(window, arg)` in `page`: the same window-taking functions run on a
 * tab's page and on the sidebar's (see inSidebar in ./browser-ui.ts).
 */
export async function inWindow<A, R>(page: Page, fn: (w: Window & typeof globalThis, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  return fromJson<R>(await page.evaluate(jsonCall(fn, 'window', JSON.stringify(arg ?? null))));
}
