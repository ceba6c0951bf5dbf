/**
 * The fixture server both browser suites read their pages from: the files of
 * tests/browser/pages and in-memory routes (a page with a CSP header, a
 * generated 1 MB page) on an ephemeral port of 127.0.0.1.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
export const PAGES_DIR = join(ROOT, 'tests', 'browser', 'pages');

/** An in-memory response, e.g. a page served with a CSP header. */
export interface Route {
  body: string | Uint8Array;
  status?: number;
  /** Defaults to an HTML content type; any header given here wins. */
  headers?: Record<string, string>;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  url(path: string): string;
  /** Adds or replaces an in-memory route; routes win over files. */
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `dir` (default tests/browser/pages) and `routes` on an ephemeral port. */
export async function startServer(
  options: { dir?: string; routes?: Record<string, Route> } = {},
): Promise<TestServer> {
  const dir = resolve(options.dir ?? PAGES_DIR);
  const routes = new Map(Object.entries(options.routes ?? {}));

  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end(); // a malformed URL must not crash the test run
      return;
    }
    const route = routes.get(path);
    if (route) {
      res.writeHead(route.status ?? 200, { 'content-type': TYPES['.html']!, ...route.headers });
      res.end(route.body);
      return;
    }
    const file = resolve(dir, '.' + path);
    // Never serve outside `dir` (a test could request `/../package.json`).
    if (!file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => res.writeHead(404, { 'content-type': TYPES['.txt']! }).end(`not found: ${path}`),
    );
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    route: (path, route) => void routes.set(path, route),
    close: () =>
      new Promise<void>((ok) => {
        // Browsers keep connections alive; drop them or close() waits for them.
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
