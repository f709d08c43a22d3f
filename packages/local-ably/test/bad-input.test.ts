import type { PresenceEvent } from '@ably/chat';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProtocolMessage } from '../src/protocol/types.js';
import { eventually, type Harness, sleep, startHarness } from './support/harness.js';
import { RawSocket } from './support/raw-socket.js';

const MAX_MESSAGE = 1_024; // small, so oversized frames are cheap; the frame limit is 8x this

interface Expectation {
  code: number;
  message: RegExp;
}

let h: Harness;
let observerEvents: PresenceEvent[];
let checkBystanders: () => Promise<void>;

/** A well-behaved pair (alice entered, bob watching) that every bad input must leave untouched. */
beforeEach(async () => {
  h = await startHarness({ maxMessageSize: MAX_MESSAGE });
  const alice = await h.room(h.chat('alice'), 'calm-room');
  await alice.presence.enter({ fine: true });
  const bob = await h.room(h.chat('bob'), 'calm-room');
  await eventually(async () => expect(await bob.presence.get()).toHaveLength(1));
  observerEvents = [];
  bob.presence.subscribe((event) => observerEvents.push(event));
  checkBystanders = async () => {
    const members = await bob.presence.get();
    expect(members.map((m) => [m.clientId, m.data])).toEqual([['alice', { fine: true }]]);
    expect(observerEvents).toEqual([]);
    await alice.presence.update({ fine: 'still' });
    await eventually(() =>
      expect(observerEvents.map((e) => [e.type, e.member.data])).toEqual([['update', { fine: 'still' }]]),
    );
    observerEvents.length = 0;
    await alice.presence.update({ fine: true });
    await eventually(() => expect(observerEvents).toHaveLength(1));
    observerEvents.length = 0;
  };
});

/** Sends one bad frame on a fresh connection and expects a fatal connection ERROR, then a closed socket. */
async function expectFatal(
  frame: unknown,
  expected: Expectation,
  options: Parameters<typeof RawSocket.connect>[1] = {},
) {
  const raw = await RawSocket.connect(h.server, options);
  raw.send(frame);
  const error = await raw.next((f) => f.action === 9);
  expect(error.channel).toBeUndefined();
  expect(error.error?.code).toBe(expected.code);
  expect(error.error?.message).toMatch(expected.message);
  await raw.waitClosed();
  return error;
}

/** Sends one bad frame on an attached connection and expects a NACK or channel ERROR; the connection lives on. */
async function expectRejected(
  raw: RawSocket,
  frame: Record<string, unknown>,
  action: 2 | 9,
  expected: Expectation,
): Promise<ProtocolMessage> {
  const from = raw.frames.length;
  raw.send(frame);
  const reply = await raw.next((f) => f.action === action || f.action === 9, from);
  expect(reply.action).toBe(action);
  expect(reply.error?.code).toBe(expected.code);
  expect(reply.error?.message).toMatch(expected.message);
  // The connection still answers a ping.
  raw.send({ action: 0, id: `ping-${from}` });
  await raw.next((f) => f.action === 0 && f.id === `ping-${from}`, from);
  return reply;
}

