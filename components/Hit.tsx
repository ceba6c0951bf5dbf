import type { HitView } from '../lib/search/views';
import { t } from '../lib/ui/i18n';
import { Snippet } from './Snippet';

/**
 * One search hit: who said it (speaker, role, 「自分の」 for the reader's own
 * minutes), where and when (committee, meeting number, date) and what (the
 * snippet, matched words marked). The popover on a page and the side panel
 * render this same component (styles in Hit.css), each inside its own list
 * item; the popover adds a button that opens the passage.
 */
export function Hit({ hit, onOpen }: { hit: HitView; onOpen?: () => void }) {
  const { remark: r, meeting: m, snippet, yours } = hit;
  return (
    <>
      <div class="who">
        <span class="speaker">{r.speaker ?? t('noSpeaker')}</span>
        {r.role && <span class="role">{r.role}</span>}
        {yours && <span class="yours" title={t('originYours')}>{t('yoursMark')}</span>}
      </div>
      <div class="where">
        {m.committee ?? m.title}
        {m.number !== null && ` ${t('meetingNth', String(m.number))}`}
        {m.date && ' · '}
        {m.date && <DateView iso={m.date} />}
      </div>
      <Snippet snippet={snippet} />
      {onOpen && (
        <button type="button" class="open" onClick={onOpen}>
          {t('popoverOpen')}
        </button>
      )}
    </>
  );
}

let longDates: Intl.DateTimeFormat | undefined;

/**
 * 2020-10-29 → 2020年10月29日 (as the minutes write dates) in Japanese, October 29, 2020 in English:
 * in the language of the messages around it (not `getUILanguage()`, which a side panel may report otherwise).
 */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  longDates ??= new Intl.DateTimeFormat(t('dateLocale'), { dateStyle: 'long', timeZone: 'UTC' });
  return y && m && d ? longDates.format(Date.UTC(y, m - 1, d)) : iso;
}

export function DateView({ iso }: { iso: string }) {
  return <time dateTime={iso}>{longDate(iso)}</time>;
}
