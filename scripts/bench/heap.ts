/**
 * Live JS heap of the extension's targets (the background service worker, the
 * side panel) after a forced GC, through the browser's own CDP endpoint.
 *
 * Playwright's context.newCDPSession takes a Page or Frame only, and the
 * service worker is neither. A browser-level session sees every target, but
 * Playwright's CDPSession.send has no sessionId to address a flat-attached
 * child session. So the targets are attached non-flat, and commands travel
 * wrapped in Target.sendMessageToTarget with their replies in
 * Target.receivedMessageFromTarget events: deprecated in the protocol, still
 * served by Chromium 156.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession } from 'playwright-core';

export interface HeapFigure {
  /**
   * Runtime.getHeapUsage usedSize after HeapProfiler.collectGarbage: V8's live
   * JS objects in the target's whole isolate. The service worker has its own;
   * a page shares its renderer's with the extension's other open pages, and
   * holds Playwright's utility world too (about 0.35 MB measured) once driven.
   */
  usedBytes: number;
  /** Blink's own (Oilpan) heap: DOM nodes and other C++ objects. */
  embedderBytes: number;
  /**
   * ArrayBuffer backing stores, outside the JS heap: where the index's typed
   * arrays and its compressed texts live (Runtime.getHeapUsage backingStorageSize).
   */
  bufferBytes: number;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** A command to one attached target, answered through the browser session. */
function targetSender(browserSession: CDPSession, sessionId: string) {
  let lastId = 0;
  const waiting = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  browserSession.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = reply.id === undefined ? undefined : waiting.get(reply.id);
    if (!waiter) return; // an event, not a reply
    waiting.delete(reply.id!);
    if (reply.error) waiter.reject(new Error(reply.error.message));
    else waiter.resolve(reply.result);
  });
  return <T>(method: string, params: object = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, { resolve: resolve as (r: unknown) => void, reject });
      const message = JSON.stringify({ id, method, params });
      browserSession.send('Target.sendMessageToTarget', { sessionId, message }).catch(reject);
    });
}

/** Forces a full GC in the target, then reads its heap; detaches afterwards. */
async function heapOf(browserSession: CDPSession, targetId: string): Promise<HeapFigure> {
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false });
  try {
    const send = targetSender(browserSession, sessionId);
    // Twice: objects freed by the first collection's finalizers and weak callbacks go in the second.
    await send('HeapProfiler.collectGarbage');
    await send('HeapProfiler.collectGarbage');
    const usage = await send<{ usedSize: number; embedderHeapUsedSize: number; backingStorageSize?: number }>('Runtime.getHeapUsage');
    return { usedBytes: usage.usedSize, embedderBytes: usage.embedderHeapUsedSize, bufferBytes: usage.backingStorageSize ?? 0 };
  } finally {
    await browserSession.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

/**
 * The heap of the extension's service worker and, when `pagePath` is given,
 * of its page there (e.g. /sidepanel.html). `browser` is any Playwright
 * connection to the Chromium that runs the extension.
 */
export async function extensionHeaps(
  browser: Browser,
  extensionId: string,
  pagePath: string,
): Promise<{ serviceWorker: HeapFigure; page: HeapFigure }>;
export async function extensionHeaps(browser: Browser, extensionId: string): Promise<{ serviceWorker: HeapFigure; page: null }>;
export async function extensionHeaps(
  browser: Browser,
  extensionId: string,
  pagePath?: string,
): Promise<{ serviceWorker: HeapFigure; page: HeapFigure | null }> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const origin = `chrome-extension://${extensionId}/`;
    // The extension has one service worker (its background), whatever the manifest names it.
    const find = (type: string, path?: string) => {
      const target = targetInfos.find((t) => t.type === type && t.url.startsWith(origin) && (path === undefined || new URL(t.url).pathname === path));
      if (!target) throw new Error(`no ${type} target at ${origin}${path?.slice(1) ?? ''}`);
      return target.targetId;
    };
    const serviceWorker = await heapOf(session, find('service_worker'));
    const page = pagePath === undefined ? null : await heapOf(session, find('page', pagePath));
    return { serviceWorker, page };
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** A second Playwright connection to a Chromium launched with `--remote-debugging-port=0` on `profileDir`. */
export async function connectOverDebugPort(profileDir: string): Promise<Browser> {
  const port = (await readFile(join(profileDir, 'DevToolsActivePort'), 'utf8')).split('\n')[0];
  return chromium.connectOverCDP(`http://127.0.0.1:${port}`);
}
