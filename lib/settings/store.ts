/**
 * Where the settings live: one `browser.storage.sync` item, so they follow the
 * reader to their other browsers and a change is one write, seen by every tab
 * at once through `storage.onChanged`.
 */
import { browser } from 'wxt/browser';
import { parseSettings, type Settings } from './settings';

export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.sync.get(SETTINGS_KEY);
    return parseSettings(stored[SETTINGS_KEY]);
  } catch (e) {
    // Sync storage can be switched off by policy: the defaults still work.
    console.warn('Minutes Lens: could not read the settings', e);
    return parseSettings(undefined);
  }
}

/** Stores `settings`; an error (a full quota, storage switched off) comes back as a value. */
export async function saveSettings(settings: Settings): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await browser.storage.sync.set({ [SETTINGS_KEY]: parseSettings(settings) });
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Calls `listener` with the new settings whenever they change, wherever; returns a function that stops it. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
