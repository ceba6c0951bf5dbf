/**
 * What the toolbar button says for a tab: the number of terms marked on its
 * page, or that marking is off there, or that the page is not one we read.
 * Pure but for the browser's i18n, which its unit test stands in for.
 */

import { plural, t } from '../ui/i18n';

export interface Badge {
  text: string;
  title: string;
}

/** The badge for a page with `count` terms marked, marking `on` or off for its site. */
export function badgeFor(count: number, on: boolean): Badge {
  if (!on) return { text: t('badgeOff'), title: t('badgeSwitchedOff') };
  // Empty at 0: a badge on every page without terms would be noise.
  return { text: count > 0 ? String(count) : '', title: plural(count, 'badgeMarkedOne', 'badgeMarkedOther') };
}

/** For a page whose content script does not answer (a browser page, our own pages, a PDF viewer). */
export const unavailable = (): Badge => ({ text: '', title: t('badgeUnavailable') });
export const noSite = (): Badge => ({ text: '', title: t('badgeNoSite') });
