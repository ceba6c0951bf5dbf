import { setUpAddPage } from '../lib/background/add-page';
import { FrameMarks } from '../lib/background/frame-marks';
import { answer, type BackgroundMessage } from '../lib/background/handlers';
import { getIndex } from '../lib/background/index-loader';
import { Library } from '../lib/background/library';
import { LIBRARY_CHANGED_KEY, openPanel, showQuery } from '../lib/background/panel';
import { setUpSelectionLookup } from '../lib/background/selection-lookup';
import { setUpToolbar, showBadge } from '../lib/background/toolbar';
import { LibraryStore } from '../lib/library/store';
import { isLibraryMessage, parseMessage, type PanelView } from '../lib/messaging/protocol';

// The background service worker holds the index (the shipped minutes and the
// reader's library) and answers lookups from the extension's own pages and
// content scripts, and from nothing else.
export default defineBackground(() => {
  // The asset is built into public/ at build time, so WXT's typed PublicPath may not list it yet.
  const urlOf = browser.runtime.getURL as (path: string) => string;
  const ownPages = urlOf('/');
  let store: Promise<LibraryStore> | undefined;
  const openStore = () => (store ??= LibraryStore.open().catch((e: unknown) => {
    store = undefined;
    throw e;
  }));
  const index = () => getIndex((path) => urlOf(`/${path}`), openStore);
  const library = new Library(openStore, index, () => {
    void browser.storage.session.set({ [LIBRARY_CHANGED_KEY]: Date.now() });
  });
  const frameMarks = new FrameMarks();
  // A tab loading a new page drops its old frames' counts (the status needs no `tabs` permission).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') frameMarks.forget(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => frameMarks.forget(tabId));
  const context = {
    frameMarks,
    index,
    library,
    openPage: async (path: string) => {
      await browser.tabs.create({ url: urlOf(path) });
    },
    openSearch: async (query: string, tabId: number | undefined, view?: PanelView) => {
      await showQuery(openPanel(tabId, undefined), query, view);
    },
    showBadge,
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseMessage(raw);
    if (!message) {
      console.warn('Minutes Lens: ignored an unknown message', raw);
      return undefined;
    }
    if (message.type.startsWith('content/')) return undefined; // for content scripts, not us
    // The library is the reader's: only the extension's own pages may change or read it, never a content script.
    if (isLibraryMessage(message) && !sender.url?.startsWith(ownPages)) {
      console.warn('Minutes Lens: ignored a library message from outside the extension pages', message.type);
      return undefined;
    }
    return answer(message as BackgroundMessage, context, { tabId: sender.tab?.id, frameId: sender.frameId });
  });

  setUpSelectionLookup();
  setUpToolbar();
  setUpAddPage(() => library);
});
