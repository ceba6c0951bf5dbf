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

/** Every string the page shows, Japanese first, English beside it. A later change moves them to browser.i18n. */
const T = {
  title: '議事録レンズの設定 (Minutes Lens options)',
  where: 'マークするサイト (where terms are marked)',
  modeAll: 'すべてのサイト (all sites, except those blocked)',
  modeChosen: '選んだサイトだけ (only the sites allowed below)',
  allow: '許可するサイト (allowed sites)',
  block: 'マークしないサイト (blocked sites: always off)',
  hostsHint: '1 行に 1 つのホスト名。example.com は news.example.com も含みます (one hostname a line; example.com covers news.example.com)',
  occurrences: 'マークする箇所 (which occurrences)',
  first: '各語の最初の 1 か所 (first occurrence of each term)',
  every: 'すべての箇所 (every occurrence)',
  popover: 'ポップオーバー (popover)',
  hoverDelay: '表示までの時間 (hover delay), ms',
  popoverCount: '表示する発言の数 (remarks shown)',
  theme: '配色 (theme)',
  system: 'システムに合わせる (system)',
  light: 'ライト (light)',
  dark: 'ダーク (dark)',
  save: '保存 (save)',
  defaults: '既定に戻す (restore defaults)',
  saved: '保存しました。開いているタブにもすぐ反映されます (saved; open tabs follow at once)',
  unsaved: '未保存の変更があります (unsaved changes)',
  saveFailed: (message: string) => `保存できませんでした (could not save): ${message}`,
  invalidHosts: (lines: string[]) => `ホスト名ではありません (not hostnames): ${lines.join(', ')}`,
  tooMany: (max: number) => `${max} 件までです (at most ${max})`,
  range: (min: number, max: number) => `${min}〜${max} の整数 (a whole number from ${min} to ${max})`,
};

function errorText(error: FormError): string {
  switch (error.kind) {
    case 'invalid-hosts':
      return T.invalidHosts(error.lines);
    case 'too-many':
      return T.tooMany(error.max);
    case 'range':
      return T.range(error.min, error.max);
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
      <h1>{T.title}</h1>
      <fieldset>
        <legend>{T.where}</legend>
        {radio('mode', 'all', T.modeAll)}
        {radio('mode', 'chosen', T.modeChosen)}
        <label for="allow">{T.allow}</label>
        <textarea id="allow" rows={4} spellcheck={false} value={draft.allow} onInput={(e) => set('allow', e.currentTarget.value)} {...invalid('allow')} />
        {fieldError('allow')}
        <label for="block">{T.block}</label>
        <textarea id="block" rows={4} spellcheck={false} value={draft.block} onInput={(e) => set('block', e.currentTarget.value)} {...invalid('block')} />
        {fieldError('block')}
        <p class="hint">{T.hostsHint}</p>
      </fieldset>
      <fieldset>
        <legend>{T.occurrences}</legend>
        {radio('occurrences', 'first', T.first)}
        {radio('occurrences', 'all', T.every)}
      </fieldset>
      <fieldset>
        <legend>{T.popover}</legend>
        <label for="hoverDelayMs">{T.hoverDelay}</label>
        <input id="hoverDelayMs" type="number" step={50} value={draft.hoverDelayMs} onInput={(e) => set('hoverDelayMs', e.currentTarget.value)} {...invalid('hoverDelayMs')} />
        {fieldError('hoverDelayMs')}
        <label for="popoverCount">{T.popoverCount}</label>
        <input id="popoverCount" type="number" step={1} value={draft.popoverCount} onInput={(e) => set('popoverCount', e.currentTarget.value)} {...invalid('popoverCount')} />
        {fieldError('popoverCount')}
        <p class="label">{T.theme}</p>
        {radio('theme', 'system', T.system)}
        {radio('theme', 'light', T.light)}
        {radio('theme', 'dark', T.dark)}
      </fieldset>
      <div class="actions">
        <button type="submit">{T.save}</button>
        <button
          type="button"
          onClick={() => {
            setDraft(toDraft({ ...DEFAULTS, allow: [], block: [] }));
            setDirty(true);
            setErrors([]);
            setStatus(null);
          }}
        >
          {T.defaults}
        </button>
        <p class="status" role="status">
          {status?.kind === 'saved' ? T.saved : status?.kind === 'failed' ? T.saveFailed(status.message) : dirty ? T.unsaved : ''}
        </p>
      </div>
    </form>
  );
}
