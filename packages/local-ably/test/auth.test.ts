import { createHmac } from 'node:crypto';
import * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { createJwt, createTokenRequest } from '../src/index.js';
import { eventually, type Harness, sleep, startHarness } from './support/harness.js';
import { RawSocket } from './support/raw-socket.js';

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

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: Ably.ErrorInfo) => error.code,
  );

/** The first frame the server sends to a WebSocket that presents `token` (an ERROR for a bad one). */
async function firstFrameFor(h: Harness, token: string, clientId?: string) {
  const socket = await RawSocket.open(h.server, { key: null, clientId, query: { access_token: token } });
  const frame = await socket.next(() => true);
  socket.close();
  return frame;
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

  it('accepts a TokenRequest from the exported createTokenRequest and grants requested ∩ key capability', async () => {
    const h = await startHarness();
    const { realtime } = tokenClient(h, 'tina', async () =>
      createTokenRequest({ key: h.server.key, clientId: 'tina', capability: { lobby: ['presence', 'subscribe'] } }),
    );
    await realtime.channels.get('lobby').presence.enter();
    expect(await codeOf(realtime.channels.get('elsewhere').attach())).toBe(40160);
    expect(realtime.connection.state).toBe('connected');
  });

  it('serves REST with a JWT sent as Bearer base64(token), and the REST client renews a known expiry', async () => {
    const h = await startHarness();
    await h.realtime('alice').channels.get('room').presence.enter();
    let calls = 0;
    const rest = new Ably.Rest({
      ...h.server.clientOptions(),
      key: undefined,
      logLevel: 0,
      authCallback: (_params, callback) => {
        calls++;
        // TokenDetails with `expires` (not a bare JWT string) let the SDK see the expiry and renew before using it.
        const ttlMs = calls === 1 ? 1_000 : 60_000;
        const token = createJwt({ key: h.server.key, clientId: 'reader', ttlMs });
        const expires = (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number })
          .exp;
        callback(null, { token, expires: expires * 1000, issued: Date.now(), capability: '', clientId: 'reader' });
      },
    } as Ably.ClientOptions);
    // ably-js 2.28 only checks expiry once it knows the server clock (and its retry after a REST 40142 resends the
    // old token forever, ably-js#2193), so REST clients with expiring tokens should call time() once.
    await rest.time();
    const read = async () => (await rest.channels.get('room').presence.get()).items.map((m) => m.clientId);
    expect(await read()).toEqual(['alice']);
    await sleep(1_100);
    expect(await read()).toEqual(['alice']);
    expect(calls).toBe(2);
  });

  it('answers an expired token at connect with ERROR 40142: renewable clients retry, token-only ones fail 40171', async () => {
    const h = await startHarness();
    let handed = 0;
    const { realtime } = tokenClient(h, 'fred', async () =>
      createJwt({ key: h.server.key, clientId: 'fred', ttlMs: ++handed === 1 ? -10_000 : 60_000 }),
    );
    const reasons: number[] = [];
    realtime.connection.on((change) => reasons.push(change.reason?.code ?? 0));
    await realtime.connection.once('connected');
    expect(reasons).toContain(40142);
    expect(handed).toBe(2);

    const stuck = h.realtime('gina', {
      key: undefined,
      token: createJwt({ key: h.server.key, clientId: 'gina', ttlMs: -10_000 }),
    });
    await eventually(() => expect(stuck.connection.state).toBe('failed'));
    expect(stuck.connection.errorReason?.code).toBe(40171);
  });

  it('renews an expiring token without the member ever leaving', async () => {
    const h = await startHarness();
    const observer = h.realtime('observer');
    const seen: string[] = [];
    await observer.channels
      .get('room')
      .presence.subscribe((message) => seen.push(`${message.action}:${message.clientId}`));
    // ms-precise 3 s tokens: the server's AUTH comes 600 ms before expiry, ample time to renew on a busy machine.
    const { realtime, calls } = tokenClient(h, 'carol', async () =>
      createTokenRequest({ key: h.server.key, clientId: 'carol', ttlMs: 3_000 }),
    );
    const changes: string[] = [];
    realtime.connection.on(['update', 'disconnected'], function (this: { event: string }) {
      changes.push(this.event);
    });
    await realtime.channels.get('room').presence.enter();
    await eventually(() => expect(seen).toEqual(['enter:carol']));
    const firstId = realtime.connection.id;
    // Past two lifetimes: each time the server asks for AUTH before expiry and the SDK renews in band.
    await eventually(() => expect(changes).toEqual(['update', 'update']), 8_000);
    expect(calls()).toBe(3);
    expect(realtime.connection.state).toBe('connected');
    expect(realtime.connection.id).toBe(firstId);
    expect(seen).toEqual(['enter:carol']);
    expect((await observer.channels.get('room').presence.get()).map((m) => m.clientId)).toEqual(['carol']);
  });

  it('disconnects with 40142 at expiry when renewal did not help, and the SDK renews and resumes', async () => {
    const h = await startHarness();
    // The first two credentials are the same short token, so the server's AUTH warning renews nothing and it expires.
    const expiring = createJwt({ key: h.server.key, clientId: 'dave', ttlMs: 2_000 });
    const observer = h.realtime('observer');
    const seen: string[] = [];
    await observer.channels
      .get('room')
      .presence.subscribe((message) => seen.push(`${message.action}:${message.clientId}`));
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
    // The member outlived the disconnect: the observer saw it enter once and never leave.
    expect(seen).toEqual(['enter:dave']);
    expect(h.server.stats().members).toBe(1);
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
    const unknown = h.realtime('x', { key: 'nope.key:secret' });
    await eventually(() => expect(unknown.connection.errorReason?.code).toBe(40101));
    // A JWT signed by a key this server does not have: a credentials problem (40101), so the SDK does not retry.
    const foreign = h.realtime('x', { key: undefined, token: createJwt({ key: 'other.key:secret', clientId: 'x' }) });
    await eventually(() => expect(foreign.connection.state).toBe('failed'));
    expect(foreign.connection.errorReason).toMatchObject({ code: 40101, statusCode: 401 });

    const mismatch = await firstFrameFor(h, createJwt({ key: h.server.key, clientId: 'a' }), 'b');
    expect(mismatch).toMatchObject({ action: 9, error: { code: 40102, statusCode: 401 } });
  });

  it('answers an in-band AUTH with an expired token by DISCONNECTED 40142, keeping the connection for a resume', async () => {
    const h = await startHarness();
    const observer = h.realtime('observer');
    const seen: string[] = [];
    await observer.channels
      .get('room')
      .presence.subscribe((message) => seen.push(`${message.action}:${message.clientId}`));
    let handed = 0;
    // An app whose token endpoint hands back a stale token once: the renewal after the 40142 must be able to resume.
    const { realtime } = tokenClient(h, 'ivy', async () =>
      createJwt({ key: h.server.key, clientId: 'ivy', ttlMs: ++handed === 2 ? -10_000 : 60_000 }),
    );
    const reasons: number[] = [];
    realtime.connection.on('disconnected', (change) => reasons.push(change.reason?.code ?? 0));
    await realtime.channels.get('room').presence.enter();
    const id = realtime.connection.id;
    await realtime.auth.authorize().catch(() => undefined);
    await eventually(() => expect(reasons).toContain(40142));
    await eventually(() => expect(realtime.connection.state).toBe('connected'));
    expect(realtime.connection.id).toBe(id);
    expect(handed).toBe(3);
    expect(seen).toEqual(['enter:ivy']);
    expect(h.server.stats().members).toBe(1);
  });

  it('fails the connection with 40102 when an in-band AUTH brings a token for another clientId', async () => {
    const h = await startHarness();
    let handed = 0;
    const { realtime } = tokenClient(h, 'hank', async () =>
      createJwt({ key: h.server.key, clientId: ++handed === 1 ? 'hank' : 'mallory' }),
    );
    await realtime.channels.get('room').presence.enter();
    await realtime.auth.authorize().catch(() => undefined);
    await eventually(() => expect(realtime.connection.state).toBe('failed'));
    expect(realtime.connection.errorReason?.code).toBe(40102);
    await eventually(() => expect(h.server.stats().members).toBe(0));
  });
});

