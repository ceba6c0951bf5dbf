/**
 * "Add this page to my library": an item in the toolbar button's menu and in
 * the page's context menu. The page's content script reads the minutes from
 * the document it already has (nothing is downloaded again); the background
 * parses them, refuses a page that holds none, stores the rest, and says on
 * the page what became of it.
 */
import { browser } from 'wxt/browser';
import { parseDocument, looksLikeMinutes } from '../extract/minutes';
import type { LibraryOutcome, Reply } from '../messaging/protocol';
import { t } from '../ui/i18n';
import type { Library } from './library';
import { problemText } from '../ui/library-problems';

export const ADD_PAGE_MENU_ID = 'minutes-lens-add-page';

async function notify(tabId: number, text: string, tone: 'done' | 'problem'): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: 'content/notice', payload: { text, tone } }, { frameId: 0 }).catch(() => undefined);
}

/** Reads the tab's page and adds its minutes; the outcome, for tests and callers that want it. */
export async function addPage(tabId: number, library: Library): Promise<LibraryOutcome | null> {
  const reply = (await browser.tabs
    .sendMessage(tabId, { type: 'content/page-minutes', payload: {} }, { frameId: 0 })
    .catch(() => undefined)) as Reply<'content/page-minutes'> | undefined;
  // No content script here (a browser page, the PDF viewer, our own pages): nothing to read.
  if (!reply?.ok) return null;
  const { text, url, publisher, title } = reply.value;
  const parsed = parseDocument({ format: 'html', text, url, publisher, pages: null, warnings: [] }, url);
  if (text.trim() === '' || !looksLikeMinutes(parsed)) {
    await notify(tabId, t('noticeNoMinutes'), 'problem');
    return { refused: { name: url, problem: 'not-minutes', detail: title } };
  }
  const outcome = await library.outcome({ name: url, size: new TextEncoder().encode(text).length, format: 'html' }, parsed, text);
  await notify(
    tabId,
    'added' in outcome ? t('noticeAdded', outcome.added.title) : problemText(outcome.refused.problem, outcome.refused.detail),
    'added' in outcome ? 'done' : 'problem',
  );
  return outcome;
}

export function setUpAddPage(library: () => Library): void {
  browser.runtime.onInstalled.addListener(() => {
    // MV2 (Firefox) names the button's menu context 'browser_action'.
    const action = browser.runtime.getManifest().manifest_version === 2 ? 'browser_action' : 'action';
    browser.contextMenus.create({ id: ADD_PAGE_MENU_ID, title: t('menuAddPage'), contexts: ['page', action] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ADD_PAGE_MENU_ID || tab?.id === undefined) return;
    void addPage(tab.id, library()).catch((e: unknown) => console.warn('Minutes Lens: adding the page failed', e));
  });
}
