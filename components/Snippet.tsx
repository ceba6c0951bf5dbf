import type { Snippet as SnippetData } from '../lib/search/snippet';

/** A snippet with its matched words in <mark>; the text is always rendered as text. */
export function Snippet({ snippet }: { snippet: SnippetData }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of snippet.ranges) {
    if (start < at || end <= start || end > snippet.text.length) continue; // malformed: show the text plainly
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(snippet.text.slice(at));
  return (
    <p class="snippet" lang="ja">
      {parts}
    </p>
  );
}
