import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { httpUrl } from '../lib/extract/html/meta';
import type { Meeting, Remark } from '../lib/minutes/types';
import { normalize } from '../lib/text/normalize';
import { t } from '../lib/ui/i18n';
import { RemarkView } from './RemarkView';

export interface MeetingViewProps {
  meeting: Meeting;
  remarks: Remark[];
  /** The remark to highlight, scroll to and focus (null: none). */
  targetId: string | null;
  /** The looked-up term, emphasised inside the target remark. */
  term: string | null;
  /**
   * Whether a new target also takes the focus (default true). The viewer's
   * previous/next buttons keep it, so that pressing one again moves on.
   */
  focusTarget?: boolean;
  /** The reader added these minutes: marked 「自分の」. */
  yours?: boolean;
}

/** A whole meeting: its header, then every remark in order, with the target remark brought into view. */
export function MeetingView({ meeting: m, remarks, targetId, term, focusTarget = true, yours = false }: MeetingViewProps) {
  const target = useRef<HTMLElement>(null);
  const needle = term ? normalize(term) : '';
  // Checked again where it becomes a link: only ever an http(s) address, whatever the data says.
  const official = httpUrl(m.url);

  useEffect(() => {
    const el = target.current;
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    // A remark taller than the window (a long turn, a narrow window) would show
    // its middle; the reader came for the words that matched: the first one is
    // brought into view, in the middle, clear of the sticky toolbar.
    const first = el.querySelector('mark');
    if (first && !inView(first)) first.scrollIntoView({ block: 'center' });
    if (focusTarget) el.focus({ preventScroll: true });
  }, [m.id, targetId]);

  return (
    <article class="meeting">
      <header class="meeting-header">
        <h1 lang="ja">
          {m.title}
          {yours && <span class="yours" title={t('originYours')}>{t('yoursMark')}</span>}
        </h1>
        <dl class="facts">
          {m.committee && <Fact name={t('meetingCommittee')}>{m.committee}</Fact>}
          {m.organiser && <Fact name={t('meetingOrganiser')}>{m.organiser}</Fact>}
          {m.number !== null && <Fact name={t('meetingNumber')}>{t('meetingNth', String(m.number))}</Fact>}
          {(m.date || m.dateText) && (
            <Fact name={t('meetingDate')}>
              {m.date ? <time dateTime={m.date} title={m.dateText ?? undefined}>{m.date}</time> : m.dateText}
            </Fact>
          )}
          {m.time && <Fact name={t('meetingTime')}>{m.time}</Fact>}
          {m.venue && <Fact name={t('meetingVenue')}>{m.venue}</Fact>}
          {official && (
            <Fact name={t('meetingSource')}>
              {m.publisher && <span class="publisher">{m.publisher} </span>}
              {/* The reader's own click leaves for the ministry's site; the extension itself fetches nothing. */}
              <a class="official" href={official} target="_blank" rel="noopener noreferrer">{official}</a>
            </Fact>
          )}
        </dl>
        {m.attendees.length > 0 && (
          <section class="attendees">
            <h2>{t('meetingAttendees')}</h2>
            {m.attendees.map((g, i) => (
              <div class="group" key={i}>
                <h3>{g.group ?? t('meetingAttendees')}</h3>
                <ul class="members">
                  {g.members.map((name, j) => (
                    <li key={j}>{name}</li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        )}
        {m.materials.length > 0 && (
          <section class="materials">
            <h2>{t('meetingMaterials')}</h2>
            <ul>
              {m.materials.map((name, i) => (
                <li key={i}>{name}</li>
              ))}
            </ul>
          </section>
        )}
        {m.notes.length > 0 && (
          <section class="notes">
            <h2>{t('meetingNotes')}</h2>
            {m.notes.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </section>
        )}
      </header>
      <section class="proceedings" aria-label={t('meetingProceedings')}>
        {remarks.map((r) => {
          const isTarget = r.id === targetId;
          return (
            <RemarkView
              key={r.id}
              remark={r}
              target={isTarget}
              needle={isTarget && needle !== '' ? needle : null}
              noSpeaker={t('noSpeaker')}
              elementRef={isTarget ? target : undefined}
            />
          );
        })}
      </section>
    </article>
  );
}

/** Whether all of `el` is inside the viewport, and not under something else (the viewer's sticky toolbar). */
function inView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return false;
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + 1);
  return top !== null && el.contains(top);
}

function Fact({ name, children }: { name: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{name}</dt>
      <dd lang="ja">{children}</dd>
    </div>
  );
}
