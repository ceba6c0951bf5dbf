/**
 * Looking up what the reader selected: a context-menu item on selections, and
 * a keyboard shortcut (changeable in the browser's shortcut settings) that asks
 * the page's content script for its selection.
 */
import { browser } from 'wxt/browser';
import type { Reply } from '../messaging/protocol';
import { t } from '../ui/i18n';
import { queryFromSelection } from '../ui/selection';
import { openPanel, showQuery } from './panel';

export const MENU_ID = 'minutes-lens-lookup';
export const COMMAND = 'lookup-selection';

export function setUpSelectionLookup(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      // %s (kept by the message) is the browser's own placeholder for the selection: it inserts it as text.
      title: t('menuLookupSelection'),
      contexts: ['selection'],
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    const opening = openPanel(tab?.id, tab?.windowId);
    const query = queryFromSelection(info.selectionText);
    if (query) void showQuery(opening, query);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== COMMAND) return;
    const opening = openPanel(tab?.id, tab?.windowId);
    void (async () => {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId === undefined) return;
      const reply = (await browser.tabs.sendMessage(tabId, { type: 'content/selection', payload: {} }).catch(() => undefined)) as
        | Reply<'content/selection'>
        | undefined;
      const query = reply?.ok ? queryFromSelection(reply.value.text) : null;
      if (query) await showQuery(opening, query);
    })();
  });
}
