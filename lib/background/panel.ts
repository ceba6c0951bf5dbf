/**
 * Opening the search beside the page: Chrome's side panel or Firefox's
 * sidebar, with the query handed over through session storage (the panel reads
 * it when it loads and follows later changes). Where no panel can be opened,
 * the search page opens in a tab instead.
 *
 * The panel must be opened first, before anything is awaited: browsers allow
 * it only while the reader's gesture (a click, a menu item, a shortcut) lasts.
 */
import { browser } from 'wxt/browser';
import { searchUrl } from '../ui/urls';

/** The session-storage key the side panel reads its query from. */
export const PENDING_QUERY_KEY = 'pendingQuery';

export interface PendingQuery {
  query: string;
  /** When it was asked for: the same query asked twice is still a new request. */
  at: number;
}

type SidePanelApi = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

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
    if (sidebar) return sidebar.open().then(() => true, () => false);
  } catch {
    // fall through: no panel here
  }
  return Promise.resolve(false);
}

export async function showQuery(opening: Promise<boolean>, query: string): Promise<void> {
  const pending: PendingQuery = { query, at: Date.now() };
  await browser.storage.session.set({ [PENDING_QUERY_KEY]: pending });
  if (!(await opening)) await browser.tabs.create({ url: browser.runtime.getURL(searchUrl(query) as '/search.html') });
}
