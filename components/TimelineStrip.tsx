import type { TimelineView } from '../lib/search/views';
import { t } from '../lib/ui/i18n';
import { layoutTimeline } from '../lib/ui/timeline-layout';

/** The strip's drawing width; the SVG scales to the popover's width from it. */
const STRIP_WIDTH = 340;

/**
 * The popover's compact timeline: every meeting that discussed the term on one
 * line, by date, sized by its matching remarks; the whole strip is one button
 * that opens the full timeline in the side panel. A term only undated meetings
 * discussed has nothing to place: the button is there without the marks (its
 * place in the popover is kept from the start either way).
 */
export function TimelineStrip({ timeline, onOpen }: { timeline: TimelineView; onOpen: () => void }) {
  const layout = layoutTimeline(timeline.meetings, timeline.committees, { width: STRIP_WIDTH, compact: true });
  if (layout.marks.length === 0) {
    return (
      <button type="button" class="tl-strip" onClick={onOpen}>
        <span class="tl-strip-text">{t('viewTimeline')}</span>
      </button>
    );
  }
  const first = layout.marks[0]!.meeting.date!.slice(0, 4);
  const last = layout.marks[layout.marks.length - 1]!.meeting.date!.slice(0, 4);
  const span = first === last ? first : `${first}–${last}`;
  const label = t('timelineStrip', String(timeline.meetings.length), span);
  return (
    <button type="button" class="tl-strip" onClick={onOpen} aria-label={label} title={label}>
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} aria-hidden="true">
        <line class="tl-axis" x1={0} x2={layout.width} y1={layout.lanes[0]!.y} y2={layout.lanes[0]!.y} />
        {layout.marks.map((m) => (
          <circle key={m.meeting.meetingId} class={m.meeting.yours ? 'tl-mark tl-yours' : 'tl-mark'} cx={m.x} cy={m.y} r={m.r}
            data-meeting-id={m.meeting.meetingId} data-remarks={m.meeting.remarks} />
        ))}
        {layout.ticks.map((tick) => (
          <text key={tick.year} x={tick.x} y={layout.axisY + 12} text-anchor="middle">{tick.year}</text>
        ))}
      </svg>
      <span class="tl-strip-text">{label}</span>
    </button>
  );
}
