import * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { createJwt } from '../src/index.js';
import { eventually, type Harness, startHarness } from './support/harness.js';

/** A client authenticated the way production apps are: an authCallback that returns a fresh credential each time. */
function tokenClient(
  h: Harness,
  clientId: string,
  credential: () => Promise<string | Ably.TokenRequest>,
  extra: Partial<Ably.ClientOptions> = {},
): { realtime: Ably.Realtime; calls: () => number } {
  let calls = 0;
  const { key: _key, ...endpoint } = h.server.clientOptions(clientId);
  const realtime = h.realtime(undefined, {
    ...endpoint,
    key: undefined,
    authCallback: (_params, callback) => {
      calls++;
      credential().then(
        (value) => callback(null, value),
        (error: Ably.ErrorInfo) => callback(error, null),
      );
    },
    ...extra,
  });
  return { realtime, calls: () => calls };
}

function signer(h: Harness): Ably.Rest {
  return h.rest();
}

describe('token auth through the real SDK', () => {
  it('connects with a signed TokenRequest, enters presence and uses REST with the token', async () => {
    const h = await startHarness();
    const { realtime } = tokenClient(h, 'alice', () => signer(h).auth.createTokenRequest({ clientId: 'alice' }));
    const channel = realtime.channels.get('room');
    await channel.presence.enter({ hi: 1 });
    expect(realtime.auth.clientId).toBe('alice');
    const members = await channel.presence.get();
    expect(members.map((member) => member.clientId)).toEqual(['alice']);

    // auth.requestToken() posts a TokenRequest to /keys/:keyName/requestToken and returns TokenDetails.
    const details = await signer(h).auth.requestToken({ clientId: 'reader' });
    expect(details).toMatchObject({ clientId: 'reader', token: expect.stringMatching(/^la1\./) });
    const rest = new Ably.Rest({
      ...h.server.clientOptions(),
      key: undefined,
      token: details.token,
      logLevel: 0,
    } as Ably.ClientOptions);
    const page = await rest.channels.get('room').presence.get();
    expect(page.items.map((member) => member.clientId)).toEqual(['alice']);
  });

  it('connects with an Ably JWT from createJwt and enforces its clientId', async () => {
    const h = await startHarness();
    const { realtime } = tokenClient(h, 'bob', async () => createJwt({ key: h.server.key, clientId: 'bob' }));
    await realtime.channels.get('room').presence.enter();
    expect(realtime.connection.state).toBe('connected');
    const raw = h.realtime(undefined, { key: undefined, token: createJwt({ key: h.server.key, clientId: 'bob' }) });
    const error = await raw.channels
      .get('room')
      .presence.enterClient('mallory')
      .then(
        () => undefined,
        (e: Ably.ErrorInfo) => e,
      );
    expect(error?.code).toBe(40012);
  });

  it('renews an expiring token without the member ever leaving', async () => {
    const h = await startHarness();
    const observer = h.realtime('observer');
    const seen: string[] = [];
    await observer.channels
      .get('room')
      .presence.subscribe((message) => seen.push(`${message.action}:${message.clientId}`));
    const { realtime, calls } = tokenClient(h, 'carol', async () =>
      createJwt({ key: h.server.key, clientId: 'carol', ttlMs: 2_000 }),
    );
    await realtime.channels.get('room').presence.enter();
    await eventually(() => expect(seen).toEqual(['enter:carol']));
    const firstId = realtime.connection.id;
    // Past two lifetimes: the server asks for AUTH before expiry; either way the SDK renews.
    await eventually(() => expect(calls()).toBeGreaterThanOrEqual(3), 8_000);
    expect(realtime.connection.state).toBe('connected');
    expect(realtime.connection.id).toBe(firstId);
    expect(seen).toEqual(['enter:carol']);
    expect((await observer.channels.get('room').presence.get()).map((m) => m.clientId)).toEqual(['carol']);
  });

  it('disconnects with 40142 at expiry when renewal did not help, and the SDK renews and resumes', async () => {
    const h = await startHarness();
    // The first two credentials are the same 1 s token, so the server's AUTH warning renews nothing and it expires.
    const expiring = createJwt({ key: h.server.key, clientId: 'dave', ttlMs: 1_000 });
    let handed = 0;
    const { realtime } = tokenClient(h, 'dave', async () =>
      ++handed <= 2 ? expiring : createJwt({ key: h.server.key, clientId: 'dave' }),
    );
    const reasons: number[] = [];
    realtime.connection.on('disconnected', (change) => reasons.push(change.reason?.code ?? 0));
    await realtime.channels.get('room').presence.enter();
    const id = realtime.connection.id;
    await eventually(() => expect(reasons).toContain(40142), 6_000);
    await eventually(() => expect(realtime.connection.state).toBe('connected'));
    expect(realtime.connection.id).toBe(id);
    expect((await realtime.channels.get('room').presence.get()).map((m) => m.clientId)).toEqual(['dave']);
  });

  it('re-authorizes in band: client-initiated authorize() and server-initiated AUTH keep the connection id', async () => {
    const h = await startHarness();
    const { realtime, calls } = tokenClient(h, 'erin', async () => createJwt({ key: h.server.key, clientId: 'erin' }));
    await realtime.connection.once('connected');
    const id = realtime.connection.id!;
    const updates: number[] = [];
    realtime.connection.on('update', () => updates.push(Date.now()));
    await realtime.auth.authorize();
    await eventually(() => expect(updates).toHaveLength(1));
    h.server.requestReauth(id);
    await eventually(() => expect(updates).toHaveLength(2));
    expect(calls()).toBeGreaterThanOrEqual(3);
    expect(realtime.connection.id).toBe(id);
    expect(realtime.connection.state).toBe('connected');
  });

  it('fails with 40101 for a wrong key and 40102 for a clientId that contradicts the token', async () => {
    const h = await startHarness();
    const wrong = h.realtime('x', { key: 'local.dev:not-the-secret' });
    await eventually(() => expect(wrong.connection.errorReason?.code).toBe(40101));
    expect(wrong.connection.state).toBe('failed');

    const url = `ws://127.0.0.1:${h.server.port}/?access_token=${encodeURIComponent(createJwt({ key: h.server.key, clientId: 'a' }))}&clientId=b&format=json`;
    const { WebSocket } = await import('ws');
    const socket = new WebSocket(url);
    const first = await new Promise<{ action: number; error?: { code: number } }>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    socket.close();
    expect(first.action).toBe(9);
    expect(first.error?.code).toBe(40102);
  });
});

