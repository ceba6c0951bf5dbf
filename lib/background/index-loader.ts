/**
 * The index, loaded on first need from the extension's own package and kept
 * while the service worker lives. When the browser stops the worker, the next
 * lookup loads it again.
 */
import { MinutesIndex } from '../search/engine';
import { INDEX_ASSET_PATH } from '../search/schema';

let loading: Promise<MinutesIndex> | undefined;

export function getIndex(urlOf: (path: string) => string): Promise<MinutesIndex> {
  loading ??= fetch(urlOf(INDEX_ASSET_PATH))
    .then((res) => {
      if (!res.ok) throw new Error(`cannot read the packaged index (${res.status})`);
      return res.arrayBuffer();
    })
    .then((bytes) => MinutesIndex.fromBytes(bytes))
    .catch((e: unknown) => {
      loading = undefined; // let the next lookup try again
      throw e;
    });
  return loading;
}
