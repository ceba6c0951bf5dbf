/**
 * The popover's list of remarks: Preact renders the side panel's own `Hit`
 * component into the popover's shadow root, so a remark shows the same facts
 * in both places (the Hypothesis client's way: one component, two containers).
 */
import { render } from 'preact';
import { Hit } from '../../../components/Hit';
import { TimelineStrip } from '../../../components/TimelineStrip';
import type { HitView, TimelineView } from '../../../lib/search/views';
import { t } from '../../../lib/ui/i18n';

export function renderHits(into: HTMLElement, hits: readonly HitView[], onOpen: (remarkId: string) => void): void {
  render(
    <ol aria-label={t('popoverList')}>
      {hits.map((hit) => (
        <li key={hit.remark.id} data-remark-id={hit.remark.id}>
          <Hit hit={hit} onOpen={() => onOpen(hit.remark.id)} />
        </li>
      ))}
    </ol>,
    into,
  );
}

/** The term's timeline strip; clicking it opens the full timeline. */
export function renderStrip(into: HTMLElement, timeline: TimelineView, onOpen: () => void): void {
  render(<TimelineStrip timeline={timeline} onOpen={onOpen} />, into);
}

/** Lets Preact go of what it rendered into `from`. */
export const unrenderHits = (from: HTMLElement): void => render(null, from);
