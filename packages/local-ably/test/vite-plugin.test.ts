import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChatClient, LogLevel } from '@ably/chat';
import * as Ably from 'ably';
import { createServer, type PreviewServer, preview, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { chatChannelName, startLocalAbly } from '../src/index.js';
import { ablyClientOptions } from '../src/vite/client.js';
import { type AblyConnectionConfig, type LocalAblyPluginOptions, localAbly } from '../src/vite/index.js';
import { runningLocalAblyCount } from '../src/vite/shared-local-ably.js';
import { eventually } from './support/harness.js';

const root = mkdtempSync(join(tmpdir(), 'local-ably-vite-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>plugin test</title>');

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const FAST_SERVER = { occupancyDebounceMs: 0, presenceLeaveDelayMs: 200 };

/** Vite treats port 0 as "use the default 5173", so each server gets a port the OS just handed out. */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function devServer(options: LocalAblyPluginOptions = { server: FAST_SERVER }): Promise<ViteDevServer> {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: await freePort(), strictPort: true, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [localAbly(options)],
  });
  await server.listen();
  closers.push(() => server.close());
  return server;
}

function baseUrl(server: ViteDevServer | PreviewServer): string {
  const address = server.httpServer?.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

async function configOf(server: ViteDevServer | PreviewServer): Promise<AblyConnectionConfig> {
  const response = await fetch(`${baseUrl(server)}/api/ably-config`);
  expect(response.status).toBe(200);
  return (await response.json()) as AblyConnectionConfig;
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A browser-like client: tokens from the app's endpoint, never a key. */
function tokenClient(server: ViteDevServer, config: AblyConnectionConfig, clientId: string, room: string) {
  const realtime = new Ably.Realtime({
    ...ablyClientOptions(config, { clientId, room, origin: baseUrl(server) }),
    logLevel: 0,
  });
  closers.push(async () => realtime.close());
  return realtime;
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: Ably.ErrorInfo) => error.code,
  );

describe('the localAbly() Vite plugin', () => {
  it('builds browser client options from the config: token endpoint, loopback, WebSocket only', async () => {
    const config: AblyConnectionConfig = {
      mode: 'local-ably',
      tokenPath: '/api/ably-token',
      realtime: { endpoint: '127.0.0.1', port: 4321, tls: false },
      adminUrl: 'http://127.0.0.1:4321/local-ably',
    };
    const options = ablyClientOptions(config, { clientId: 'ann', room: 'launch', origin: 'http://127.0.0.1:5173' });
    expect(options).toEqual({
      clientId: 'ann',
      authUrl: 'http://127.0.0.1:5173/api/ably-token',
      authParams: { clientId: 'ann', room: 'launch' },
      endpoint: '127.0.0.1',
      port: 4321,
      tls: false,
      transports: ['web_socket'],
    });
    expect('key' in options).toBe(false);
    expect(
      ablyClientOptions({ mode: 'ably', tokenPath: '/t' }, { clientId: 'ann', origin: 'https://app.example' }),
    ).toEqual({ clientId: 'ann', authUrl: 'https://app.example/t', authParams: { clientId: 'ann' } });
  });

  it('starts local-ably on loopback and tells the browser where it is', async () => {
    const server = await devServer();
    const config = await configOf(server);
    expect(config).toMatchObject({ mode: 'local-ably', tokenPath: '/api/ably-token' });
    if (config.mode !== 'local-ably') return;
    expect(config.realtime).toMatchObject({ endpoint: '127.0.0.1', tls: false });
    expect(config.realtime.port).toBeGreaterThan(0);
    const time = await fetch(`http://127.0.0.1:${config.realtime.port}/time`);
    expect(time.status).toBe(200);
    const rooms = await fetch(`${config.adminUrl}/rooms`);
    expect(rooms.status).toBe(200);
  });

  it('passes server.allowedOrigins to local-ably: other sites are refused unless named', async () => {
    const server = await devServer({ server: { ...FAST_SERVER, allowedOrigins: ['https://app.example'] } });
    const config = await configOf(server);
    if (config.mode !== 'local-ably') throw new Error('expected local-ably mode');
    const time = (origin: string) => fetch(`http://127.0.0.1:${config.realtime.port}/time`, { headers: { origin } });
    const allowed = await time('https://app.example');
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect((await time(baseUrl(server))).status).toBe(200);
    const refused = await time('https://evil.example');
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/server\.allowedOrigins in the Vite plugin/);
  });

  it('mints a short-lived JWT that the real SDK connects with, and ChatClient presence works', async () => {
    const server = await devServer();
    const config = await configOf(server);
    const response = await fetch(`${baseUrl(server)}/api/ably-token?clientId=ann&room=launch`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/jwt');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const claims = claimsOf(await response.text());
    expect(claims['x-ably-clientId']).toBe('ann');
    expect((claims.exp as number) - (claims.iat as number)).toBe(600);

    const chat = new ChatClient(tokenClient(server, config, 'ann', 'launch'), { logLevel: LogLevel.Silent });
    const room = await chat.rooms.get('launch', { occupancy: { enableEvents: true } });
    await room.attach();
    await room.presence.enter({ name: 'Ann' });
    const members = await room.presence.get();
    expect(members.map((member) => member.clientId)).toEqual(['ann']);
    await eventually(() => expect(room.occupancy.current?.presenceMembers).toBe(1));
    expect(chat.realtime.auth.clientId).toBe('ann');
  });

  it('grants least privilege: presence and subscribe on the requested room only, no publish', async () => {
    const server = await devServer();
    const config = await configOf(server);
    const token = await (await fetch(`${baseUrl(server)}/api/ably-token?clientId=bob&room=launch`)).text();
    expect(JSON.parse(claimsOf(token)['x-ably-capability'] as string)).toEqual({
      launch: ['channel-metadata', 'presence', 'subscribe'],
    });

    const realtime = tokenClient(server, config, 'bob', 'launch');
    const own = realtime.channels.get(chatChannelName('launch'));
    await own.presence.enter({ name: 'Bob' });
    expect(await codeOf(own.publish('chat', 'hello'))).toBe(40160);
    expect(await codeOf(realtime.channels.get(chatChannelName('other-room')).attach())).toBe(40160);
    expect(await codeOf(realtime.channels.get('plain-channel').attach())).toBe(40160);
    expect(realtime.connection.state).toBe('connected');
  });

  it('lets the app choose the capability, e.g. a lobby that may list rooms', async () => {
    const { chatCapability } = await import('../src/vite/index.js');
    const server = await devServer({
      server: FAST_SERVER,
      capability: ({ room }) => chatCapability({ room, occupancy: false, lobby: true }),
    });
    const token = await (await fetch(`${baseUrl(server)}/api/ably-token?clientId=cat&room=launch`)).text();
    expect(JSON.parse(claimsOf(token)['x-ably-capability'] as string)).toEqual({
      '*': ['channel-metadata'],
      launch: ['presence', 'subscribe'],
    });
    const noRoom = await (await fetch(`${baseUrl(server)}/api/ably-token?clientId=cat`)).text();
    expect(JSON.parse(claimsOf(noRoom)['x-ably-capability'] as string)).toEqual({
      '*': ['channel-metadata'],
      '[chat]*': ['presence', 'subscribe'],
    });
  });

  it('answers a bad clientId or room with an Ably-style JSON error that says what to do', async () => {
    const server = await devServer();
    const cases: Array<[string, number, RegExp]> = [
      ['', 40012, /clientId is required/],
      ['?clientId=', 40012, /clientId is required/],
      [`?clientId=${'x'.repeat(65)}`, 40012, /at most 64/],
      ['?clientId=*', 40012, /act as anyone/],
      ['?clientId=a%00b', 40012, /control characters/],
      ['?clientId=ann&room=a*b', 40010, /not allowed/],
      ['?clientId=ann&room=', 40010, /required/],
    ];
    for (const [query, code, message] of cases) {
      const response = await fetch(`${baseUrl(server)}/api/ably-token${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: number; statusCode: number; message: string } };
      expect(body.error.code, query).toBe(code);
      expect(body.error.statusCode).toBe(400);
      expect(body.error.message).toMatch(message);
    }
    const put = await fetch(`${baseUrl(server)}/api/ably-token?clientId=ann`, { method: 'PUT' });
    expect(put.status).toBe(405);
  });

  it('the SDK surfaces the endpoint error (as the cause of 80019) instead of connecting', async () => {
    const server = await devServer();
    const config = await configOf(server);
    if (config.mode !== 'local-ably') return;
    const realtime = new Ably.Realtime({
      authUrl: `${baseUrl(server)}/api/ably-token`,
      authParams: { clientId: 'x'.repeat(80) },
      ...config.realtime,
      logLevel: 0,
    });
    closers.push(async () => realtime.close());
    const change = await new Promise<Ably.ConnectionStateChange>((resolve) =>
      realtime.connection.once('disconnected', resolve),
    );
    // The SDK wraps an authUrl failure in 80019 and keeps the endpoint's own error as the cause.
    expect(change.reason?.code).toBe(80019);
    const cause = change.reason?.cause as Ably.ErrorInfo;
    expect(cause.code).toBe(40012);
    expect(cause.message).toMatch(/clientId is too long \(80 characters\): use at most 64/);
  });

  it('accepts POSTed token requests (authMethod: POST)', async () => {
    const server = await devServer();
    const response = await fetch(`${baseUrl(server)}/api/ably-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'clientId=dee&room=launch',
    });
    expect(response.status).toBe(200);
    expect(claimsOf(await response.text())['x-ably-clientId']).toBe('dee');
  });

  it('configured twice in one process (Vitest storybook project), reuses one server: no EADDRINUSE', async () => {
    const options = { server: { ...FAST_SERVER, port: 0 } };
    const first = await devServer(options);
    const second = await devServer(options);
    const a = await configOf(first);
    const b = await configOf(second);
    if (a.mode !== 'local-ably' || b.mode !== 'local-ably') throw new Error('expected local-ably mode');
    expect(b.realtime.port).toBe(a.realtime.port);
    expect(runningLocalAblyCount()).toBe(1);

    // A fixed port, twice: still one server.
    const fixed = await startLocalAbly({ port: 0 });
    const port = fixed.port;
    await fixed.close();
    const third = await devServer({ server: { port } });
    const fourth = await devServer({ server: { port } });
    expect(((await configOf(fourth)) as { realtime: { port: number } }).realtime.port).toBe(port);
    await third.close();
    expect((await fetch(`http://127.0.0.1:${port}/time`)).status).toBe(200);
    await fourth.close();
    await expect(fetch(`http://127.0.0.1:${port}/time`)).rejects.toThrow();
  });

  it('stops local-ably when the last Vite server closes', async () => {
    const server = await devServer();
    const config = await configOf(server);
    if (config.mode !== 'local-ably') throw new Error('expected local-ably mode');
    const realtime = tokenClient(server, config, 'eve', 'launch');
    await realtime.connection.once('connected');
    await server.close();
    expect(runningLocalAblyCount()).toBe(0);
    await expect(fetch(`http://127.0.0.1:${config.realtime.port}/time`)).rejects.toThrow();
    await eventually(() => expect(realtime.connection.state).not.toBe('connected'));
  });

  it('a process that exits without closing Vite (Storybook on SIGINT) exits cleanly and frees local-ably', async () => {
    const first = await freePort();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./support/vite-plugin-exit-child.ts', import.meta.url)),
        String(first),
      ],
      // From the package, so `--import tsx` resolves; the child's Vite root is that folder (only its API routes are used).
      { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()));
      child.once('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
    });
    const config = JSON.parse(line) as AblyConnectionConfig;
    if (config.mode !== 'local-ably') throw new Error('expected local-ably mode');
    expect((await fetch(`http://127.0.0.1:${config.realtime.port}/time`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.stdin.write('exit\n');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    await expect(fetch(`http://127.0.0.1:${config.realtime.port}/time`)).rejects.toThrow();
  });

  it('serves the token endpoint from `vite preview` too, and closes with it', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'local-ably-vite-dist-'));
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>built</title>');
    const server = await preview({
      configFile: false,
      root,
      logLevel: 'silent',
      build: { outDir },
      preview: { host: '127.0.0.1', port: await freePort(), strictPort: true },
      plugins: [localAbly({ server: FAST_SERVER })],
    });
    const config = await configOf(server);
    expect(config.mode).toBe('local-ably');
    const token = await fetch(`${baseUrl(server)}/api/ably-token?clientId=fay`);
    expect(token.status).toBe(200);
    await server.close();
    expect(runningLocalAblyCount()).toBe(0);
    rmSync(outDir, { recursive: true, force: true });
  });

  it('with an Ably API key, starts no local-ably and signs JWTs with that key', async () => {
    const key = 'appid.keyid:not-a-real-secret';
    const server = await devServer({ ablyApiKey: key });
    expect(runningLocalAblyCount()).toBe(0);
    expect(await configOf(server)).toEqual({ mode: 'ably', tokenPath: '/api/ably-token' });
    const token = await (await fetch(`${baseUrl(server)}/api/ably-token?clientId=gus&room=launch`)).text();
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'));
    expect(header).toMatchObject({ alg: 'HS256', kid: 'appid.keyid' });

    // Ably itself cannot be reached here: a local-ably holding the same key stands in to verify the signature.
    const standIn = await startLocalAbly({ port: 0, keys: [key] });
    closers.push(() => standIn.close());
    const realtime = new Ably.Realtime({
      token,
      clientId: 'gus',
      endpoint: standIn.host,
      port: standIn.port,
      tls: false,
      logLevel: 0,
    });
    closers.push(async () => realtime.close());
    await realtime.channels.get(chatChannelName('launch')).presence.enter();
    expect(standIn.stats().members).toBe(1);
  });

  it('rejects a malformed ABLY_API_KEY without printing it', async () => {
    await expect(devServer({ ablyApiKey: 'oops-secret-value' })).rejects.toThrow(/appId\.keyId:secret/);
    await expect(devServer({ ablyApiKey: 'oops-secret-value' })).rejects.not.toThrow(/oops-secret-value/);
  });
});
