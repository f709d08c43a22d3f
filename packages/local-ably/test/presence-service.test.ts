import { describe, expect, it } from 'vitest';
import { Action, Mode, PresenceAction } from '../src/protocol/actions.js';
import type { ProtocolMessage } from '../src/protocol/types.js';
import { eventually, startHarness } from './support/harness.js';
import { RawSocket } from './support/raw-socket.js';
import { restFetch } from './support/rest-fetch.js';

/** The frames of `action` that `socket` received since `from`. */
const framesOf = (socket: RawSocket, action: number, from = 0): ProtocolMessage[] =>
  socket.frames.slice(from).filter((frame) => frame.action === action);

/** Sends one PRESENCE frame, numbered `msgSerial`, on `room` (or `channel`); the items may be malformed on purpose. */
function sendPresence(socket: RawSocket, msgSerial: number, presence: object | object[], channel = 'room'): void {
  socket.send({
    action: Action.PRESENCE,
    channel,
    msgSerial,
    presence: Array.isArray(presence) ? presence : [presence],
  });
}

/** A fresh server with `alice` and a `watcher`, both attached to `room`. */
async function aliceAndWatcher() {
  const h = await startHarness();
  const alice = await RawSocket.connect(h.server, { clientId: 'alice' });
  const watcher = await RawSocket.connect(h.server, { clientId: 'watcher' });
  await alice.attach('room');
  await watcher.attach('room');
  return { h, alice, watcher };
}

/**
 * The presence service frame by frame, through bare WebSockets on a real server: exactly what is echoed, broadcast,
 * acknowledged, rejected and synced, which the SDKs smooth over.
 */
