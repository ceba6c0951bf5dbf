/**
 * The index, loaded on first need and kept while the service worker lives:
 * the shipped minutes from the extension's own package, then the reader's
 * library from IndexedDB, searched as one. When the browser stops the worker,
 * the next lookup loads both again.
 */
import type { LibraryStore } from '../library/store';
import { MinutesIndex } from '../search/engine';
import { INDEX_ASSET_PATH } from '../search/schema';

let loading: Promise<MinutesIndex> | undefined;

async function load(urlOf: (path: string) => string, library: () => Promise<LibraryStore>): Promise<MinutesIndex> {
  const res = await fetch(urlOf(INDEX_ASSET_PATH));
  if (!res.ok) throw new Error(`cannot read the packaged index (${res.status})`);
  const index = await MinutesIndex.fromBytes(await res.arrayBuffer());
  try {
    for (const { meeting, terms } of await (await library()).entries()) {
      index.addLibrary({ meeting: meeting.meeting, remarks: meeting.remarks, terms: terms.terms });
    }
  } catch (e) {
    // Without its library (storage unavailable, say in a private window) the shipped minutes still answer.
    console.warn('Minutes Lens: the library could not be read', e);
  }
  return index;
}

export function getIndex(urlOf: (path: string) => string, library: () => Promise<LibraryStore>): Promise<MinutesIndex> {
  loading ??= load(urlOf, library).catch((e: unknown) => {
    loading = undefined; // let the next lookup try again
    throw e;
  });
  return loading;
}
