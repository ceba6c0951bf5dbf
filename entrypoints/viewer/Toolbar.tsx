import { useState } from 'preact/hooks';

export interface ToolbarStrings {
  label: string;
  back: string;
  previous: string;
  next: string;
  copy: string;
  copied: string;
  copyFailed: string;
}

export interface ToolbarProps {
  /** Where "back to search" goes. */
  backHref: string;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
  /** The citation of the current remark, or null when no remark is current. */
  citation: string | null;
  strings: ToolbarStrings;
}

type Copy = { ok: boolean; text: string } | null;

/** The viewer's controls: back to the search, previous/next remark, copy a citation. */
export function Toolbar({ backHref, onPrevious, onNext, citation, strings: s }: ToolbarProps) {
  const [copied, setCopy] = useState<Copy>(null);
  // Another remark: the message about the last one no longer applies.
  const copy = copied?.text === citation ? copied : null;

  const copyCitation = async () => {
    if (citation === null) return;
    try {
      await navigator.clipboard.writeText(citation);
      setCopy({ ok: true, text: citation });
    } catch {
      // No clipboard (the page lost focus, a policy): show the text to copy by hand.
      setCopy({ ok: false, text: citation });
    }
  };

  return (
    <nav class="toolbar" aria-label={s.label}>
      <a class="back" href={backHref}>{s.back}</a>
      <button type="button" class="previous" disabled={!onPrevious} onClick={() => onPrevious?.()}>{s.previous}</button>
      <button type="button" class="next" disabled={!onNext} onClick={() => onNext?.()}>{s.next}</button>
      <button type="button" class="copy" disabled={citation === null} onClick={() => void copyCitation()}>{s.copy}</button>
      {/* The copied text stays readable in the page (and to tests) as data-citation. */}
      <output class={`copy-status${copy && !copy.ok ? ' failed' : ''}`} aria-live="polite" data-citation={copy?.text}>
        {copy && (copy.ok ? s.copied : s.copyFailed)}
      </output>
      {copy && !copy.ok && (
        <textarea class="citation-text" readOnly rows={3} value={copy.text}
          ref={(el) => el?.select()} aria-label={s.copy} />
      )}
    </nav>
  );
}