describe('presence service on the wire', () => {
  it('echoes to the sender, broadcasts to presence subscribers only, then ACKs; ids name connection, serial and index', async () => {
    const h = await startHarness();
    const alice = await RawSocket.connect(h.server, { clientId: 'alice' });
    const watcher = await RawSocket.connect(h.server, { clientId: 'watcher' });
    const deaf = await RawSocket.connect(h.server, { clientId: 'deaf' });
    await alice.attach('room', { flags: Mode.PRESENCE });
    await watcher.attach('room');
    await deaf.attach('room', { flags: Mode.PRESENCE | Mode.SUBSCRIBE });
    const from = alice.frames.length;
    const before = Date.now();

    sendPresence(alice, 7, { action: PresenceAction.ENTER, data: { mood: 'ok' }, extras: { headers: { a: 1 } } });
    const ack = await alice.next((frame) => frame.action === Action.ACK, from);
    expect(ack).toMatchObject({ action: Action.ACK, msgSerial: 7, count: 1 });
    const echo = framesOf(alice, Action.PRESENCE, from);
    expect(echo).toHaveLength(1);
    const [member] = echo[0]!.presence!;
    expect(member).toEqual({
      id: `${alice.connectionId}:7:0`,
      action: PresenceAction.ENTER,
      clientId: 'alice',
      connectionId: alice.connectionId,
      timestamp: expect.any(Number),
      data: { mood: 'ok' },
      extras: { headers: { a: 1 } },
    });
    expect(member!.timestamp).toBeGreaterThanOrEqual(before);
    expect(echo[0]!.channel).toBe('room');
    const seen = await watcher.next((frame) => frame.action === Action.PRESENCE);
    expect(seen.presence).toEqual([member]);
    // The connection without presence-subscribe mode is not sent alice's enter (had it been, it would have arrived
    // before the ACK of deaf's own enter), yet it is sent the echo of its own.
    const deafFrom = deaf.frames.length;
    sendPresence(deaf, 0, { action: PresenceAction.ENTER });
    await deaf.next((frame) => frame.action === Action.ACK, deafFrom);
    expect(framesOf(deaf, Action.PRESENCE).map((frame) => frame.presence!.map((item) => item.clientId))).toEqual([
      ['deaf'],
    ]);
    expect(h.server.stats().members).toBe(2);
  });

  it('several items in one message: one frame, ids by index, clientIds of their own for an anonymous key', async () => {
    const h = await startHarness();
    const server = await RawSocket.connect(h.server);
    await server.attach('room');
    const from = server.frames.length;
    sendPresence(server, 0, [
      { action: PresenceAction.ENTER, clientId: 'a' },
      { action: PresenceAction.ENTER, clientId: 'b', data: 'x' },
      { action: PresenceAction.LEAVE, clientId: 'nobody' },
    ]);
    await server.next((frame) => frame.action === Action.ACK, from);
    const frames = framesOf(server, Action.PRESENCE, from);
    expect(frames).toHaveLength(1);
    expect(frames[0]!.presence!.map((item) => [item.id, item.clientId, item.action])).toEqual([
      [`${server.connectionId}:0:0`, 'a', PresenceAction.ENTER],
      [`${server.connectionId}:0:1`, 'b', PresenceAction.ENTER],
    ]);
    expect(h.server.stats().members).toBe(2);
  });

  it('a message whose items change nothing is ACKed with no PRESENCE frame', async () => {
    const h = await startHarness();
    const alice = await RawSocket.connect(h.server, { clientId: 'alice' });
    await alice.attach('room');
    const from = alice.frames.length;
    sendPresence(alice, 0, { action: PresenceAction.LEAVE });
    sendPresence(alice, 1, { action: PresenceAction.ENTER, data: 'in' });
    await alice.next((frame) => frame.action === Action.ACK && frame.msgSerial === 1, from);
    // Only the enter made a frame, and it came before its own ACK; the leave of nobody was ACKed all the same.
    expect(
      alice.frames
        .slice(from)
        .filter((frame) => frame.action === Action.ACK || frame.action === Action.PRESENCE)
        .map((frame) => [frame.action, frame.msgSerial ?? frame.presence?.[0]?.action]),
    ).toEqual([
      [Action.ACK, 0],
      [Action.PRESENCE, PresenceAction.ENTER],
      [Action.ACK, 1],
    ]);
  });

  it('rejects a member without a clientId, a wildcard one, or someone else’s with a 40012 NACK, applying nothing', async () => {
    const h = await startHarness();
    const anonymous = await RawSocket.connect(h.server);
    const alice = await RawSocket.connect(h.server, { clientId: 'alice' });
    await anonymous.attach('room');
    await alice.attach('room');
    const noClientId =
      'Malformed message; no clientId in message or inferred from connection. Set a clientId in ClientOptions or use enterClient()';
    const cases: Array<[RawSocket, Array<Record<string, unknown>>, string]> = [
      [anonymous, [{ action: PresenceAction.ENTER }], noClientId],
      [
        anonymous,
        [
          { action: PresenceAction.ENTER, clientId: 'ok' },
          { action: PresenceAction.ENTER, clientId: '*' },
        ],
        noClientId,
      ],
      [
        alice,
        [{ action: PresenceAction.ENTER }, { action: PresenceAction.ENTER, clientId: 'bob' }],
        'Presence clientId "bob" does not match the connection\'s clientId "alice"',
      ],
    ];
    let serial = 0;
    for (const [socket, presence, message] of cases) {
      const from = socket.frames.length;
      sendPresence(socket, serial, presence);
      const nack = await socket.next((frame) => frame.action === Action.NACK, from);
      expect(nack).toMatchObject({ msgSerial: serial, count: 1, error: { code: 40012, statusCode: 400, message } });
      expect(framesOf(socket, Action.PRESENCE, from)).toEqual([]);
      serial++;
    }
    expect(h.server.stats().members).toBe(0);
  });

  it('counts data, extras and clientId against maxMessageSize: at the limit is accepted, one byte over is 40009', async () => {
    const h = await startHarness({ maxMessageSize: 20 });
    const socket = await RawSocket.connect(h.server, { clientId: 'abcd' });
    await socket.attach('room');
    const send = async (serial: number, item: Record<string, unknown>) => {
      const from = socket.frames.length;
      sendPresence(socket, serial, { action: 2, ...item });
      return socket.next((frame) => frame.msgSerial === serial && (frame.action === 1 || frame.action === 2), from);
    };
    // clientId 4 + data 14 + extras `{}` 2 = 20 bytes.
    expect((await send(0, { data: 'x'.repeat(14), extras: {} })).action).toBe(Action.ACK);
    const over = await send(1, { data: 'x'.repeat(15), extras: {} });
    expect(over).toMatchObject({
      action: Action.NACK,
      error: {
        code: 40009,
        statusCode: 400,
        message: 'Presence data is 21 bytes; the limit is 20 bytes (maxMessageSize)',
      },
    });
    // Extras count too: `{"a":1}` is 7 bytes, `{"a":12}` 8.
    expect((await send(2, { data: 'x'.repeat(9), extras: { a: 1 } })).action).toBe(Action.ACK);
    expect((await send(3, { data: 'x'.repeat(9), extras: { a: 12 } })).action).toBe(Action.NACK);
  });

  it('a client-sent userClaim never reaches others', async () => {
    const h = await startHarness();
    const alice = await RawSocket.connect(h.server, { clientId: 'alice' });
    await alice.attach('room');
    const from = alice.frames.length;
    sendPresence(alice, 0, { action: PresenceAction.ENTER, extras: { userClaim: 'admin', keep: true } });
    const [frame] = await eventually(() => {
      const frames = framesOf(alice, Action.PRESENCE, from);
      expect(frames).toHaveLength(1);
      return frames;
    });
    expect(frame!.presence![0]!.extras).toEqual({ keep: true });
  });

  it('syncs members in pages of syncPageSize, each with a cursor but the last, all PRESENT', async () => {
    const h = await startHarness({ syncPageSize: 2 });
    const anonymous = await RawSocket.connect(h.server);
    await anonymous.attach('room');
    const from = anonymous.frames.length;
    sendPresence(
      anonymous,
      0,
      ['a', 'b', 'c', 'd', 'e'].map((clientId) => ({ action: PresenceAction.ENTER, clientId })),
    );
    await anonymous.next((frame) => frame.action === Action.ACK, from);

    const observer = await RawSocket.connect(h.server);
    await observer.attach('room');
    const syncs = await eventually(() => {
      const frames = framesOf(observer, Action.SYNC);
      expect(frames).toHaveLength(3);
      return frames;
    });
    expect(syncs.map((frame) => frame.presence!.map((item) => item.clientId))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    const cursors = syncs.map((frame) => frame.channelSerial!.split(':'));
    expect(new Set(cursors.map(([syncId]) => syncId)).size).toBe(1);
    expect(cursors.map(([, cursor]) => cursor)).toEqual(['2', '4', '']);
    expect(syncs.every((frame) => frame.channel === 'room')).toBe(true);
    expect(syncs.flatMap((frame) => frame.presence!).every((item) => item.action === PresenceAction.PRESENT)).toBe(
      true,
    );

    // Exactly two pages' worth: the second page is the last.
    sendPresence(anonymous, 1, { action: PresenceAction.LEAVE, clientId: 'e' });
    await anonymous.next((frame) => frame.action === Action.ACK && frame.msgSerial === 1);
    const late = await RawSocket.connect(h.server);
    await late.attach('room');
    const lateSyncs = await eventually(() => {
      const frames = framesOf(late, Action.SYNC);
      expect(frames).toHaveLength(2);
      return frames;
    });
    expect(lateSyncs.map((frame) => frame.channelSerial!.split(':')[1])).toEqual(['2', '']);
    // Each SYNC has its own id.
    expect(lateSyncs[0]!.channelSerial!.split(':')[0]).not.toBe(cursors[0]![0]);
  });

  it('on detach the server broadcasts a LEAVE with a server id, a timestamp not before the enter, and the last data', async () => {
    const { h, alice, watcher } = await aliceAndWatcher();
    sendPresence(alice, 0, { action: PresenceAction.ENTER, data: 'last words' });
    const entered = (await watcher.next((frame) => frame.action === Action.PRESENCE)).presence![0]!;
    const from = watcher.frames.length;
    alice.send({ action: Action.DETACH, channel: 'room' });
    const leave = (await watcher.next((frame) => frame.action === Action.PRESENCE, from)).presence![0]!;
    expect(leave).toMatchObject({ action: PresenceAction.LEAVE, clientId: 'alice', data: 'last words' });
    expect(leave.connectionId).toBe(alice.connectionId);
    expect(leave.id).toMatch(/^!leave-[0-9a-z]+:0:0$/);
    expect(leave.timestamp).toBeGreaterThanOrEqual(entered.timestamp!);
    expect(h.server.stats().members).toBe(0);

    // Everything broadcast is in REST presence history, synthesized leave included.
    const history = await restFetch(h.server, '/channels/room/presence/history?direction=forwards');
    expect((history.body as Array<{ action: number; id: string }>).map((item) => [item.action, item.id])).toEqual([
      [PresenceAction.ENTER, entered.id],
      [PresenceAction.LEAVE, leave.id],
    ]);
  });

  it('occupancy hears of a change in the member count, not of an update', async () => {
    const h = await startHarness();
    const alice = await RawSocket.connect(h.server, { clientId: 'alice' });
    const counter = await RawSocket.connect(h.server, { clientId: 'counter' });
    await alice.attach('room');
    await counter.attach('room', { params: { occupancy: 'metrics.presenceMembers' } });
    const occupancy = () =>
      framesOf(counter, Action.MESSAGE).map(
        (frame) => (frame.messages![0]!.data as { metrics: Record<string, number> }).metrics.presenceMembers,
      );
    await eventually(() => expect(occupancy()).toEqual([0]));
    for (const [serial, action] of [
      [0, PresenceAction.ENTER],
      [1, PresenceAction.UPDATE],
      [2, PresenceAction.LEAVE],
    ] as const) {
      sendPresence(alice, serial, { action, data: serial });
      await alice.next((frame) => frame.action === Action.ACK && frame.msgSerial === serial);
    }
    await eventually(() => expect(occupancy()).toEqual([0, 1, 0]));
  });

  it('a SYNC asked for on an empty channel is one empty, final page, so presence.get() resolves', async () => {
    const h = await startHarness();
    const socket = await RawSocket.connect(h.server);
    await socket.attach('empty');
    const from = socket.frames.length;
    socket.send({ action: Action.SYNC, channel: 'empty' });
    const sync = await socket.next((frame) => frame.action === Action.SYNC, from);
    expect(sync.presence).toEqual([]);
    expect(sync.channelSerial).toMatch(/^sync[-0-9a-z]+:$/);
  });

  it('a re-entry (an ENTER carrying the id of the member’s current state) is ACKed and changes nothing', async () => {
    const h = await startHarness();
    const alice = await RawSocket.connect(h.server, { clientId: 'alice' });
    await alice.attach('room');
    sendPresence(alice, 0, { action: 2, data: 'now' });
    const entered = (await alice.next((frame) => frame.action === Action.PRESENCE)).presence![0]!;
    const from = alice.frames.length;
    sendPresence(alice, 1, { action: PresenceAction.ENTER, id: entered.id, data: 'now' });
    await alice.next((frame) => frame.action === Action.ACK && frame.msgSerial === 1, from);
    expect(framesOf(alice, Action.PRESENCE, from)).toEqual([]);
  });

  it('presence needs the channel attached, and attached with presence mode', async () => {
    const h = await startHarness();
    const alice = await RawSocket.connect(h.server, { clientId: 'alice' });
    const enterOn = async (channel: string, msgSerial: number) => {
      const from = alice.frames.length;
      sendPresence(alice, msgSerial, { action: PresenceAction.ENTER }, channel);
      return alice.next((frame) => frame.msgSerial === msgSerial && frame.action === Action.NACK, from);
    };
    expect((await enterOn('nowhere', 0)).error).toMatchObject({
      message: 'Presence on channel "nowhere" needs the channel attached first',
    });
    await alice.attach('watch-only', { flags: Mode.SUBSCRIBE | Mode.PRESENCE_SUBSCRIBE });
    expect((await enterOn('watch-only', 1)).error).toMatchObject({
      message: 'Presence on channel "watch-only" is not permitted: the credentials lack the "presence" capability',
    });
  });

  it('a leave the server makes long after the enter is stamped with the time it happened', async () => {
    const { alice, watcher } = await aliceAndWatcher();
    sendPresence(alice, 0, { action: PresenceAction.ENTER });
    const entered = (await watcher.next((frame) => frame.action === Action.PRESENCE)).presence![0]!;
    await eventually(() => expect(Date.now()).toBeGreaterThan(entered.timestamp! + 5));
    const from = watcher.frames.length;
    alice.close();
    // The drop is noticed at once; the member leaves after presenceLeaveDelayMs.
    const leave = (await watcher.next((frame) => frame.action === Action.PRESENCE, from)).presence![0]!;
    expect(leave.action).toBe(PresenceAction.LEAVE);
    expect(leave.timestamp).toBeGreaterThan(entered.timestamp! + 5);
  });
});
