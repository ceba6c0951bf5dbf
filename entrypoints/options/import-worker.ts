/**
 * The library's import worker: reading a PDF (pdf.js, here in this thread)
 * and parsing minutes take hundreds of milliseconds for a long file, so they
 * run here, off the options page's thread. The same lib/ code as the build.
 */
import { extractDocument, type Extracted } from '../../lib/extract/extract';
import { parseDocument } from '../../lib/extract/minutes';
import type { PdfJs } from '../../lib/extract/pdf/read';
import type { WorkerReply, WorkerRequest } from '../../lib/library/worker-protocol';

let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js, loaded with the first PDF; its worker code runs in this (already background) thread. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/build/pdf.worker.mjs');
    return import('pdfjs-dist');
  })();
  return pdfjs;
}

const post = (reply: WorkerReply) => (self as unknown as Worker).postMessage(reply);

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  void (async () => {
    try {
      const doc: Extracted =
        request.kind === 'extracted'
          ? request.doc
          : await extractDocument(new Uint8Array(request.bytes), request.name, {
              // Pages are read on the page itself, where DOMParser is.
              parseHtml: () => {
                throw new Error('web pages are read by the options page');
              },
              pdfjs: loadPdfJs,
              cMapUrl: request.cMapUrl,
              fetchFiles: true,
            });
      post({ id: request.id, ok: true, parsed: parseDocument(doc, request.name), text: doc.text, pages: doc.pages });
    } catch (e) {
      post({ id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  })();
});
