/** The popover's frame and states: the term, looking up, none, an error, and "see all". The remarks are `hits.tsx`. */
import { t } from '../../../lib/ui/i18n';
import { h } from './dom';

export function header(term: string, english: string | undefined): HTMLElement {
  return h('header', {}, h('span', { class: 'term', lang: 'ja' }, term), english && h('span', { class: 'en', lang: 'en' }, english));
}

export function status(text: string, error = false): HTMLElement {
  return h('p', { class: error ? 'status error' : 'status', role: 'status' }, text);
}

export function footer(onAll: () => void): HTMLElement {
  const all = h('button', { type: 'button', class: 'all' }, t('popoverAll'));
  all.addEventListener('click', onAll);
  return h('footer', {}, all);
}
