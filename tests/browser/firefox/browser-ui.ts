/**
 * Firefox's own UI, used as a reader uses it: the sidebar, the page's context
 * menu, the toolbar button and its menu, and key presses that reach the
 * browser's shortcuts. Each is driven from the browser window's chrome
 * (FirefoxExtension.chrome), so what runs in the extension is what a real
 * click or key press runs: the browser's own handlers, with the user input
 * Firefox requires for `sidebarAction.open()`.
 */
import type { Page } from 'puppeteer-core';
import type { FirefoxExtension } from './harness';
import { fromJson, jsonCall, waitFor } from './harness';

/** The chrome globals these scripts use (browser.xhtml's own). */
interface ChromeWindow {
  SidebarController: { show(id: string): Promise<void>; hide(): void; isOpen: boolean; currentID: string; browser: { contentDocument: Document } };
  CustomizableUI: { addWidgetToArea(id: string, area: string): void; AREA_NAVBAR: string };
  Cc: Record<string, { createInstance(iface: unknown): TextInputProcessor }>;
  Ci: { nsITextInputProcessor: unknown };
  KeyboardEvent: typeof KeyboardEvent;
  navigator: Navigator;
  document: Document;
}

/** nsITextInputProcessor: how Firefox's own tests type, as a keyboard or an input method does. */
interface TextInputProcessor {
  beginInputTransactionForTests(window: unknown): boolean;
  keydown(event: KeyboardEvent): void;
  keyup(event: KeyboardEvent): void;
  commitCompositionWith(text: string): boolean;
}

export interface Key {
  key: string;
  code: string;
  keyCode: number;
}

/** The keys the tests press, as the browser's keyboard events describe them. */
export const KEYS = {
  Alt: { key: 'Alt', code: 'AltLeft', keyCode: 18 },
  Shift: { key: 'Shift', code: 'ShiftLeft', keyCode: 16 },
  M: { key: 'M', code: 'KeyM', keyCode: 77 },
  Enter: { key: 'Enter', code: 'Enter', keyCode: 13 },
  Escape: { key: 'Escape', code: 'Escape', keyCode: 27 },
  ArrowDown: { key: 'ArrowDown', code: 'ArrowDown', keyCode: 40 },
  Slash: { key: '/', code: 'Slash', keyCode: 191 },
} satisfies Record<string, Key>;

/**
 * Presses `key` with `modifiers` held, as the keyboard does: the events go to
 * whatever has the focus (a page, the sidebar) and, unless that consumes them,
 * on to the browser's shortcuts, an extension's commands among them.
 */
export function press(ff: FirefoxExtension, key: Key, modifiers: Key[] = []): Promise<void> {
  return ff.chrome(
    ({ key, modifiers }) => {
      const w = globalThis as unknown as ChromeWindow;
      const tip = w.Cc['@mozilla.org/text-input-processor;1']!.createInstance(w.Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(w)) throw new Error('no input transaction');
      const event = (k: Key) => new w.KeyboardEvent('', k);
      for (const m of modifiers) tip.keydown(event(m));
      tip.keydown(event(key));
      tip.keyup(event(key));
      for (const m of [...modifiers].reverse()) tip.keyup(event(m));
    },
    { key, modifiers },
  );
}

/** Types `text` into what has the focus as a Japanese input method commits it: one composition, then its text. */
export function commitText(ff: FirefoxExtension, text: string): Promise<void> {
  return ff.chrome((text) => {
    const w = globalThis as unknown as ChromeWindow;
    const tip = w.Cc['@mozilla.org/text-input-processor;1']!.createInstance(w.Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(w)) throw new Error('no input transaction');
    tip.commitCompositionWith(text);
  }, text);
}

/** The extension's shortcut (Alt+Shift+M), pressed with `page` in front. */
export async function pressShortcut(ff: FirefoxExtension, page: Page): Promise<void> {
  await page.bringToFront();
  await ff.chrome(() => (globalThis as unknown as { gBrowser: { selectedBrowser: { focus(): void } } }).gBrowser.selectedBrowser.focus());
  await press(ff, KEYS.M, [KEYS.Alt, KEYS.Shift]);
}

