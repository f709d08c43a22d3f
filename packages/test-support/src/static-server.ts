import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One file a {@link serveStatic} server answers: its content type, and its body (a function is read per request). */
export interface StaticFile {
  type: string;
  body: string | Buffer | (() => string | Buffer);
}

/** A running {@link serveStatic} server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves fixed files by path (any query ignored) on 127.0.0.1, on a free port; any other path is 404. The pages that
 * tests, the bench and the chaos run open in Chromium come from here, each on an origin of its own.
 *
 * @example
 * const site = await serveStatic({
 *   '/': { type: 'text/html; charset=utf-8', body: '<script type="module" src="/page.js"></script>' },
 *   '/page.js': { type: 'text/javascript; charset=utf-8', body: script },
 * });
 * await page.goto(site.url);
 * await site.close();
 */
export async function serveStatic(files: Readonly<Record<string, StaticFile>>): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = Object.hasOwn(files, path) ? files[path] : undefined;
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': file.type })
      .end(typeof file.body === 'function' ? file.body() : file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        // A page's keep-alive connections would hold close() open until they time out.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
