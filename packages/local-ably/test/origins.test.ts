import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseArgs } from '../src/cli-args.js';
import type { LocalAbly, LocalAblyOptions } from '../src/index.js';
import { resolveOptions } from '../src/options.js';
import { startHarness } from './support/harness.js';

type Upgrade = { opened: true; firstFrame: { action?: number } } | { opened: false; status: number; body: string };

/** A real WebSocket upgrade, with the `Origin` a browser page would send (or none, as Node sends). */
function upgrade(server: LocalAbly, origin?: string): Promise<Upgrade> {
  const query = new URLSearchParams({ key: server.key, format: 'json', v: '6', heartbeats: 'false' });
  const ws = new WebSocket(`ws://${server.host}:${server.port}/?${query}`, origin === undefined ? {} : { origin });
  return new Promise((resolve, reject) => {
    ws.once('message', (data) => {
      resolve({ opened: true, firstFrame: JSON.parse(String(data)) });
      ws.terminate();
    });
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ opened: false, status: response.statusCode ?? 0, body }));
    });
    ws.once('error', (error) => {
      if (!error.message.includes('Unexpected server response')) reject(error);
    });
  });
}

async function start(options: LocalAblyOptions = {}) {
  const warnings: string[] = [];
  const h = await startHarness({ ...options, logger: { info() {}, warn: (line) => warnings.push(line) } });
  return { server: h.server, warnings };
}

const CONNECTED = 4;

describe('which pages may use local-ably (Origin)', () => {
  it('refuses a WebSocket upgrade from another website with 403, naming the option, and logs it once', async () => {
    const { server, warnings } = await start();
    for (let attempt = 0; attempt < 2; attempt++) {
      const reply = await upgrade(server, 'https://evil.example');
      expect(reply).toMatchObject({ opened: false, status: 403 });
      expect(reply.opened || reply.body).toMatch(
        /https:\/\/evil\.example.*allowedOrigins: \['https:\/\/evil\.example'\]/,
      );
    }
    for (const origin of ['null', 'http://127.0.0.1.evil.example', 'http://localhost.evil.example:5173']) {
      expect(await upgrade(server, origin)).toMatchObject({ opened: false, status: 403 });
    }
    expect(warnings.filter((line) => line.includes('https://evil.example'))).toHaveLength(1);
    expect(server.stats().connections).toBe(0);
  });

  it('accepts Node clients (no Origin) and pages served from loopback on any port', async () => {
    const { server, warnings } = await start();
    for (const origin of [undefined, 'http://localhost:5173', 'http://127.0.0.1:6006', 'http://[::1]:3000']) {
      expect({ origin, reply: await upgrade(server, origin) }).toEqual({
        origin,
        reply: { opened: true, firstFrame: expect.objectContaining({ action: CONNECTED }) },
      });
    }
    expect(warnings).toEqual([]);
  });

  it('accepts the origins named in allowedOrigins, or every page with "*"', async () => {
    const { server } = await start({ allowedOrigins: ['https://App.Example:443/'] });
    expect(await upgrade(server, 'https://app.example')).toMatchObject({ opened: true });
    expect(await upgrade(server, 'http://localhost:5173')).toMatchObject({ opened: true });
    expect(await upgrade(server, 'https://other.example')).toMatchObject({ opened: false, status: 403 });

    const open = await start({ allowedOrigins: '*' });
    expect(await upgrade(open.server, 'https://anything.example')).toMatchObject({ opened: true });
  });

  it('applies the same rule to the REST API: refused pages get 403 and no CORS headers, allowed ones get CORS', async () => {
    const { server } = await start({ allowedOrigins: ['https://app.example'] });
    const auth = { authorization: `Basic ${Buffer.from(server.key).toString('base64')}` };
    const refused = await fetch(`${server.url}/channels/x/presence`, {
      headers: { ...auth, origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect((await refused.json()).error).toMatchObject({
      code: 40300,
      message: expect.stringMatching(/allowedOrigins/),
    });
    // A simple cross-site POST needs no preflight: refusing it is what keeps a page from publishing.
    const post = await fetch(`${server.url}/channels/x/messages`, {
      method: 'POST',
      headers: { ...auth, origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: '{"name":"n","data":"d"}',
    });
    expect(post.status).toBe(403);
    const preflight = await fetch(`${server.url}/channels/x/presence`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

    for (const origin of ['https://app.example', 'http://localhost:6006']) {
      const reply = await fetch(`${server.url}/channels/x/presence`, { headers: { ...auth, origin } });
      expect({ origin, status: reply.status, cors: reply.headers.get('access-control-allow-origin') }).toEqual({
        origin,
        status: 200,
        cors: origin,
      });
    }
    expect((await fetch(`${server.url}/time`)).status).toBe(200);
    // The admin API stays loopback-only whatever allowedOrigins says: it can restart the server.
    const admin = await fetch(`${server.url}/local-ably/rooms`, { headers: { origin: 'https://app.example' } });
    expect(admin.status).toBe(403);
    expect(admin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('rejects an allowedOrigins entry that is not an origin, and takes --allowed-origin on the CLI', () => {
    for (const bad of ['https://app.example/app', 'app.example', 'not a url', 'null']) {
      expect(() => resolveOptions({ allowedOrigins: [bad] })).toThrow(
        /allowedOrigins.*such as 'https:\/\/app\.example/,
      );
    }
    expect(resolveOptions({}).allowedOrigins).toEqual([]);
    expect(parseArgs(['--allowed-origin', 'https://a.example', '--allowed-origin=http://b.example:8080'])).toEqual({
      allowedOrigins: ['https://a.example', 'http://b.example:8080'],
    });
    expect(parseArgs(['--allowed-origin', '*'])).toEqual({ allowedOrigins: '*' });
  });
});
