import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { createJwt } from '../src/index.js';
import { eventually, type Harness, startHarness } from './support/harness.js';

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
