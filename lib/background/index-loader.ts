/**
 * The index, loaded on first need and kept while the service worker lives:
 * the shipped minutes from the extension's own package, then the reader's
 * library's segment from IndexedDB, searched as one. When the browser stops the worker,
 * the next lookup loads both again.
 */
import type { LibraryStore } from '../library/store';
import { decodeAsset } from '../search/asset';
import { MinutesIndex } from '../search/engine';
import { loadLibrarySegment } from './library';
import { INDEX_ASSET_PATH } from '../search/schema';

let loading: Promise<MinutesIndex> | undefined;

async function load(urlOf: (path: string) => string, library: () => Promise<LibraryStore>): Promise<MinutesIndex> {
  // The packaged index and the library's segment are read side by side: neither waits on the other.
  const [index, segment] = await Promise.all([
    fetch(urlOf(INDEX_ASSET_PATH)).then((res) => {
      if (!res.ok) throw new Error(`cannot read the packaged index (${res.status})`);
      return res.body ? MinutesIndex.fromStream(res.body) : res.arrayBuffer().then((b) => MinutesIndex.fromBytes(b));
    }),
    library()
      .then(loadLibrarySegment)
      .catch((e: unknown) => {
        // Without its library (storage unavailable, say in a private window) the shipped minutes still answer.
        console.warn('Minutes Lens: the library could not be read', e);
        return null;
      }),
  ]);
  if (segment) {
    try {
      index.setLibrary(decodeAsset(segment));
    } catch (e) {
      console.warn('Minutes Lens: the library could not be read', e);
    }
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
