import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TimelineMeeting } from '../lib/search/timeline';
import type { HitView, TimelineView } from '../lib/search/views';
import { t } from '../lib/ui/i18n';
import { layoutTimeline, nextMark, type MarkLayout } from '../lib/ui/timeline-layout';
import { DateView, Hit, longDate } from './Hit';
import { useWidth } from './use-width';

export interface TimelineProps {
  timeline: TimelineView;
  /** The meeting and the speaker the search is filtered to, if any: their marks and buttons show it. */
  meeting?: string;
  speaker?: string;
  /** A mark chosen: the results filtered to its meeting. */
  onMeeting: (meetingId: string) => void;
  /** A speaker chosen (or, when already chosen, let go: null). */
  onSpeaker: (speaker: string | null) => void;
  /** Open a remark (the first or last mention) in the viewer. */
  onOpen: (hit: HitView) => void;
}

/**
 * How a query was discussed over time: one lane per committee, a mark per
 * meeting placed by date and sized by its matching remarks (the layout is
 * lib/ui/timeline-layout.ts, shared with the popover's strip). The marks are
 * one tab stop: arrows move along the dates and across lanes, Enter filters the
 * results to the meeting. A table of the same numbers is behind a toggle, for
 * screen readers and for reading exact figures.
 */
export function Timeline(p: TimelineProps) {
  const { timeline: tl } = p;
  const [chart, width] = useWidth<HTMLDivElement>(340);
  const layout = useMemo(() => layoutTimeline(tl.meetings, tl.committees, { width }), [tl, width]);
  const [focused, setFocused] = useState(0);
  const [hovered, setHovered] = useState<number | null>(null);
  const [hasFocus, setHasFocus] = useState(false);
  const [table, setTable] = useState(false);
  const svg = useRef<SVGSVGElement>(null);
  // A new timeline starts at its first meeting again.
  useEffect(() => setFocused(0), [tl]);

  const at = Math.min(focused, layout.marks.length - 1);
  const shown = hovered ?? (hasFocus ? at : null);
  const focusMark = (i: number) => {
    setFocused(i);
    svg.current?.querySelectorAll<SVGElement>('.tl-mark')[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const m = layout.marks[at];
      if (m) p.onMeeting(m.meeting.meetingId);
      return;
    }
    const next = nextMark(layout, at, e.key);
    if (next === null) return;
    e.preventDefault();
    focusMark(next);
  };

  const dated = layout.marks.length;
  const years = dated > 0 ? [layout.marks[0]!.meeting.date!.slice(0, 4), layout.marks[dated - 1]!.meeting.date!.slice(0, 4)] : null;
  const tipId = 'tl-tip';

  return (
    <section class="timeline" aria-label={t('timelineLabel', tl.query)}>
      <p class="tl-summary">
        {t('timelineSummary', String(tl.total), String(tl.meetings.length))}
        {years && ` · ${years[0] === years[1] ? years[0] : `${years[0]}–${years[1]}`}`}
      </p>

      {dated > 0 && (
        <div class="tl-chart" ref={chart} style={{ height: `${layout.height}px` }}>
          {layout.lanes.map((lane) => (
            <div key={lane.committee ?? ''} class="tl-lane" style={{ top: `${lane.labelY - 13}px` }} title={lane.committee ?? undefined}>
              {lane.committee ?? t('timelineNoCommittee')}
            </div>
          ))}
          <svg ref={svg} width={layout.width} height={layout.height} tabindex={-1} role="group" aria-label={t('timelineChart')} onKeyDown={onKeyDown}
            onFocusIn={() => setHasFocus(true)} onFocusOut={() => setHasFocus(false)}>
            {layout.lanes.map((lane, i) => (
              <line key={i} class="tl-rule" x1={0} x2={layout.width} y1={lane.y} y2={lane.y} />
            ))}
            <line class="tl-axis" x1={0} x2={layout.width} y1={layout.axisY} y2={layout.axisY} />
            {layout.ticks.map((tick) => (
              <g key={tick.year} class="tl-tick" aria-hidden="true">
                <line x1={tick.x} x2={tick.x} y1={layout.axisY} y2={layout.axisY + 4} />
                <text x={tick.x} y={layout.axisY + 15} text-anchor="middle">{tick.year}</text>
              </g>
            ))}
            {layout.marks.map((m, i) => (
              <circle key={m.meeting.meetingId} class={markClass(m, p.meeting)} cx={m.x} cy={m.y} r={m.r}
                tabindex={i === at ? 0 : -1} role="button" aria-label={markLabel(m.meeting)}
                aria-describedby={tipId} aria-pressed={m.meeting.meetingId === p.meeting}
                data-meeting-id={m.meeting.meetingId} data-remarks={m.meeting.remarks}
                onFocus={() => setFocused(i)} onMouseEnter={() => setHovered(i)} onMouseLeave={() => setHovered(null)}
                onClick={() => {
                  setFocused(i);
                  p.onMeeting(m.meeting.meetingId);
                }} />
            ))}
          </svg>
          <Tip id={tipId} mark={shown === null ? null : layout.marks[shown] ?? null} width={layout.width} />
        </div>
      )}

      {layout.undated.length > 0 && (
        <div class="tl-undated">
          <p>{t('timelineUndated', String(layout.undated.length))}</p>
          <ul>
            {layout.undated.map((m) => (
              <li key={m.meetingId}>
                <button type="button" aria-pressed={m.meetingId === p.meeting} onClick={() => p.onMeeting(m.meetingId)}>
                  {m.meetingTitle} ({m.remarks})
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <button type="button" class="tl-table-toggle" aria-expanded={table} aria-controls="tl-table" onClick={() => setTable(!table)}>
        {t(table ? 'timelineTableHide' : 'timelineTableShow')}
      </button>
      {table && <TimelineTable id="tl-table" meetings={tl.meetings} onMeeting={p.onMeeting} />}

      {tl.speakers.length > 0 && (
        <section class="tl-speakers">
          <h2>{t('timelineSpeakers')}</h2>
          <ul>
            {tl.speakers.map((s) => (
              <li key={s.speaker}>
                <button type="button" aria-pressed={s.speaker === p.speaker}
                  onClick={() => p.onSpeaker(s.speaker === p.speaker ? null : s.speaker)}>
                  <span class="speaker">{s.speaker}</span>
                  {s.role && <span class="role">{s.role}</span>}
                  <span class="count">{s.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {(tl.first || tl.last) && (
        <section class="tl-mentions">
          {tl.first && <Mention class="tl-first" title={t('timelineFirst')} hit={tl.first} onOpen={p.onOpen} />}
          {tl.last && tl.last.remark.id !== tl.first?.remark.id && (
            <Mention class="tl-last" title={t('timelineLast')} hit={tl.last} onOpen={p.onOpen} />
          )}
        </section>
      )}
    </section>
  );
}

const markClass = (m: MarkLayout, meeting: string | undefined) =>
  ['tl-mark', m.meeting.yours && 'tl-yours', m.meeting.meetingId === meeting && 'tl-selected'].filter(Boolean).join(' ');

/** What a mark is called to a screen reader: the meeting, its date and its count (the tooltip adds who spoke). */
const markLabel = (m: TimelineMeeting) =>
  [withCommittee(m), m.date && longDate(m.date), t('timelineRemarks', String(m.remarks))].filter(Boolean).join(', ');

/** The meeting's title, after its committee unless the title already names it. */
const withCommittee = (m: TimelineMeeting) => (m.committee && !m.meetingTitle.includes(m.committee) ? `${m.committee} ${m.meetingTitle}` : m.meetingTitle);

/** The meeting under the pointer or the focus: always in the page (hidden when none), so the marks' aria-describedby resolves. */
function Tip({ id, mark, width }: { id: string; mark: MarkLayout | null; width: number }) {
  const m = mark?.meeting;
  // Kept inside the chart: anchored at its left or right end near the edges.
  const side = !mark ? 'mid' : mark.x < width * 0.3 ? 'start' : mark.x > width * 0.7 ? 'end' : 'mid';
  return (
    <div id={id} role="tooltip" class={`tl-tip tl-tip-${side}`} hidden={!mark}
      style={mark ? { left: `${mark.x}px`, top: `${mark.y + mark.r + 6}px` } : undefined}>
      {m && (
        <>
          <strong class="tl-tip-title">{m.meetingTitle}</strong>
          {m.committee && !m.meetingTitle.includes(m.committee) && <span class="tl-tip-committee">{m.committee}</span>}
          <span class="tl-tip-date">{m.date ? <DateView iso={m.date} /> : t('timelineNoDate')}</span>
          <span class="tl-tip-count">{t('timelineRemarks', String(m.remarks))}</span>
          {m.speakers.length > 0 && (
            <span class="tl-tip-speakers">
              {t('timelineTopSpeakers', m.speakers.map((s) => `${s.speaker} (${s.count})`).join('、'))}
            </span>
          )}
        </>
      )}
    </div>
  );
}

function TimelineTable({ id, meetings, onMeeting }: { id: string; meetings: TimelineMeeting[]; onMeeting: (id: string) => void }) {
  return (
    <table id={id} class="tl-table">
      <caption>{t('timelineTableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('timelineColDate')}</th>
          <th scope="col">{t('timelineColCommittee')}</th>
          <th scope="col">{t('timelineColMeeting')}</th>
          <th scope="col">{t('timelineColRemarks')}</th>
          <th scope="col">{t('timelineColSpeakers')}</th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((m) => (
          <tr key={m.meetingId} data-meeting-id={m.meetingId}>
            <td>{m.date ?? t('timelineNoDate')}</td>
            <td>{m.committee ?? t('timelineNoCommittee')}</td>
            <th scope="row">
              <button type="button" class="link" onClick={() => onMeeting(m.meetingId)}>{m.meetingTitle}</button>
            </th>
            <td class="num">{m.remarks}</td>
            <td>{m.speakers.map((s) => s.speaker).join('、')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Mention({ class: cls, title, hit, onOpen }: { class: string; title: string; hit: HitView; onOpen: (hit: HitView) => void }) {
  return (
    <div class={`tl-mention ${cls}`} data-remark-id={hit.remark.id}>
      <h2>{title}</h2>
      <Hit hit={hit} onOpen={() => onOpen(hit)} />
    </div>
  );
}
