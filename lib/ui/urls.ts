/** Links to the extension's own pages (paths relative to the extension root). */
import type { PanelView } from '../messaging/protocol';
import type { PassageAnchor } from './anchor';

/**
 * The passage viewer on one remark; the term, if any, is emphasised inside it.
 * With an anchor the link also carries a quote of the remark and its context
 * (`q`, `p`, `s`), so it still finds the remark after its id has shifted.
 */
export function passageUrl(
  remarkId: string,
  term?: string | null,
  anchor?: Pick<PassageAnchor, 'quote' | 'prefix' | 'suffix'> | null,
): string {
  const q = new URLSearchParams({ remark: remarkId });
  if (anchor?.quote) {
    q.set('q', anchor.quote);
    if (anchor.prefix) q.set('p', anchor.prefix);
    if (anchor.suffix) q.set('s', anchor.suffix);
  }
  if (term) q.set('term', term);
  return `/viewer.html?${q}`;
}

/** A passage link read back: the id and whatever anchor it carries. */
export function readPassageUrl(search: string): { anchor: PassageAnchor; term: string | null } {
  const q = new URLSearchParams(search);
  return {
    anchor: { remark: q.get('remark') ?? '', quote: q.get('q') ?? '', prefix: q.get('p') ?? '', suffix: q.get('s') ?? '' },
    term: q.get('term')?.trim() || null,
  };
}

/** The search page on `query`; `view=timeline` opens it on the query's timeline. */
export function searchUrl(query: string, view?: PanelView): string {
  const q = new URLSearchParams({ q: query });
  if (view === 'timeline') q.set('view', view);
  return `/search.html?${q}`;
}

/** The meeting a remark id belongs to: ids are `${meetingId}-r${order}`. */
export function meetingOfRemark(remarkId: string): { meetingId: string; order: number } | null {
  const m = /^(.+)-r(\d+)$/.exec(remarkId);
  return m ? { meetingId: m[1]!, order: Number(m[2]) } : null;
}
