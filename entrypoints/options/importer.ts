/**
 * Adding files to the library from the options page, one at a time: read the
 * bytes, have the import worker extract and parse them (a web page is read
 * here first, with DOMParser, which workers lack), then have the background
 * analyse, store and index the minutes. Each stage is reported, and every
 * file ends added or refused with its reason.
 */
import { browser } from 'wxt/browser';
import { formatOf } from '../../lib/extract/extract';
import { readHtml } from '../../lib/extract/html/read';
import { LIBRARY_MAX_FILE_BYTES } from '../../lib/limits';
import type { WorkerReply, WorkerRequest } from '../../lib/library/worker-protocol';
import type { LibraryOutcome } from '../../lib/messaging/protocol';
import { call } from '../../lib/ui/client';
// Vite bundles the worker (and pdf.js with it) as a script of its own.
import ImportWorker from './import-worker.ts?worker';

export type Stage = 'reading' | 'parsing' | 'indexing';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const refused = (name: string, problem: 'too-big' | 'unreadable' | 'storage', detail: string): LibraryOutcome => ({
  refused: { name, problem, detail },
});

export class Importer {
  private worker: Worker | null = null;
  private next = 1;
  private readonly waiting = new Map<number, (reply: WorkerReply) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  private parse(request: WorkerRequest, transfer: Transferable[] = []): Promise<WorkerReply> {
    if (!this.worker) {
      this.worker = new ImportWorker();
      this.worker.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
        this.waiting.get(e.data.id)?.(e.data);
        this.waiting.delete(e.data.id);
      });
    }
    return new Promise((resolve) => {
      this.waiting.set(request.id, resolve);
      this.worker!.postMessage(request, transfer);
    });
  }

  /** Files are imported one after another, in the order given. */
  add(file: File, onStage: (stage: Stage) => void): Promise<LibraryOutcome> {
    const run = this.queue.then(() => this.addOne(file, onStage));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async addOne(file: File, onStage: (stage: Stage) => void): Promise<LibraryOutcome> {
    const format = formatOf(file.name);
    if (!format) return refused(file.name, 'unreadable', `${file.name}: not a minutes format we read (.pdf, .html, .htm, .txt)`);
    if (file.size > LIBRARY_MAX_FILE_BYTES) {
      return refused(file.name, 'too-big', `${file.name}, ${megabytes(file.size)} (at most ${megabytes(LIBRARY_MAX_FILE_BYTES)})`);
    }
    onStage('reading');
    const bytes = await file.arrayBuffer();
    onStage('parsing');
    const id = this.next++;
    let reply: WorkerReply;
    if (format === 'html') {
      try {
        const page = readHtml(new Uint8Array(bytes), file.name, (html) => new DOMParser().parseFromString(html, 'text/html'));
        reply = await this.parse({ id, kind: 'extracted', name: file.name, doc: { format, pages: null, ...page } });
      } catch (e) {
        reply = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    } else {
      const cMapUrl = (browser.runtime.getURL as (path: string) => string)('/cmaps/');
      reply = await this.parse({ id, kind: 'bytes', name: file.name, bytes, cMapUrl }, [bytes]);
    }
    if (!reply.ok) return refused(file.name, 'unreadable', reply.error);
    onStage('indexing');
    const added = await call(browser.runtime.sendMessage, 'lens/library-add', {
      file: { name: file.name, size: file.size, format },
      parsed: reply.parsed,
      text: reply.text,
    });
    return added.ok ? added.value : refused(file.name, 'storage', added.error);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
