/**
 * Reading a web page the way both browser suites need to: where a text sits
 * (for the pointer to rest on it), what our highlight holds, and what the
 * popover shows. Each reader is a function run inside the page, so the same
 * code serves Playwright's pages (Chromium) and Puppeteer's (Firefox); each
 * suite wraps its page in a `Driven` (see `playwrightDriven` in ../harness.ts
 * and `puppeteerDriven` in ../firefox/harness.ts).
 *
 * The popover is read only by facts its markup keeps: the `minutes-lens-root`
 * host with an open shadow root, one `[role=dialog]` with an accessible name,
 * remarks as elements with `data-remark-id`, dates in `time[datetime]`,
 * buttons by their names. Class names are the content script's to change.
 */

/** What the readers need of a page, whichever library drives it. */
export interface Driven {
  /** Runs `fn(arg)` in the page's own world and returns its (JSON-like) result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Moves the pointer to the viewport point, in `steps` moves. */
  move(x: number, y: number, steps?: number): Promise<void>;
}

export interface Point {
  x: number;
  y: number;
  top: number;
  bottom: number;
}

/**
 * The centre of the first occurrence of `text` in the page's prose (not in form
 * fields, editors or scripts), scrolled into view: where a reader's pointer rests.
 */
export function textCentre(page: Driven, text: string): Promise<Point> {
  return page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at < 0 || node.parentElement?.closest('textarea, [contenteditable], script')) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, top: r.top, bottom: r.bottom };
    }
    throw new Error(`no text ${text}`);
  }, text);
}

/** Moves the pointer onto `text`, arriving from below and to the left as a reader's pointer does. */
export async function restOn(page: Driven, text: string): Promise<Point> {
  const at = await textCentre(page, text);
  await page.move(at.x - 40, at.y + 60);
  await page.move(at.x, at.y, 4);
  return at;
}

/** The ranges our highlight holds, as the page's own scripts see them (the registry is the document's); null without one. */
export function highlighted(page: Driven): Promise<{ text: string; live: boolean }[] | null> {
  return page.evaluate(() => {
    const highlight = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights.get('minutes-lens') : undefined;
    return highlight
      ? [...highlight].map((r) => ({
          text: r.toString(),
          live: r.startContainer.isConnected && !r.collapsed && r.startContainer.nodeType === Node.TEXT_NODE,
        }))
      : null;
  }, null);
}

/** The CSS rules of the document's adopted sheets, and how many of our elements the page's DOM holds. */
export function pageStyling(page: Driven): Promise<{ rules: string; elements: number }> {
  return page.evaluate(
    () => ({
      rules: document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'),
      elements: document.querySelectorAll('mark, minutes-lens-root').length,
    }),
    null,
  );
}

export interface PopoverRemark {
  id: string;
  /** `time[datetime]` of the remark's meeting. */
  date: string | null;
  text: string;
  /** Text of the emphasised words (`mark` elements). */
  marks: string[];
  buttons: string[];
}

export interface PopoverView {
  /** The dialog's accessible name. */
  label: string;
  text: string;
  remarks: PopoverRemark[];
  /** Names of every button in the dialog. */
  buttons: string[];
  marks: string[];
  box: { x: number; y: number; width: number; height: number };
  background: string;
  /** Computed `position` of the host element (the page's CSS must not reach it). */
  hostPosition: string;
  /** What has the focus inside the popover (a button's name), or null. */
  focused: string | null;
}

/** What the open popover shows, or null when none is open. */
export function readPopover(page: Driven): Promise<PopoverView | null> {
  return page.evaluate(() => {
    const name = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    for (const host of document.querySelectorAll('minutes-lens-root')) {
      const dialog = host.shadowRoot?.querySelector('[role=dialog]');
      if (!dialog) continue;
      const labelledBy = dialog.getAttribute('aria-labelledby');
      const label =
        dialog.getAttribute('aria-label') ??
        (labelledBy ? (host.shadowRoot!.getElementById(labelledBy)?.textContent ?? '') : '');
      const r = dialog.getBoundingClientRect();
      const active = host.shadowRoot!.activeElement;
      return {
        label,
        text: dialog.textContent ?? '',
        remarks: [...dialog.querySelectorAll('[data-remark-id]')].map((item) => ({
          id: item.getAttribute('data-remark-id')!,
          date: item.querySelector('time')?.getAttribute('datetime') ?? null,
          text: item.textContent ?? '',
          marks: [...item.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
          buttons: [...item.querySelectorAll('button')].map(name),
        })),
        buttons: [...dialog.querySelectorAll('button')].map(name),
        marks: [...dialog.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        background: getComputedStyle(dialog).backgroundColor,
        hostPosition: getComputedStyle(host).position,
        focused: active ? name(active) : null,
      };
    }
    return null;
  }, null);
}

/**
 * Waits for the popover (by default with its remarks listed, as they arrive
 * from the background after the dialog opens) and returns it.
 */
export async function waitForPopover(
  page: Driven,
  options: { remarks?: boolean; timeoutMs?: number } = {},
): Promise<PopoverView> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const view = await readPopover(page);
    if (view && (options.remarks === false || view.remarks.length > 0)) return view;
    if (Date.now() > deadline) throw new Error(view ? 'the popover listed no remarks' : 'no popover opened');
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

/** Waits until no popover is open. */
export async function waitForNoPopover(page: Driven, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await readPopover(page)) {
    if (Date.now() > deadline) throw new Error('the popover stayed open');
    await new Promise((wake) => setTimeout(wake, 50));
  }
}

/**
 * The centre of the popover's button named `name` (inside the remark `remarkId`,
 * if given), in viewport coordinates: where a reader clicks it.
 */
export function popoverButton(page: Driven, name: string, remarkId?: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ name, remarkId }) => {
      for (const host of document.querySelectorAll('minutes-lens-root')) {
        const dialog = host.shadowRoot?.querySelector('[role=dialog]');
        const scope = remarkId ? dialog?.querySelector(`[data-remark-id="${CSS.escape(remarkId)}"]`) : dialog;
        const button = [...(scope?.querySelectorAll('button') ?? [])].find(
          (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name,
        );
        if (!button) continue;
        const r = button.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error(`no popover button ${name}`);
    },
    { name, remarkId },
  );
}
