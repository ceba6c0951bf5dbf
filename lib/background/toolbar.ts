/**
 * The toolbar button. Its badge counts the terms marked on the tab's page; one
 * click switches marking off (or on again) for the page's site, remembered in
 * the settings; its context menu opens the side panel.
 *
 * The extension has no `tabs` permission, so a tab carries no URL: the page's
 * content script tells us where it is (`content/ping`). Where none answers
 * (browser pages, our own pages, the PDF viewer) there is nothing to switch,
 * and the button's title says so.
 */
import { browser } from 'wxt/browser';
import type { Reply } from '../messaging/protocol';
import { toggleSite } from '../settings/settings';
import { loadSettings, saveSettings } from '../settings/store';
import { t } from '../ui/i18n';
import { noSite, unavailable, type Badge } from './badge';
import { openPanel } from './panel';

export const PANEL_MENU_ID = 'minutes-lens-open-panel';

type Tab = { id?: number; windowId?: number };

/** Chrome and Firefox MV3 have `action`; Firefox MV2 still calls it `browserAction`. */
function actionApi(): typeof browser.action {
  const b = browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action };
  return (b.action ?? b.browserAction)!;
}

/** Shows `badge` on one tab; a tab closed meanwhile is no error worth reporting. */
export async function showBadge(tabId: number, badge: Badge): Promise<void> {
  const action = actionApi();
  await Promise.all([action.setBadgeText({ tabId, text: badge.text }), action.setTitle({ tabId, title: badge.title })]).catch(
    () => undefined,
  );
}

/**
 * Switches marking for the site in `tab` the other way. The content scripts of
 * that site follow the stored settings and report their new badge; this only
 * writes the settings. Never rejects: a listener's rejection would go unseen.
 */
export async function toggleTab(tab: Tab): Promise<void> {
  const tabId = tab.id;
  if (tabId === undefined) return;
  try {
    // The top frame's page is the site (frames follow it).
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'content/ping', payload: {} }, { frameId: 0 }).catch(() => undefined)) as
      | Reply<'content/ping'>
      | undefined;
    if (!reply?.ok) return await showBadge(tabId, unavailable());
    let hostname = '';
    try {
      hostname = new URL(reply.value.url).hostname;
    } catch {
      // not a URL we can read a site from
    }
    const settings = await loadSettings();
    const next = toggleSite(settings, hostname);
    if (next === settings) return await showBadge(tabId, noSite()); // file: pages and the like have no site
    const saved = await saveSettings(next);
    if (!saved.ok) console.warn('Minutes Lens: could not save the settings', saved.error);
  } catch (e) {
    console.warn('Minutes Lens: the toolbar button failed', e);
  }
}

export function setUpToolbar(): void {
  browser.runtime.onInstalled.addListener(() => {
    // MV2 (Firefox) names the button's menu context 'browser_action'.
    const context = browser.runtime.getManifest().manifest_version === 2 ? 'browser_action' : 'action';
    browser.contextMenus.create({ id: PANEL_MENU_ID, title: t('menuOpenPanel'), contexts: [context] });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== PANEL_MENU_ID) return;
    // At once, inside the click's gesture: browsers open panels only then.
    void openPanel(tab?.id, tab?.windowId);
  });

  actionApi().onClicked.addListener((tab) => void toggleTab(tab));
}
