/**
 * A lib/ module bundled as a plain script for a test page, so tests can run
 * our code in the real browser's APIs (DOMParser, IndexedDB) without building
 * the extension: the module's exports become `window[name]`.
 */
import { build } from 'vite';

export async function bundleForPage(entry: string, name: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name } },
  });
  const [result] = Array.isArray(out) ? out : [out];
  return (result as { output: { code?: string }[] }).output[0]!.code!;
}