// ---------------------------------------------------------------- sidebar

export const sidebarId = (ff: FirefoxExtension) => `${ff.widget}-sidebar-action`;

/** Whether the browser's sidebar is open and shows ours. */
export function sidebarShown(ff: FirefoxExtension): Promise<boolean> {
  return ff.chrome((id) => {
    const { SidebarController } = globalThis as unknown as ChromeWindow;
    return SidebarController.isOpen && SidebarController.currentID === id;
  }, sidebarId(ff));
}

/** Opens our sidebar from the browser's sidebar switcher (View ▸ Sidebar ▸ 議事録レンズ), and waits for its search box. */
export async function showSidebar(ff: FirefoxExtension): Promise<void> {
  await ff.chrome(async (id) => {
    // show() can reject while the panel document is still being set up; the panel opens all the same.
    await (globalThis as unknown as ChromeWindow).SidebarController.show(id).catch(() => undefined);
  }, sidebarId(ff));
  await waitForSidebar(ff);
}

/** How the browser's sidebar menus and switcher name our sidebar (the manifest's sidebar_action title). */
export function sidebarLabel(ff: FirefoxExtension): Promise<string | null> {
  return ff.chrome((id) => {
    const { SidebarController } = globalThis as unknown as { SidebarController: { sidebars: Map<string, { label?: string }> } };
    return SidebarController.sidebars.get(id)?.label ?? null;
  }, sidebarId(ff));
}

export function hideSidebar(ff: FirefoxExtension): Promise<void> {
  return ff.chrome(() => (globalThis as unknown as ChromeWindow).SidebarController.hide());
}

/** Waits until our sidebar's page is loaded and its search box is there. */
export async function waitForSidebar(ff: FirefoxExtension, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => sidebarShown(ff), Boolean, 'our sidebar shown', timeoutMs);
  await waitFor(() => inSidebar(ff, (w) => w.document.readyState === 'complete' && w.document.querySelector('input[type="search"]') !== null).catch(() => false), Boolean, 'the sidebar page', timeoutMs);
}

/**
 * Runs `fn(sidebarWindow, arg)` on our sidebar's page. Extension pages share
 * one process in Firefox, and `extension.getViews()` hands the control tab the
 * sidebar's window itself.
 */
export async function inSidebar<A, R>(ff: FirefoxExtension, fn: (w: Window & typeof globalThis, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  const sidebar = `(() => {
    const [w] = browser.extension.getViews({ type: 'sidebar' });
    if (!w) throw new Error('no sidebar page');
    return w;
  })()`;
  return fromJson<R>(await ff.control.evaluate(jsonCall(fn, sidebar, JSON.stringify(arg ?? null))));
}

/** Gives the sidebar's search box the keyboard focus, as a click into it does. */
export async function focusSidebarBox(ff: FirefoxExtension): Promise<void> {
  await ff.chrome(() => {
    const { SidebarController } = globalThis as unknown as ChromeWindow;
    (SidebarController.browser.contentDocument.getElementById('webext-panels-browser') as HTMLElement | null)?.focus();
  });
  await inSidebar(ff, (w) => {
    w.focus();
    w.document.querySelector<HTMLInputElement>('input[type="search"]')!.focus();
  });
  await waitFor(
    () => inSidebar(ff, (w) => w.document.hasFocus() && w.document.activeElement?.matches('input[type="search"]') === true),
    Boolean,
    'the sidebar box focused',
  );
}

// ---------------------------------------------------------------- menus and the toolbar button

/** Our items in a menu of the browser's (ids end in `-menuitem-_<our id>`), visible ones only, with their labels. */
function ourItems(ff: FirefoxExtension, popupId: string): Promise<{ id: string; label: string }[]> {
  return ff.chrome(
    ({ popupId, prefix }) =>
      [...(globalThis as unknown as ChromeWindow).document.getElementById(popupId)!.querySelectorAll('menuitem')]
        .filter((item) => item.id.startsWith(prefix) && !(item as unknown as { hidden: boolean }).hidden)
        .map((item) => ({ id: item.id.slice(prefix.length), label: item.getAttribute('label') ?? '' })),
    { popupId, prefix: `${ff.widget}-menuitem-_` },
  );
}

const menuState = (ff: FirefoxExtension, popupId: string) =>
  ff.chrome((popupId) => (document.getElementById(popupId) as unknown as { state: string }).state, popupId);

/** Right-clicks `point` of `page`, which opens the page's context menu; returns our items in it. */
export async function contextMenuAt(ff: FirefoxExtension, page: Page, point: { x: number; y: number }): Promise<{ id: string; label: string }[]> {
  await page.bringToFront();
  await page.mouse.click(point.x, point.y, { button: 'right' });
  await waitFor(() => menuState(ff, 'contentAreaContextMenu'), (s) => s === 'open', 'the context menu open');
  return ourItems(ff, 'contentAreaContextMenu');
}

/** Opens the toolbar button's context menu (the button pinned to the toolbar first); returns our items in it. */
export async function toolbarMenu(ff: FirefoxExtension): Promise<{ id: string; label: string }[]> {
  await pinToolbarButton(ff);
  await ff.chrome((widget) => {
    const button = document.getElementById(`${widget}-browser-action`)!.querySelector('toolbarbutton')!;
    const r = button.getBoundingClientRect();
    // The right click's event, then the menu on the button: the browser fills in the button's extension items as it shows.
    button.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, button: 2, clientX: r.left + 5, clientY: r.top + 5 }));
    (document.getElementById('toolbar-context-menu') as unknown as { openPopup(anchor: Element, position: string): void }).openPopup(button, 'after_start');
  }, ff.widget);
  await waitFor(() => menuState(ff, 'toolbar-context-menu'), (s) => s === 'open', 'the toolbar menu open');
  return ourItems(ff, 'toolbar-context-menu');
}

