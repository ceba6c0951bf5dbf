/** The popover's contents for each state: looking up, related remarks, none, or an error. */
import type { HitView } from '../../../lib/search/views';
import { t, uiLanguage } from '../../../lib/ui/i18n';
import { h } from './dom';

export function header(term: string, english: string | undefined): HTMLElement {
  return h('header', {}, h('span', { class: 'term', lang: 'ja' }, term), english && h('span', { class: 'en', lang: 'en' }, english));
}

export function status(text: string, error = false): HTMLElement {
  return h('p', { class: error ? 'status error' : 'status', role: 'status' }, text);
}

export function hitList(hits: readonly HitView[], onOpen: (remarkId: string) => void): HTMLElement {
  return h('ol', { 'aria-label': t('popoverList') }, ...hits.map((hit) => hitItem(hit, onOpen)));
}

function hitItem({ remark, meeting, snippet, yours }: HitView, onOpen: (remarkId: string) => void): HTMLElement {
  const open = h('button', { type: 'button', class: 'open' }, t('popoverOpen'));
  open.addEventListener('click', () => onOpen(remark.id));
  const meta = [meeting.committee ?? meeting.title, meeting.number !== null ? t('meetingNth', String(meeting.number)) : null]
    .filter((part): part is string => part !== null)
    .join(' ');
  return h(
    'li',
    { 'data-remark-id': remark.id },
    h(
      'div',
      { class: 'who' },
      h('span', { class: 'speaker' }, remark.speaker ?? t('noSpeaker')),
      remark.speaker !== null && remark.role !== null && ' ',
      remark.speaker !== null && remark.role !== null && h('span', { class: 'role' }, remark.role),
      yours && ' ',
      yours && h('span', { class: 'yours' }, t('yoursMark')),
    ),
    h('div', { class: 'meta' }, meta, meeting.date !== null && ' · ', meeting.date !== null && dateView(meeting.date)),
    h('p', { class: 'snippet', lang: 'ja' }, ...marked(snippet.text, snippet.ranges)),
    open,
  );
}

/** 2020-10-29 → 2020年10月29日 (as the minutes write dates) in Japanese, October 29, 2020 in English. */
let longDate: Intl.DateTimeFormat | undefined;
const LONG_DATE = () => (longDate ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeZone: 'UTC' }));

function dateView(iso: string): HTMLElement {
  const [y, m, d] = iso.split('-').map(Number);
  return h('time', { datetime: iso }, y && m && d ? LONG_DATE().format(Date.UTC(y, m - 1, d)) : iso);
}

/** The snippet's text with its matched ranges in <mark>. */
function marked(text: string, ranges: readonly [number, number][]): (string | HTMLElement)[] {
  const parts: (string | HTMLElement)[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start || end > text.length) continue; // malformed: show the text plainly
    if (start > at) parts.push(text.slice(at, start));
    parts.push(h('mark', {}, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

export function footer(onAll: () => void): HTMLElement {
  const all = h('button', { type: 'button', class: 'all' }, t('popoverAll'));
  all.addEventListener('click', onAll);
  return h('footer', {}, all);
}
