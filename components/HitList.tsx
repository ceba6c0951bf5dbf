import type { HitView } from '../lib/search/views';
import { Snippet } from './Snippet';

/** Who said it, where and when, and what: one line of facts and a snippet per hit. */
export function HitList({ hits }: { hits: HitView[] }) {
  return (
    <ol class="hits">
      {hits.map(({ remark: r, meeting: m, snippet }) => (
        <li key={r.id} data-remark-id={r.id}>
          <div class="who">
            <span class="speaker">{r.speaker ?? '（発言者の記載なし）'}</span>
            {r.role && <span class="role">{r.role}</span>}
          </div>
          <div class="where">
            {m.committee ?? m.title}
            {m.number !== null && ` 第${m.number}回`}
            {m.date && <time dateTime={m.date}> {m.date}</time>}
          </div>
          <Snippet snippet={snippet} />
        </li>
      ))}
    </ol>
  );
}