/** Chooses our item `id` in the open menu `popupId`, as a click on it does, and waits for the menu to close. */
export async function chooseMenuItem(ff: FirefoxExtension, id: string, popupId = 'contentAreaContextMenu'): Promise<void> {
  await ff.chrome(
    ({ popupId, itemId }) => {
      const { document } = globalThis as unknown as ChromeWindow;
      const menu = document.getElementById(popupId) as unknown as { activateItem(item: Element): void };
      const item = document.getElementById(itemId);
      if (!item) throw new Error(`no menu item ${itemId}`);
      menu.activateItem(item);
    },
    { popupId, itemId: `${ff.widget}-menuitem-_${id}` },
  );
  await waitFor(() => menuState(ff, popupId), (s) => s === 'closed', 'the menu closed');
}

/** Closes an open menu without choosing (Escape, as a reader does). */
export function closeMenu(ff: FirefoxExtension, popupId = 'contentAreaContextMenu'): Promise<void> {
  return ff.chrome((popupId) => (document.getElementById(popupId) as unknown as { hidePopup(): void }).hidePopup(), popupId);
}

/** Puts the toolbar button on the toolbar, as a reader pins it from the extensions menu. */
export function pinToolbarButton(ff: FirefoxExtension): Promise<void> {
  return ff.chrome((widget) => {
    const { CustomizableUI } = globalThis as unknown as ChromeWindow;
    CustomizableUI.addWidgetToArea(`${widget}-browser-action`, CustomizableUI.AREA_NAVBAR);
  }, ff.widget);
}

/** Clicks the toolbar button with `page`'s tab in front. */
export async function clickToolbarButton(ff: FirefoxExtension, page: Page): Promise<void> {
  await pinToolbarButton(ff);
  await page.bringToFront();
  await ff.chrome((widget) => {
    const { document } = globalThis as unknown as ChromeWindow;
    (document.getElementById(`${widget}-browser-action`)!.querySelector('toolbarbutton') as unknown as HTMLElement).click();
  }, ff.widget);
}

/** The text on the system clipboard (Firefox's own, in-memory when headless), read with the chrome's privileges. */
export function clipboardText(ff: FirefoxExtension): Promise<string> {
  return ff.chrome(() => (globalThis as unknown as ChromeWindow).navigator.clipboard.readText());
}