describe('bad input on the realtime socket', () => {
  it('answers undecodable or unknown frames with a fatal ERROR that says what was wrong', async () => {
    await expectFatal('{"action": 10, "channel": ', { code: 40000, message: /Unable to parse JSON frame/ });
    await expectFatal(
      Buffer.from([0x82, 0xa1, 0x61]),
      { code: 40000, message: /Unable to decode msgpack frame/ },
      {
        format: 'msgpack',
      },
    );
    await expectFatal(Buffer.from([0xc1]), { code: 40000, message: /msgpack/ }, { format: 'msgpack' });
    await expectFatal('[1,2,3]', { code: 40000, message: /expected an object with a numeric "action"/ });
    await expectFatal('null', { code: 40000, message: /expected an object/ });
    await expectFatal({ action: 'attach' }, { code: 40000, message: /"action" must be an integer/ });
    await expectFatal({ action: 99 }, { code: 40000, message: /unknown action 99/ });
    await expectFatal({ action: 4, connectionId: 'x' }, { code: 40000, message: /CONNECTED.*sent by the server/ });
    await expectFatal({ action: 10, channel: '' }, { code: 40010, message: /non-empty string "channel"/ });
    await expectFatal({ action: 10 }, { code: 40010, message: /channel/ });
    // Without a usable msgSerial the server cannot NACK, and the SDK's message queue would be out of step: fatal.
    await expectFatal(
      { action: 14, channel: 'calm-room::$chat', msgSerial: 'seven', presence: [{ action: 2 }] },
      { code: 40000, message: /PRESENCE needs a non-negative integer "msgSerial"/ },
      { clientId: 'mallory' },
    );
    await checkBystanders();
  });

  it('rejects bad channel names and bad params with a channel ERROR, keeping the connection', async () => {
    const raw = await RawSocket.connect(h.server, { clientId: 'mallory' });
    await expectRejected(raw, { action: 10, channel: 'a\u0001b' }, 9, { code: 40010, message: /control characters/ });
    await expectRejected(raw, { action: 10, channel: '[bad' }, 9, { code: 40010, message: /qualifier/ });
    await expectRejected(raw, { action: 10, channel: 'x'.repeat(3000) }, 9, { code: 40010, message: /longer than/ });
    await expectRejected(raw, { action: 10, channel: 'ok', params: { occupancy: 7 } }, 9, {
      code: 40000,
      message: /param "occupancy" must be a string/,
    });
    await expectRejected(raw, { action: 12, channel: '\u007f' }, 9, { code: 40010, message: /control/ });
    expect(raw.isOpen).toBe(true);
    raw.close();
    await checkBystanders();
  });

  it('NACKs bad presence and messages with the right code, and applies nothing', async () => {
    const anonymous = await RawSocket.connect(h.server);
    expect((await anonymous.attach('calm-room::$chat')).action).toBe(11);
    await expectRejected(
      anonymous,
      { action: 14, channel: 'calm-room::$chat', msgSerial: 0, presence: [{ action: 2 }] },
      2,
      {
        code: 40012,
        message: /no clientId in message or inferred from connection/,
      },
    );
    await expectRejected(
      anonymous,
      { action: 14, channel: 'not-attached', msgSerial: 1, presence: [{ action: 2, clientId: 'x' }] },
      2,
      {
        code: 90001,
        message: /needs the channel attached first/,
      },
    );
    // Publishing needs no attachment (as on Ably), only the capability: ACKed, not NACKed.
    const from = anonymous.frames.length;
    anonymous.send({ action: 15, channel: 'not-attached', msgSerial: 2, messages: [{ name: 'x' }] });
    expect(await anonymous.next((f) => f.action === 1 || f.action === 2, from)).toMatchObject({
      action: 1,
      msgSerial: 2,
    });

    const identified = await RawSocket.connect(h.server, { clientId: 'mallory' });
    expect((await identified.attach('calm-room::$chat')).action).toBe(11);
    const room = 'calm-room::$chat';
    const big = 'x'.repeat(MAX_MESSAGE + 1);
    await expectRejected(
      identified,
      { action: 14, channel: room, msgSerial: 0, presence: [{ action: 2, data: big }] },
      2,
      {
        code: 40009,
        message: /limit is 1024 bytes/,
      },
    );
    await expectRejected(
      identified,
      { action: 15, channel: room, msgSerial: 1, messages: [{ name: 'n', data: big }] },
      2,
      {
        code: 40009,
        message: /maxMessageSize/,
      },
    );
    await expectRejected(
      identified,
      { action: 14, channel: room, msgSerial: 2, presence: [{ action: 2, clientId: 'alice' }] },
      2,
      {
        code: 40012,
        message: /does not match the connection's clientId "mallory"/,
      },
    );
    await expectRejected(identified, { action: 14, channel: room, msgSerial: 3, presence: [{ action: 1 }] }, 2, {
      code: 40000,
      message: /must be 2 \(enter\), 3 \(leave\) or 4 \(update\)/,
    });
    await expectRejected(identified, { action: 14, channel: room, msgSerial: 4, presence: [] }, 2, {
      code: 40000,
      message: /non-empty array/,
    });
    await expectRejected(
      identified,
      { action: 14, channel: room, msgSerial: 5, presence: [{ action: 2 }, { action: 2, clientId: 'eve' }] },
      2,
      {
        code: 40012,
        message: /"eve"/,
      },
    );
    await expectRejected(identified, { action: 21, channel: room, msgSerial: 6 }, 2, {
      code: 40000,
      message: /not supported/,
    });
    // Nothing from the rejected batch was applied (the valid first item of msgSerial 5 included).
    expect(h.server.stats().members).toBe(1);
    await sleep(100);
    anonymous.close();
    identified.close();
    await checkBystanders();
  });

  it('NACKs deeply nested data (40013) instead of risking the stack in later broadcasts', async () => {
    const raw = await RawSocket.connect(h.server, { clientId: 'mallory' });
    expect((await raw.attach('deep')).action).toBe(11);
    const nest = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    const from = raw.frames.length;
    raw.send(`{"action":14,"channel":"deep","msgSerial":0,"presence":[{"action":2,"data":${nest(3_000)}}]}`);
    raw.send(`{"action":15,"channel":"deep","msgSerial":1,"messages":[{"name":"n","extras":${nest(65)}}]}`);
    raw.send(`{"action":14,"channel":"deep","msgSerial":2,"presence":[{"action":2,"data":${nest(64)}}]}`);
    const replies = await eventually(() => {
      const acks = raw.frames.slice(from).filter((f) => f.action === 1 || f.action === 2);
      expect(acks).toHaveLength(3);
      return acks;
    });
    expect(replies.map((f) => [f.action, f.msgSerial, f.error?.code])).toEqual([
      [2, 0, 40013],
      [2, 1, 40013],
      [1, 2, undefined],
    ]);
    expect(replies[0]?.error?.message).toMatch(/nested more than 64 levels/);
    raw.close();
    await checkBystanders();
  });

  it('NACKs "__proto__" keys with 40013 (msgpack and JSON), so client data never shapes a prototype', async () => {
    const raw = await RawSocket.connect(h.server, { clientId: 'mallory', format: 'msgpack' });
    expect((await raw.attach('proto')).action).toBe(11);
    const from = raw.frames.length;
    const poisoned = JSON.parse('{"__proto__":{"x":1}}');
    // An own "__proto__" key holding bytes: a decoder that assigns keys would make the data "be" a Buffer.
    const asBuffer = {};
    Object.defineProperty(asBuffer, '__proto__', { value: Buffer.from('AAAA'), enumerable: true });
    raw.send({ action: 14, channel: 'proto', msgSerial: 0, presence: [{ action: 2, data: asBuffer }] });
    raw.send({ action: 15, channel: 'proto', msgSerial: 1, messages: [{ name: 'n', extras: poisoned }] });
    raw.send({ action: 14, channel: 'proto', msgSerial: 2, presence: [{ action: 2, data: { fine: 1 } }] });
    const replies = await eventually(() => {
      const acks = raw.frames.slice(from).filter((f) => f.action === 1 || f.action === 2);
      expect(acks).toHaveLength(3);
      return acks;
    });
    expect(replies.map((f) => [f.action, f.msgSerial, f.error?.code])).toEqual([
      [2, 0, 40013],
      [2, 1, 40013],
      [1, 2, undefined],
    ]);
    expect(replies[0]?.error?.message).toMatch(/__proto__/);
    raw.close();
    const json = await RawSocket.connect(h.server, { clientId: 'mallory' });
    expect((await json.attach('proto')).action).toBe(11);
    const nack = await expectRejected(
      json,
      { action: 14, channel: 'proto', msgSerial: 0, presence: [{ action: 2, data: poisoned }] },
      2,
      { code: 40013, message: /__proto__/ },
    );
    expect(nack.msgSerial).toBe(0);
    json.close();
    const rest = await fetch(`${h.server.url}/chat/v4/rooms/r/messages`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(h.server.key).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: '{"text":"hi","metadata":{"__proto__":{"polluted":true}}}',
    });
    expect(rest.status).toBe(400);
    expect(((await rest.json()) as { error: { code: number } }).error.code).toBe(40013);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await checkBystanders();
  });

  it('closes a connection that sends a frame over maxFrameSize with 40009', async () => {
    const frame = {
      action: 14,
      channel: 'calm-room::$chat',
      msgSerial: 0,
      presence: [{ action: 2, data: 'y'.repeat(MAX_MESSAGE * 9) }],
    };
    await expectFatal(frame, { code: 40009, message: /limit is 8192 bytes/ }, { clientId: 'mallory' });
    await checkBystanders();
  });

  it('upgrades, then sends ERROR 40101 for bad credentials (so the SDK fails instead of retrying forever)', async () => {
    for (const key of ['local.dev:wrong-secret', 'nope.nope:secret', 'garbage']) {
      const raw = await RawSocket.open(h.server, { key });
      const error = await raw.next((f) => f.action === 9);
      expect(error.error).toMatchObject({ code: 40101, statusCode: 401 });
      expect(error.error?.message).toMatch(/Invalid credentials/);
      await raw.waitClosed();
    }
    const none = await RawSocket.open(h.server, { key: null });
    expect((await none.next((f) => f.action === 9)).error?.message).toMatch(/connect with a key or an access_token/);
    const version = await RawSocket.open(h.server, { query: { v: '99' } });
    expect((await version.next((f) => f.action === 9)).error?.code).toBe(40017);
    const format = await RawSocket.open(h.server, { query: { format: 'xml' } });
    expect((await format.next((f) => f.action === 9)).error?.message).toMatch(/use json or msgpack/);

    const sdk = h.realtime('eve', { key: 'local.dev:wrong-secret' });
    await eventually(() => expect(sdk.connection.state).toBe('failed'));
    expect(sdk.connection.errorReason?.code).toBe(40101);
    await checkBystanders();
  });

  it('carries binary presence data between a msgpack SDK client and a JSON one, both ways', async () => {
    const bytes = Buffer.from([0, 1, 2, 127, 128, 254, 255]);
    const jsonWatcher = h.realtime('json-watcher', { useBinaryProtocol: false }).channels.get('binary-room');
    const live: unknown[] = [];
    await jsonWatcher.presence.subscribe('enter', (message) => live.push(message.data));

    const msgpackClient = h.realtime('packer'); // the Node SDK defaults to msgpack
    await msgpackClient.channels.get('binary-room').presence.enter(bytes);
    await eventually(() => expect(live).toHaveLength(1));
    expect(Buffer.from(live[0] as Uint8Array)).toEqual(bytes);

    const lateJson = h.realtime('late-json', { useBinaryProtocol: false }).channels.get('binary-room');
    const synced = await lateJson.presence.get();
    expect(Buffer.from(synced[0]?.data as Uint8Array)).toEqual(bytes);

    const reversed = Buffer.from(bytes).reverse();
    await lateJson.presence.enter(reversed);
    const msgpackView = msgpackClient.channels.get('binary-room');
    await eventually(async () => {
      const member = (await msgpackView.presence.get({ clientId: 'late-json' }))[0];
      expect(Buffer.from(member?.data as Uint8Array)).toEqual(reversed);
    });
    await checkBystanders();
  });
});
