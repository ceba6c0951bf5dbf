/** Links to the extension's own pages (paths relative to the extension root). */

/** The passage viewer on one remark; the term, if any, is emphasised inside it. */
export function passageUrl(remarkId: string, term?: string): string {
  const q = new URLSearchParams({ remark: remarkId });
  if (term) q.set('term', term);
  return `/viewer.html?${q}`;
}

export function searchUrl(query: string): string {
  return `/search.html?${new URLSearchParams({ q: query })}`;
}

/** The meeting a remark id belongs to: ids are `${meetingId}-r${order}`. */
export function meetingOfRemark(remarkId: string): { meetingId: string; order: number } | null {
  const m = /^(.+)-r(\d+)$/.exec(remarkId);
  return m ? { meetingId: m[1]!, order: Number(m[2]) } : null;
}
