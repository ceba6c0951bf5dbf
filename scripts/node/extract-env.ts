/**
 * The extraction's platform pieces in Node: linkedom parses HTML (the DOM API
 * the browser's DOMParser gives, so lib/extract walks one kind of tree in both;
 * WXT already depends on it), and pdf.js's legacy build reads PDFs with the
 * CMaps from its package.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DOMParser } from 'linkedom';
import type { ExtractEnv } from '../../lib/extract/extract';
import type { PdfJs } from '../../lib/extract/pdf/read';

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * Built-ins pdf.js's legacy build (made for old browsers) overwrites with
 * core-js polyfills although Node has them: Array.prototype.push (3× slower
 * for everything in the process, the index build included), JSON.parse and
 * JSON.stringify. What it adds that Node 20 lacks (Promise.withResolvers,
 * Uint8Array.prototype.toHex…) stays; what it replaces is put back.
 */
const GUARDED: object[] = [Array, Array.prototype, Object, Object.prototype, Promise, Promise.prototype, String.prototype, JSON, Math, Map.prototype, Set.prototype];

async function keepingNatives<T>(load: () => Promise<T>): Promise<T> {
  const saved = GUARDED.map((target) => new Map(Reflect.ownKeys(target).map((k) => [k, Object.getOwnPropertyDescriptor(target, k)!])));
  try {
    return await load();
  } finally {
    GUARDED.forEach((target, i) => {
      for (const [key, before] of saved[i]!) {
        const now = Object.getOwnPropertyDescriptor(target, key);
        if (now?.value !== before.value || now?.get !== before.get) Object.defineProperty(target, key, before);
      }
    });
  }
}

let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js and its worker code, loaded once. In Node the worker runs in this
 * thread; handing pdf.js the worker module (`globalThis.pdfjsWorker`) lets it
 * be loaded here, inside the guard, rather than later by pdf.js itself.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= keepingNatives(async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  });
  return pdfjs;
}

export const nodeExtractEnv: ExtractEnv = {
  parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document,
  pdfjs: loadPdfJs,
  cMapUrl: `${join(pdfjsDir, 'cmaps')}/`,
};
