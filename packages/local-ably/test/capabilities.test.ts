import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { createJwt } from '../src/index.js';
import { eventually, type Harness, startHarness } from './support/harness.js';
import { RawSocket } from './support/raw-socket.js';

const FULL_KEY = 'app.full:full-secret';
const VIEWER_KEY = 'app.viewer:viewer-secret';

/** A server with a full key and a restricted "viewer" key that may only subscribe to `lobby`. */
async function restrictedHarness(): Promise<Harness> {
  return startHarness({
    keys: [FULL_KEY, VIEWER_KEY],
    keyCapabilities: { 'app.viewer': { lobby: ['subscribe'] } },
  });
}

function jwtClient(h: Harness, clientId: string, capability: Record<string, string[]>): Ably.Realtime {
  return h.realtime(undefined, {
    key: undefined,
    token: createJwt({ key: FULL_KEY, clientId, capability }),
  });
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: Ably.ErrorInfo) => error.code,
  );

describe('capabilities, enforced with Ably codes', () => {
  it('attach without any capability for the channel fails that channel with 40160; the connection stays up', async () => {
    const h = await restrictedHarness();
    const viewer = h.realtime('v', { key: VIEWER_KEY });
    expect(await codeOf(viewer.channels.get('secret').attach())).toBe(40160);
    expect(viewer.channels.get('secret').state).toBe('failed');
    await viewer.channels.get('lobby').attach();
    expect(viewer.connection.state).toBe('connected');
  });

  it('presence without the presence capability is NACKed with 40160 and changes nothing', async () => {
    const h = await restrictedHarness();
    const viewer = h.realtime('v', { key: VIEWER_KEY });
    const lobby = viewer.channels.get('lobby');
    await lobby.attach();
    expect(await codeOf(lobby.presence.enter())).toBe(40160);
    expect(h.server.stats().members).toBe(0);
  });

  it('occupancy events and channel status need channel-metadata', async () => {
    const h = await restrictedHarness();
    const viewer = h.realtime('v', { key: VIEWER_KEY });
    const lobby = viewer.channels.get('lobby', { params: { occupancy: 'metrics' } });
    const events: unknown[] = [];
    await lobby.subscribe('[meta]occupancy', (message) => events.push(message.data));
    await lobby.attach();
    expect(lobby.params.occupancy).toBeUndefined();

    const full = h.realtime('f', { key: FULL_KEY });
    const fullLobby = full.channels.get('lobby', { params: { occupancy: 'metrics' } });
    const fullEvents: unknown[] = [];
    await fullLobby.subscribe('[meta]occupancy', (message) => fullEvents.push(message.data));
    await eventually(() => expect(fullEvents.length).toBeGreaterThan(0));
    expect(fullLobby.params.occupancy).toBe('metrics');
    expect(events).toEqual([]);

    const status = await fetch(`${h.server.url}/channels/lobby`, {
      headers: { authorization: `Basic ${Buffer.from(VIEWER_KEY).toString('base64')}` },
    });
    expect(status.status).toBe(401);
    expect(((await status.json()) as { error: { code: number } }).error.code).toBe(40160);
  });

  it('matches chat rooms by room name and by the [chat] qualifier', async () => {
    const h = await restrictedHarness();
    const byRoom = jwtClient(h, 'alice', { 'doc-1': ['presence', 'subscribe'] });
    const room = byRoom.channels.get('doc-1::$chat');
    await room.presence.enter();
    expect(await codeOf(byRoom.channels.get('doc-2::$chat').attach())).toBe(40160);

    const allRooms = jwtClient(h, 'bob', { '[chat]*': ['*'] });
    await allRooms.channels.get('anything::$chat').presence.enter();
    expect(await codeOf(allRooms.channels.get('plain-channel').attach())).toBe(40160);
  });

  it('a token never gets more than its key: a JWT asking for more than the viewer key allows is cut down', async () => {
    const h = await restrictedHarness();
    const greedy = h.realtime(undefined, {
      key: undefined,
      token: createJwt({ key: VIEWER_KEY, clientId: 'v', capability: { '*': ['*'] } }),
    });
    const lobby = greedy.channels.get('lobby');
    await lobby.attach();
    expect(await codeOf(lobby.presence.enter())).toBe(40160);
  });

  it('enterClient for another clientId on an identified token is rejected with 40012', async () => {
    const h = await restrictedHarness();
    const alice = jwtClient(h, 'alice', { '*': ['*'] });
    expect(await codeOf(alice.channels.get('room').presence.enterClient('bob'))).toBe(40012);
    const wildcard = jwtClient(h, '*', { '*': ['*'] });
    await wildcard.channels.get('room').presence.enterClient('bob');
    await wildcard.channels.get('room').presence.enterClient('carol');
    expect((await wildcard.channels.get('room').presence.get()).map((m) => m.clientId).sort()).toEqual([
      'bob',
      'carol',
    ]);
  });

  it('a wildcard token that connected with a clientId is identified as it and may still enterClient others', async () => {
    const h = await restrictedHarness();
    const host = h.realtime('host', { key: undefined, token: createJwt({ key: FULL_KEY, clientId: '*' }) });
    const room = host.channels.get('room');
    await room.presence.enter();
    await room.presence.enterClient('guest');
    await room.publish({ name: 'as-guest', clientId: 'guest' });
    expect(host.auth.clientId).toBe('host');
    expect((await room.presence.get()).map((m) => m.clientId).sort()).toEqual(['guest', 'host']);
  });

  it('an anonymous token cannot take on a clientId: 40102 at connect, 40012 for enterClient and publish', async () => {
    const h = await restrictedHarness();
    const anonymous = createJwt({ key: FULL_KEY, capability: { '*': ['*'] } });
    const socket = await RawSocket.open(h.server, { key: null, clientId: 'alice', query: { access_token: anonymous } });
    expect(await socket.next(() => true)).toMatchObject({ action: 9, error: { code: 40102, statusCode: 401 } });
    socket.close();

    const client = h.realtime(undefined, { key: undefined, token: anonymous });
    const room = client.channels.get('room');
    expect(await codeOf(room.presence.enterClient('alice'))).toBe(40012);
    expect(await codeOf(room.publish({ name: 'hi', clientId: 'alice' }))).toBe(40012);
    await room.publish('anonymous', 'ok');
    expect(h.server.stats().members).toBe(0);
    // Basic auth without a clientId may still act as anyone (Ably's rule for trusted servers).
    await h.realtime(undefined, { key: FULL_KEY }).channels.get('room').presence.enterClient('alice');
    expect(h.server.stats().members).toBe(1);
  });

  it('an in-band AUTH that narrows the capability fails channels it no longer covers; the rest stay attached', async () => {
    const h = await restrictedHarness();
    let handed = 0;
    const client = h.realtime(undefined, {
      key: undefined,
      authCallback: (_params, callback) => {
        const capability: Record<string, string[]> =
          ++handed === 1 ? { '*': ['*'] } : { kept: ['presence', 'subscribe'] };
        callback(null, createJwt({ key: FULL_KEY, clientId: 'nina', capability }));
      },
    });
    const observer = h.realtime('observer', { key: FULL_KEY });
    const left: string[] = [];
    await observer.channels.get('dropped').presence.subscribe('leave', (message) => left.push(message.clientId ?? ''));
    const kept = client.channels.get('kept');
    const dropped = client.channels.get('dropped');
    await kept.presence.enter();
    await dropped.presence.enter();
    await client.auth.authorize();
    await eventually(() => expect(dropped.state).toBe('failed'));
    expect(dropped.errorReason?.code).toBe(40160);
    await eventually(() => expect(left).toEqual(['nina']));
    expect(kept.state).toBe('attached');
    expect(client.connection.state).toBe('connected');
    expect((await kept.presence.get()).map((member) => member.clientId)).toEqual(['nina']);
    // Re-attaching is refused, and leaves no attachment behind on the server.
    expect(await codeOf(dropped.attach())).toBe(40160);
    expect(h.server.inspect.connectionList().find((c) => c.clientId === 'nina')?.channels).toEqual(['kept']);
  });

  it('on the wire: the narrowed AUTH is answered with CONNECTED, then DETACHED 40160 for the lost channel; no more events from it', async () => {
    const h = await restrictedHarness();
    const wide = createJwt({ key: FULL_KEY, clientId: 'raw', capability: { '*': ['*'] } });
    const raw = await RawSocket.connect(h.server, { key: null, clientId: 'raw', query: { access_token: wide } });
    await raw.attach('kept');
    await raw.attach('lost');
    const from = raw.frames.length;
    raw.send({
      action: 17,
      auth: { accessToken: createJwt({ key: FULL_KEY, clientId: 'raw', capability: { kept: ['*'] } }) },
    });
    const detached = await raw.next((frame) => frame.action === 13, from);
    expect(detached).toMatchObject({ channel: 'lost', error: { code: 40160, statusCode: 401 } });
    expect(raw.frames.slice(from).map((frame) => frame.action)).toEqual([4, 13]);
    const other = h.realtime('other', { key: FULL_KEY });
    await other.channels.get('lost').presence.enter();
    await other.channels.get('kept').presence.enter();
    await raw.next((frame) => frame.action === 14 && frame.channel === 'kept', from);
    expect(raw.frames.slice(from).some((frame) => frame.channel === 'lost' && frame.action === 14)).toBe(false);
    raw.close();
  });

  it('publish without the publish capability is NACKed with 40160', async () => {
    const h = await restrictedHarness();
    const reader = jwtClient(h, 'r', { news: ['subscribe', 'presence'] });
    const news = reader.channels.get('news');
    await news.attach();
    expect(await codeOf(news.publish('headline', 'hi'))).toBe(40160);
    await news.presence.enter();
    expect(reader.connection.state).toBe('connected');
  });

  it('chat rooms: a room-scoped token may use presence there but needs channel-metadata for occupancy', async () => {
    const h = await restrictedHarness();
    const token = createJwt({ key: FULL_KEY, clientId: 'alice', capability: { myroom: ['presence', 'subscribe'] } });
    const chat = h.chat('alice', { key: undefined, token });
    const room = await h.room(chat, 'myroom', { occupancy: { enableEvents: true } });
    await room.presence.enter({ status: 'here' });
    expect(await room.presence.isUserPresent('alice')).toBe(true);
    // Occupancy: the REST query is refused and the event param is not granted (so no events arrive).
    expect(await codeOf(room.occupancy.get())).toBe(40160);
    expect(room.channel.params.occupancy).toBeUndefined();
    const other = await chat.rooms.get('other-room');
    expect(await codeOf(other.attach())).toBe(40160);
    expect(chat.realtime.connection.state).toBe('connected');

    const admin = h.chat('admin', {
      key: undefined,
      token: createJwt({ key: FULL_KEY, clientId: 'admin', capability: { '[chat]*': ['*'] } }),
    });
    const adminRoom = await h.room(admin, 'myroom', { occupancy: { enableEvents: true } });
    await eventually(async () =>
      expect(await adminRoom.occupancy.get()).toMatchObject({ connections: 2, presenceMembers: 1 }),
    );
    expect(adminRoom.channel.params.occupancy).toBe('metrics');
  });

  it('a key limited to "*" can issue [chat]* tokens: they reach rooms but not plain channels', async () => {
    const h = await startHarness({ keys: [FULL_KEY], keyCapabilities: { 'app.full': { '*': ['*'] } } });
    const chat = h.chat('alice', {
      key: undefined,
      token: createJwt({ key: FULL_KEY, clientId: 'alice', capability: { '[chat]*': ['*'] } }),
    });
    const room = await h.room(chat, 'anywhere');
    await room.presence.enter();
    expect(await room.presence.isUserPresent('alice')).toBe(true);
    expect(await codeOf(chat.realtime.channels.get('plain').attach())).toBe(40160);
  });

  it('REST chat occupancy needs channel-metadata on the room', async () => {
    const h = await restrictedHarness();
    const get = (key: string) =>
      fetch(`${h.server.url}/chat/v4/rooms/lobby/occupancy`, {
        headers: { authorization: `Basic ${Buffer.from(key).toString('base64')}`, accept: 'application/json' },
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as unknown }));
    expect(await get(VIEWER_KEY)).toMatchObject({ status: 401, body: { error: { code: 40160 } } });
    expect(await get(FULL_KEY)).toEqual({ status: 200, body: { connections: 0, presenceMembers: 0 } });
  });
});
