import { useEffect, useRef, useState } from 'preact/hooks';
import type { Ref } from 'preact';
import type { HitView } from '../lib/search/views';
import { Hit } from './Hit';

interface Props {
  hits: HitView[];
  /** Makes the list a listbox the keyboard can walk (↑/↓, Home/End) and open (Enter, click). */
  onOpen?: (hit: HitView) => void;
  /** ↑ on the first hit: back to wherever the reader came from (the search box). */
  onLeave?: () => void;
  listRef?: Ref<HTMLOListElement>;
  label?: string;
}

/**
 * The side panel's results, one `Hit` (the popover's too) per item.
 * With `onOpen` the hits are options with a roving tabindex: one of them is in the
 * tab order and aria-selected, and arrows move focus (and the selection) along.
 */
export function HitList({ hits, onOpen, onLeave, listRef, label }: Props) {
  const [active, setActive] = useState(0);
  const own = useRef<HTMLOListElement | null>(null);
  // New results start at the top again.
  useEffect(() => setActive(0), [hits]);

  const focus = (i: number) => (own.current?.children[i] as HTMLElement | undefined)?.focus();
  const onKeyDown = (e: KeyboardEvent) => {
    if (!onOpen || e.altKey || e.ctrlKey || e.metaKey) return;
    const last = hits.length - 1;
    const next =
      e.key === 'ArrowDown' ? Math.min(active + 1, last)
      : e.key === 'ArrowUp' ? active - 1
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : null;
    if (next !== null) {
      e.preventDefault();
      if (next < 0) onLeave?.();
      else focus(next);
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      onOpen(hits[active]);
    }
  };
  const setRefs = (el: HTMLOListElement | null) => {
    own.current = el;
    if (typeof listRef === 'function') listRef(el);
    else if (listRef) listRef.current = el;
  };

  return (
    <ol class="hits" ref={setRefs} role={onOpen ? 'listbox' : undefined} aria-label={onOpen ? label : undefined}
      onKeyDown={onKeyDown}>
      {hits.map((hit, i) => {
        const option = onOpen
          ? {
              role: 'option' as const,
              'aria-selected': i === active,
              tabIndex: i === active ? 0 : -1,
              onFocus: () => setActive(i),
              onClick: () => onOpen(hit),
            }
          : {};
        return (
          <li key={hit.remark.id} data-remark-id={hit.remark.id} {...option}>
            <Hit hit={hit} />
          </li>
        );
      })}
    </ol>
  );
}
