/**
 * The options form. It edits a draft of text fields; Save checks it
 * (lib/settings/form.ts) and writes the settings, which every open tab follows
 * through storage.onChanged. A change made elsewhere (the toolbar button)
 * shows here at once unless the reader has unsaved edits.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { fromDraft, toDraft, type Draft, type FormError } from '../../lib/settings/form';
import { DEFAULTS } from '../../lib/settings/settings';
import { loadSettings, onSettingsChanged, saveSettings } from '../../lib/settings/store';
import { t } from '../../lib/ui/i18n';

function errorText(error: FormError): string {
  switch (error.kind) {
    case 'invalid-hosts':
      return t('optionsInvalidHosts', error.lines.join(', '));
    case 'too-many':
      return t('optionsTooMany', String(error.max));
    case 'range':
      return t('optionsRange', String(error.min), String(error.max));
  }
}

type Status = { kind: 'saved' } | { kind: 'failed'; message: string } | null;

export function OptionsApp() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [status, setStatus] = useState<Status>(null);
  // The storage listener is set up once: it reads the current value through a ref.
  const dirtyNow = useRef(false);
  dirtyNow.current = dirty;

  useEffect(() => {
    void loadSettings().then((s) => setDraft((d) => d ?? toDraft(s)));
    return onSettingsChanged((s) => {
      // The reader's unsaved edits win over a change from elsewhere.
      if (!dirtyNow.current) setDraft(toDraft(s));
    });
  }, []);

  if (!draft) return null;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft({ ...draft, [key]: value });
    setDirty(true);
    setStatus(null);
  };
  const fieldError = (field: FormError['field']) => {
    const found = errors.filter((e) => e.field === field);
    return found.length === 0 ? null : (
      <p class="error" id={`${field}-error`} role="alert">
        {found.map(errorText).join(' / ')}
      </p>
    );
  };
  const invalid = (field: FormError['field']) =>
    errors.some((e) => e.field === field) ? { 'aria-invalid': true, 'aria-describedby': `${field}-error` } : {};

  const onSubmit = async (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = fromDraft(draft);
    if (!result.ok) return setErrors(result.errors);
    setErrors([]);
    const saved = await saveSettings(result.settings);
    if (!saved.ok) return setStatus({ kind: 'failed', message: saved.error });
    setDraft(toDraft(result.settings)); // as stored: normalised hostnames
    setDirty(false);
    setStatus({ kind: 'saved' });
  };

  const radio = <K extends 'mode' | 'occurrences' | 'theme'>(key: K, value: Draft[K], label: string) => (
    <label class="choice">
      <input type="radio" name={key} value={value} checked={draft[key] === value} onChange={() => set(key, value)} /> {label}
    </label>
  );

  return (
    <form onSubmit={onSubmit} novalidate>
      <h1>{t('optionsTitle')}</h1>
      <fieldset>
        <legend>{t('optionsWhere')}</legend>
        {radio('mode', 'all', t('optionsModeAll'))}
        {radio('mode', 'chosen', t('optionsModeChosen'))}
        <label for="allow">{t('optionsAllow')}</label>
        <textarea id="allow" rows={4} spellcheck={false} value={draft.allow} onInput={(e) => set('allow', e.currentTarget.value)} {...invalid('allow')} />
        {fieldError('allow')}
        <label for="block">{t('optionsBlock')}</label>
        <textarea id="block" rows={4} spellcheck={false} value={draft.block} onInput={(e) => set('block', e.currentTarget.value)} {...invalid('block')} />
        {fieldError('block')}
        <p class="hint">{t('optionsHostsHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('optionsOccurrences')}</legend>
        {radio('occurrences', 'first', t('optionsFirst'))}
        {radio('occurrences', 'all', t('optionsEvery'))}
      </fieldset>
      <fieldset>
        <legend>{t('optionsPopover')}</legend>
        <label for="hoverDelayMs">{t('optionsHoverDelay')}</label>
        <input id="hoverDelayMs" type="number" step={50} value={draft.hoverDelayMs} onInput={(e) => set('hoverDelayMs', e.currentTarget.value)} {...invalid('hoverDelayMs')} />
        {fieldError('hoverDelayMs')}
        <label for="popoverCount">{t('optionsPopoverCount')}</label>
        <input id="popoverCount" type="number" step={1} value={draft.popoverCount} onInput={(e) => set('popoverCount', e.currentTarget.value)} {...invalid('popoverCount')} />
        {fieldError('popoverCount')}
        <p class="label">{t('optionsTheme')}</p>
        {radio('theme', 'system', t('optionsSystem'))}
        {radio('theme', 'light', t('optionsLight'))}
        {radio('theme', 'dark', t('optionsDark'))}
      </fieldset>
      <div class="actions">
        <button type="submit">{t('optionsSave')}</button>
        <button
          type="button"
          onClick={() => {
            setDraft(toDraft({ ...DEFAULTS, allow: [], block: [] }));
            setDirty(true);
            setErrors([]);
            setStatus(null);
          }}
        >
          {t('optionsDefaults')}
        </button>
        <p class="status" role="status">
          {status?.kind === 'saved' ? t('optionsSaved') : status?.kind === 'failed' ? t('optionsSaveFailed', status.message) : dirty ? t('optionsUnsaved') : ''}
        </p>
      </div>
    </form>
  );
}
