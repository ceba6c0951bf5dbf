/**
 * The UI's words, from the browser's i18n (public/_locales/{en,ja}/messages.json),
 * in the browser's language. The keys come from the English file, so a key that
 * is not there is a compile error; tests/unit/i18n.test.ts checks that the
 * Japanese file has the same keys and placeholders.
 */
import { browser } from 'wxt/browser';

/** Type only: the messages themselves are read by the browser, not bundled. */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

/** The message `key` with its `$1`… placeholders filled by `substitutions`, in order. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

/** `one` for 1, `other` otherwise (English needs both; Japanese gives the same text). */
export function plural(count: number, one: MessageKey, other: MessageKey): string {
  return t(count === 1 ? one : other, String(count));
}

/** The browser's UI language as a BCP 47 tag (`ja`, `en-US`), for `<html lang>`. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** Sets an extension page's `<html lang>` and title to the browser's language. */
export function localizePage(title?: string): void {
  document.documentElement.lang = uiLanguage();
  if (title !== undefined) document.title = title;
}
