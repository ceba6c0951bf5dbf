/**
 * What the toolbar button says for a tab: the number of terms marked on its
 * page, or that marking is off there, or that the page is not one we read.
 * Pure, so it is tested without a browser.
 */

/** Every string the toolbar shows; a later change moves them to browser.i18n. */
export const TEXT = {
  off: 'off',
  title: '議事録レンズ (Minutes Lens)',
  marked: (count: number) =>
    `議事録レンズ: ${count} 語をマーク — クリックでこのサイトではオフ (Minutes Lens: ${count} ${count === 1 ? 'term' : 'terms'} marked; click to switch off on this site)`,
  switchedOff: '議事録レンズ: このサイトではオフ — クリックでオン (Minutes Lens: off on this site; click to switch on)',
  unavailable: '議事録レンズ: このページでは使えません (Minutes Lens does not work on this page)',
  noSite: '議事録レンズ: このページにはサイト名がないため切り替えられません (Minutes Lens: this page has no site name to switch)',
  openPanel: 'サイドパネルを開く (open the side panel)',
};

export interface Badge {
  text: string;
  title: string;
}

/** The badge for a page with `count` terms marked, marking `on` or off for its site. */
export function badgeFor(count: number, on: boolean): Badge {
  if (!on) return { text: TEXT.off, title: TEXT.switchedOff };
  // Empty at 0: a badge on every page without terms would be noise.
  return { text: count > 0 ? String(count) : '', title: TEXT.marked(count) };
}

/** For a page whose content script does not answer (a browser page, our own pages, a PDF viewer). */
export const UNAVAILABLE: Badge = { text: '', title: TEXT.unavailable };
export const NO_SITE: Badge = { text: '', title: TEXT.noSite };
