import type { Ref } from 'preact';
import type { Remark } from '../lib/minutes/types';
import { findMatches } from '../lib/search/snippet';

/**
 * `text` with every occurrence of `needle` (already normalised) in <mark>.
 * The text is always rendered as text, never as markup.
 */
export function Marked({ text, needle }: { text: string; needle: string | null }) {
  if (!needle) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const [start, end] of findMatches(text, [needle])) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** The remark's text as paragraphs: each line of the minutes is one paragraph. */
function Paragraphs({ text, needle }: { text: string; needle: string | null }) {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return (
    <>
      {lines.map((line, i) => (
        <p key={i}>
          <Marked text={line} needle={needle} />
        </p>
      ))}
    </>
  );
}

export interface RemarkViewProps {
  remark: Remark;
  /** The remark the viewer was opened on: highlighted, focusable, announced as current. */
  target: boolean;
  /** The normalised term to emphasise, or null. */
  needle: string | null;
  /** Said when a turn gives no speaker label. */
  noSpeaker: string;
  elementRef?: Ref<HTMLElement>;
}

/** One remark of the minutes: a section heading, a speaker's turn, or an unattributed item. */
export function RemarkView({ remark: r, target, needle, noSpeaker, elementRef }: RemarkViewProps) {
  const attrs = {
    id: r.id,
    'data-remark-id': r.id,
    'data-kind': r.kind,
    ...(target ? { 'aria-current': 'true' as const, tabIndex: -1 } : {}),
  };
  const cls = (kind: string) => `remark ${kind}${target ? ' target' : ''}`;

  if (r.kind === 'heading') {
    return (
      <h2 {...attrs} class={cls('heading')} ref={elementRef as Ref<HTMLHeadingElement>}>
        <Marked text={r.text.replace(/\s*\n\s*/g, ' ')} needle={needle} />
      </h2>
    );
  }
  if (r.kind === 'turn') {
    return (
      <div {...attrs} class={cls('turn')} ref={elementRef as Ref<HTMLDivElement>}>
        <div class="label">{r.label ?? r.speaker ?? noSpeaker}</div>
        <Paragraphs text={r.text} needle={needle} />
      </div>
    );
  }
  return (
    <div {...attrs} class={cls('item')} ref={elementRef as Ref<HTMLDivElement>}>
      <Paragraphs text={r.text} needle={needle} />
    </div>
  );
}