/** A requestToken reply: TokenDetails, or an Ably error body. */
interface TokenReply {
  keyName?: string;
  clientId?: string;
  capability?: string;
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
    // Raw tokens (curl) are accepted as well as ably-js's base64(token).
    expect(await status(Buffer.from(createJwt({ key: h.server.key })).toString('base64'))).toBe(200);
  });

  it('rejects the same bad JWTs on the WebSocket with an ERROR frame', async () => {
    const h = await startHarness();
    const [header = '', claims = ''] = createJwt({ key: h.server.key }).split('.');
    expect((await firstFrameFor(h, 'a.b')).error?.code).toBe(40144);
    expect((await firstFrameFor(h, `${header}.${claims}.`)).error).toMatchObject({ code: 40101, statusCode: 401 });
    expect((await firstFrameFor(h, createJwt({ key: h.server.key, ttlMs: -10_000 }))).error).toMatchObject({
      code: 40142,
      statusCode: 401,
    });
    // Well signed but without x-ably-capability: malformed (40144), not a credentials problem.
    const body = Buffer.from(JSON.stringify({ iat: 1, exp: 9e9 })).toString('base64url');
    const mac = createHmac('sha256', h.server.key.split(':')[1] ?? '')
      .update(`${header}.${body}`)
      .digest('base64url');
    expect((await firstFrameFor(h, `${header}.${body}.${mac}`)).error?.code).toBe(40144);
    expect((await firstFrameFor(h, createJwt({ key: h.server.key, clientId: '' }))).error?.code).toBe(40144);
    expect((await firstFrameFor(h, createJwt({ key: h.server.key, clientId: 'ok' }))).action).toBe(4);
  });

  it('caps ttl at 24 h, narrows the capability to the key and needs timestamp, nonce and mac', async () => {
    const h = await startHarness({
      keys: ['app.viewer:viewer-secret'],
      keyCapabilities: { 'app.viewer': { lobby: ['subscribe', 'presence'] } },
    });
    const key = 'app.viewer:viewer-secret';
    const long = await post(h, 'app.viewer', createTokenRequest({ key, ttlMs: 48 * 3_600_000 }));
    expect(long.body.expires - long.body.issued).toBe(24 * 3_600_000);
    const narrowed = await post(
      h,
      'app.viewer',
      createTokenRequest({ key, clientId: 'v', capability: { '*': ['subscribe', 'publish'], other: ['*'] } }),
    );
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.capability).toBe('{"lobby":["subscribe"]}');
    const disjoint = await post(h, 'app.viewer', createTokenRequest({ key, capability: { other: ['*'] } }));
    expect(disjoint.body.error.code).toBe(40160);
    const emptyClientId = await post(h, 'app.viewer', createTokenRequest({ key, clientId: '' }));
    expect(emptyClientId).toMatchObject({ status: 400, body: { error: { code: 40012 } } });
    const { mac: _mac, ...unsigned } = createTokenRequest({ key });
    const missing = await post(h, 'app.viewer', unsigned);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe(40000);
  });
});
