import { useState } from 'preact/hooks';
import { t } from '../../lib/ui/i18n';

export interface ToolbarProps {
  /** Where "back to search" goes. */
  backHref: string;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
  /** The citation of the current remark, or null when no remark is current. */
  citation: string | null;
}

type Copy = { ok: boolean; text: string } | null;

/** The viewer's controls: back to the search, previous/next remark, copy a citation. */
export function Toolbar({ backHref, onPrevious, onNext, citation }: ToolbarProps) {
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
    <nav class="toolbar" aria-label={t('toolbarLabel')}>
      <a class="back" href={backHref}>{t('toolbarBack')}</a>
      <button type="button" class="previous" disabled={!onPrevious} onClick={() => onPrevious?.()}>{t('toolbarPrevious')}</button>
      <button type="button" class="next" disabled={!onNext} onClick={() => onNext?.()}>{t('toolbarNext')}</button>
      <button type="button" class="copy" disabled={citation === null} onClick={() => void copyCitation()}>{t('toolbarCopy')}</button>
      {/* The copied text stays readable in the page (and to tests) as data-citation. */}
      <output class={`copy-status${copy && !copy.ok ? ' failed' : ''}`} aria-live="polite" data-citation={copy?.text}>
        {copy && (copy.ok ? t('toolbarCopied') : t('toolbarCopyFailed'))}
      </output>
      {copy && !copy.ok && (
        <textarea class="citation-text" readOnly rows={3} value={copy.text}
          ref={(el) => el?.select()} aria-label={t('toolbarCopy')} />
      )}
    </nav>
  );
}
