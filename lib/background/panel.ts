/**
 * Opening the search beside the page: Chrome's side panel or Firefox's
 * sidebar, with the query handed over through session storage (the panel reads
 * it when it loads and follows later changes). Where no panel can be opened,
 * the search page opens in a tab instead, and the query is taken back.
 *
 * The panel must be opened first, before anything is awaited: browsers allow
 * it only while the reader's gesture (a click, a menu item, a shortcut) lasts.
 * Firefox allows sidebarAction.open() only in a user-input handler of the
 * background itself (its menus, commands, toolbar button), so the popover's
 * "see all", a message from a content script, never opens the sidebar there.
 */
import { browser } from 'wxt/browser';
import type { PanelView } from '../messaging/protocol';
import { searchUrl } from '../ui/urls';

/** The session-storage key the side panel reads its query from. */
export const PENDING_QUERY_KEY = 'pendingQuery';

/**
 * The session-storage key the background bumps when the reader's library
 * changes: open panels search again, so their results and timelines include
 * what was just added and lose what was removed.
 */
export const LIBRARY_CHANGED_KEY = 'libraryChangedAt';

export interface PendingQuery {
  query: string;
  /** The view to show it on; the results when absent. */
  view?: PanelView;
  /** When it was asked for: the same query asked twice is still a new request. */
  at: number;
}

type SidePanelApi = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type SidebarApi = { open(): Promise<void>; isOpen(details: object): Promise<boolean> };

/** Starts opening the panel (synchronously, inside the gesture); resolves false if there is none. */
export function openPanel(tabId: number | undefined, windowId: number | undefined): Promise<boolean> {
  const g = globalThis as { chrome?: { sidePanel?: SidePanelApi } };
  const sidebar = (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;
  try {
    if (g.chrome?.sidePanel) {
      return g.chrome.sidePanel
        .open(tabId !== undefined ? { tabId } : { windowId: windowId! })
        .then(() => true, () => false);
    }
    if (sidebar) {
      let opened: Promise<void>;
      try {
        opened = sidebar.open();
      } catch (e) {
        opened = Promise.reject(e); // refused at once: no user input
      }
      // Refused without user input; a sidebar of ours already open (in the window the reader is in) still takes the query.
      return opened.then(() => true, () => sidebar.isOpen({}).catch(() => false));
    }
  } catch {
    // fall through: no panel here
  }
  return Promise.resolve(false);
}

/**
 * Hands `query` to the panel being opened; if none opens, opens the search
 * page on it instead and takes the query back: left in storage, it would be
 * the query of the next panel the reader opens, days later, for another question.
 */
export async function showQuery(opening: Promise<boolean>, query: string, view?: PanelView): Promise<void> {
  const pending: PendingQuery = { query, at: Date.now(), ...(view && view !== 'results' ? { view } : {}) };
  // Stored before the panel is known to open: a panel that opens at once reads it as it loads.
  await browser.storage.session.set({ [PENDING_QUERY_KEY]: pending });
  if (await opening) return;
  await takeBack(pending);
  await browser.tabs.create({ url: browser.runtime.getURL(searchUrl(query, view) as '/search.html') });
}

/** Removes `pending` from session storage unless a newer query has replaced it. */
async function takeBack(pending: PendingQuery): Promise<void> {
  const stored = (await browser.storage.session.get(PENDING_QUERY_KEY))[PENDING_QUERY_KEY] as Partial<PendingQuery> | undefined;
  if (stored?.at === pending.at && stored.query === pending.query && stored.view === pending.view) await browser.storage.session.remove(PENDING_QUERY_KEY);
}
