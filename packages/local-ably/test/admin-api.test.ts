import http from 'node:http';
import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { eventually, type Harness, startHarness } from './support/harness.js';

interface Reply {
  status: number;
  body: unknown;
  headers: Headers;
}

/** Calls the admin API the way a developer panel would (JSON bodies, optionally from another origin). */
async function admin(
  h: Harness,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetch(`${h.server.url}/local-ably${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

function connected(realtime: Ably.Realtime): Promise<void> {
  return new Promise((resolve) => {
    realtime.connection.on((change) => {
      if (change.current === 'connected' && change.previous !== 'connected') resolve();
    });
  });
}

describe('admin HTTP API under /local-ably', () => {
  it('lists rooms, channels, connections and members as a chat client changes them', async () => {
    const h = await startHarness();
    const chat = h.chat('alice');
    const room = await h.room(chat, 'lobby');
    await room.presence.enter({ status: 'here' });
    const plain = h.realtime();
    await plain.channels.get('news').attach();
    const aliceId = chat.realtime.connection.id;

    const rooms = await admin(h, 'GET', '/rooms');
    expect(rooms.status).toBe(200);
    expect(rooms.body).toEqual([
      expect.objectContaining({
        name: 'lobby::$chat',
        room: 'lobby',
        connections: 1,
        members: 1,
        simulatedMembers: 0,
        metrics: expect.objectContaining({ connections: 1, presenceMembers: 1, presenceConnections: 1 }),
      }),
    ]);
    const channels = (await admin(h, 'GET', '/channels')).body as Array<{ name: string }>;
    expect(channels.map((channel) => channel.name)).toEqual(['lobby::$chat', 'news']);

    const connections = (await admin(h, 'GET', '/connections')).body as Array<Record<string, unknown>>;
    expect(connections).toHaveLength(2);
    expect(connections.find((c) => c.id === aliceId)).toMatchObject({
      clientId: 'alice',
      state: 'connected',
      stalled: false,
      delayMs: 0,
      channels: ['lobby::$chat'],
    });

    const members = await admin(h, 'GET', `/channels/${encodeURIComponent('lobby::$chat')}/members`);
    expect(members.body).toEqual({
      channel: 'lobby::$chat',
      total: 1,
      members: [expect.objectContaining({ clientId: 'alice', connectionId: aliceId, data: { status: 'here' } })],
    });
    expect((await admin(h, 'GET', '/rooms/lobby/members')).body).toEqual(members.body);
    expect((await admin(h, 'GET', '/channels/nowhere/members')).body).toEqual({
      channel: 'nowhere',
      total: 0,
      members: [],
    });
  });

  it('starts, reads and stops a room simulation that a chat client sees', async () => {
    const h = await startHarness();
    const room = await h.room(h.chat('watcher'), 'party');

    const started = await admin(h, 'POST', '/rooms/party/simulation', { count: 300, churnPerSecond: 5, seed: 9 });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ channel: 'party::$chat', room: 'party', count: 300, seed: 9 });
    await eventually(async () => expect(await room.presence.get()).toHaveLength(300), 8_000);

    expect((await admin(h, 'GET', '/simulations')).body).toEqual([
      expect.objectContaining({ channel: 'party::$chat' }),
    ]);
    expect((await admin(h, 'GET', '/rooms/party/simulation')).body).toMatchObject({ count: 300 });
    const listed = (await admin(h, 'GET', '/rooms/party/members?limit=5')).body as {
      total: number;
      members: unknown[];
    };
    expect(listed.total).toBeGreaterThan(250);
    expect(listed.members).toHaveLength(5);
    expect((await admin(h, 'GET', '/rooms')).body).toEqual([
      expect.objectContaining({ room: 'party', connections: 1, simulatedMembers: listed.total }),
    ]);

    const stopped = await admin(h, 'DELETE', '/rooms/party/simulation');
    expect(stopped.status).toBe(200);
    await eventually(async () => expect(await room.presence.get()).toEqual([]));
    const again = await admin(h, 'DELETE', '/rooms/party/simulation');
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({
      error: { code: 40400, message: expect.stringContaining('POST /local-ably/rooms/') },
    });

    expect((await admin(h, 'POST', '/channels/plain/simulation', { count: 3 })).status).toBe(201);
    expect((await admin(h, 'GET', '/channels/plain/members')).body).toMatchObject({ total: 3 });
  });

  it('injects faults over HTTP: drop resumes, delay and stall show in the listing, restart loses state', async () => {
    const h = await startHarness({ presenceLeaveDelayMs: 5_000 });
    const alice = h.realtime('alice', { disconnectedRetryTimeout: 300 });
    await alice.channels.get('room').presence.enter();
    const id = alice.connection.id ?? '';

    let reconnected = connected(alice);
    expect((await admin(h, 'POST', '/faults/drop', { connectionId: id })).body).toEqual({
      fault: 'drop',
      connectionId: id,
      loseState: false,
    });
    await reconnected;
    expect(alice.connection.id).toBe(id);

    expect((await admin(h, 'POST', '/faults/delay', { connectionId: id, ms: 50 })).status).toBe(200);
    expect((await admin(h, 'GET', '/connections')).body).toEqual([expect.objectContaining({ id, delayMs: 50 })]);
    expect((await admin(h, 'POST', '/faults/refuse', { ms: 0 })).body).toEqual({ fault: 'refuse', ms: 0 });

    reconnected = connected(alice);
    expect((await admin(h, 'POST', '/faults/restart', { keepState: false, downMs: 100 })).status).toBe(200);
    await reconnected;
    expect(alice.connection.id).not.toBe(id);
    expect(alice.connection.errorReason?.code).toBe(80008);
    await eventually(async () =>
      expect((await admin(h, 'GET', '/channels/room/members')).body).toMatchObject({
        total: 1,
        members: [expect.objectContaining({ clientId: 'alice', connectionId: alice.connection.id })],
      }),
    );

    expect((await admin(h, 'POST', '/faults/stall', { connectionId: alice.connection.id })).status).toBe(200);
    expect((await admin(h, 'GET', '/connections')).body).toEqual([expect.objectContaining({ stalled: true })]);
  });

  it('rejects bad input with 400 and a message that says what to send', async () => {
    const h = await startHarness();
    const cases: Array<[string, string, unknown, number, number, RegExp]> = [
      ['POST', '/faults/drop', {}, 400, 40003, /"connectionId" must be a non-empty string.*Send \{"connectionId"/],
      [
        'POST',
        '/faults/drop',
        { connectionId: 'nope' },
        404,
        40400,
        /No connection "nope".*GET \/local-ably\/connections/,
      ],
      [
        'POST',
        '/faults/drop',
        { connectionId: 'x', loseState: 'yes' },
        400,
        40003,
        /"loseState" must be true or false/,
      ],
      ['POST', '/faults/delay', { connectionId: 'x' }, 400, 40003, /"ms" is required/],
      ['POST', '/faults/delay', { connectionId: 'x', ms: -5 }, 400, 40003, /"ms" must be a whole number from 0/],
      ['POST', '/faults/refuse', [1, 2], 400, 40003, /body must be a JSON object/],
      ['POST', '/faults/restart', { keepState: 1 }, 400, 40003, /"keepState" must be true or false.*Send/],
      ['POST', '/faults/restart', '{not json', 400, 40000, /Unable to parse JSON body/],
      ['POST', '/rooms/r/simulation', { count: 0 }, 400, 40003, /"count" must be a whole number from 1 to 50000/],
      [
        'POST',
        '/rooms/r/simulation',
        { count: 5, churnPerSecond: 'fast' },
        400,
        40003,
        /"churnPerSecond" must be a number/,
      ],
      ['POST', '/rooms/r/simulation', undefined, 400, 40003, /"count" is required.*Send \{"count"/],
      ['GET', '/rooms/r/members?limit=0', undefined, 400, 40003, /"limit" must be a whole number/],
      ['PUT', '/rooms', undefined, 405, 40500, /use GET/],
      ['GET', '/nothing-here', undefined, 404, 40400, /No such endpoint/],
    ];
    for (const [method, path, body, status, code, message] of cases) {
      const reply = await admin(h, method, path, body);
      expect({ method, path, status: reply.status }).toEqual({ method, path, status });
      expect(reply.body).toMatchObject({
        error: { code, statusCode: status, message: expect.stringMatching(message) },
      });
    }
    expect(h.server.stats()).toEqual({ connections: 0, channels: 0, members: 0 });
  });

  it('answers a page on another origin: preflight and responses carry CORS headers', async () => {
    const h = await startHarness();
    const origin = 'http://127.0.0.1:6006';
    const preflight = await fetch(`${h.server.url}/local-ably/rooms/x/simulation`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');

    const reply = await admin(h, 'POST', '/rooms/x/simulation', { count: 2 }, { origin });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('access-control-allow-origin')).toBe(origin);
    const failure = await admin(h, 'POST', '/faults/drop', {}, { origin });
    expect(failure.headers.get('access-control-allow-origin')).toBe(origin);
    expect(failure.headers.get('content-type')).toBe('application/json');
  });

  it('refuses other Hosts (DNS rebinding) and other Origins (any web page); Ably REST routes follow allowedOrigins', async () => {
    const h = await startHarness();
    const request = (path: string, headers: Record<string, string>, method = 'GET') =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
        (resolve, reject) => {
          // fetch() cannot set Host; node:http can, as a rebinding page's browser effectively does.
          const req = http.request({ host: h.server.host, port: h.server.port, path, method, headers }, (response) => {
            let body = '';
            response.on('data', (chunk) => {
              body += chunk;
            });
            response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
          });
          req.on('error', reject);
          req.end();
        },
      );
    const local = `127.0.0.1:${h.server.port}`;
    for (const host of [`attacker.example:${h.server.port}`, 'rebind.attacker.example', `10.0.0.5:${h.server.port}`]) {
      const reply = await request('/local-ably/rooms', { host });
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body).error).toMatchObject({ code: 40300, message: expect.stringMatching(/Host/) });
    }
    for (const host of [local, `localhost:${h.server.port}`, `[::1]:${h.server.port}`, 'app.localhost']) {
      expect((await request('/local-ably/rooms', { host })).status).toBe(200);
    }
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example']) {
      const reply = await request('/local-ably/faults/restart', { host: local, origin }, 'POST');
      expect(reply.status).toBe(403);
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await request(
        '/local-ably/faults/restart',
        { host: local, origin, 'access-control-request-method': 'POST' },
        'OPTIONS',
      );
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect((await request('/local-ably/rooms', { host: local, origin: 'http://localhost:6006' })).status).toBe(200);
    // Ably's own routes check no Host (any name may point here), but refuse pages from other sites unless allowed.
    const time = await request('/time', { host: 'anything.example', origin: 'http://localhost:5173' });
    expect(time.status).toBe(200);
    expect(time.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect((await request('/time', { host: local, origin: 'https://app.example' })).status).toBe(403);
    expect(h.server.stats().connections).toBe(0);
  });
});