/** A requestToken reply: TokenDetails, or an Ably error body. */
interface TokenReply {
  keyName?: string;
  clientId?: string;
  issued: number;
  expires: number;
  error: { code: number };
}

describe('TokenRequest and JWT validation (raw HTTP)', () => {
  const post = (h: Harness, keyName: string, body: unknown) =>
    fetch(`${h.server.url}/keys/${keyName}/requestToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as TokenReply }));

  it('issues TokenDetails, then rejects a replayed nonce, a bad MAC and a stale timestamp', async () => {
    const h = await startHarness();
    const keyName = h.server.key.split(':')[0]!;
    const request = await signer(h).auth.createTokenRequest({ clientId: 'zoe', ttl: 60_000 });
    const ok = await post(h, keyName, request);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ keyName, clientId: 'zoe' });
    expect(ok.body.expires - ok.body.issued).toBe(60_000);

    expect((await post(h, keyName, request)).body.error.code).toBe(40105);
    const tampered = await signer(h).auth.createTokenRequest({ clientId: 'zoe' });
    expect((await post(h, keyName, { ...tampered, clientId: 'admin' })).body.error.code).toBe(40101);
    const stale = await signer(h).auth.createTokenRequest({
      clientId: 'zoe',
      timestamp: Date.now() - 3_600_000,
    } as Ably.TokenParams);
    const staleReply = await post(h, keyName, stale);
    expect(staleReply.status).toBe(401);
    expect(staleReply.body.error.code).toBe(40104);
    expect((await post(h, 'no.such', request)).body.error.code).toBe(40101);
  });

  it('rejects malformed (40144), expired (40142) and wrongly signed (40101) JWTs over REST', async () => {
    const h = await startHarness();
    const status = async (token: string) => {
      const response = await fetch(`${h.server.url}/channels/x`, { headers: { authorization: `Bearer ${token}` } });
      return ((await response.json()) as { error?: { code: number } }).error?.code ?? response.status;
    };
    expect(await status(createJwt({ key: h.server.key }))).toBe(200);
    expect(await status('not.a-jwt')).toBe(40144);
    expect(await status(createJwt({ key: h.server.key, ttlMs: -10_000 }))).toBe(40142);
    expect(await status(createJwt({ key: `${h.server.key.split(':')[0]}:wrong-secret` }))).toBe(40101);
  });
});
