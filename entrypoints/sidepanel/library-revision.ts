import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LIBRARY_CHANGED_KEY } from '../../lib/background/panel';

/**
 * A number that grows each time the reader's library changes (the background
 * bumps a session-storage key as it adds or removes a meeting), so an open
 * panel's results and timeline are asked for again and include the change.
 */
export function useLibraryRevision(): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && LIBRARY_CHANGED_KEY in changes) setRevision((n) => n + 1);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return revision;
}
