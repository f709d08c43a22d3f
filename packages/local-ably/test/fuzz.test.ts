import type { OccupancyData, PresenceEvent } from '@ably/chat';
import { describe, expect, it } from 'vitest';
import { eventually, startHarness } from './support/harness.js';
import { fuzzSeed, prng } from './support/prng.js';
import { RawSocket } from './support/raw-socket.js';

/**
 * Thousands of random and mutated frames over several raw connections, then checks that well-behaved SDK clients
 * still work and that all state is freed. The seed is fixed (CI runs the same frames every time); FUZZ_SEED=<n> runs
 * other frames, and a failure prints the seed to reproduce it. FUZZ_VERBOSE=1 prints a histogram of the server's
 * replies by action, to see which paths the fuzz reached.
 */
const FRAMES = 6_000;
const SOCKETS = 6;
/** Fuzz only these channels, so the well-behaved clients' room is disturbed by nothing but bugs. */
const CHANNELS = ['fuzz-a', 'fuzz-b::$chat', '[meta]fuzz', 'fuzz:ns:c', '[?rewind=1]fuzz-a'];
const DEFAULT_SEED = 20_261_130;

class Fuzzer {
  constructor(readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  string(): string {
    const kind = this.int(6);
    if (kind === 0) return '';
    if (kind === 1) return 'x'.repeat(this.int(70_000));
    if (kind === 2) return String.fromCharCode(...Array.from({ length: this.int(20) }, () => this.int(0x10000)));
    if (kind === 3) return this.pick(CHANNELS);
    if (kind === 4) return ':::[]!\u0000\u001f';
    return `s${this.int(1000)}`;
  }

  /** Any JSON-ish value, including deep nesting and numbers at the edges. */
  junk(depth = 0): unknown {
    const kind = this.int(depth > 3 ? 6 : 9);
    switch (kind) {
      case 0:
        return this.pick([0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, Number.MAX_SAFE_INTEGER]);
      case 1:
        return this.string();
      case 2:
        return this.pick([true, false, null]);
      case 3:
        return this.int(1000);
      case 4: {
        let deep: unknown = 1;
        for (let index = this.int(3_000); index > 0; index--) deep = [deep];
        return deep;
      }
      case 5:
        return {};
      case 6:
        return Array.from({ length: this.int(5) }, () => this.junk(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: this.int(5) }, () => [
            this.pick(['action', 'data', '__proto__', 'id', this.string()]),
            this.junk(depth + 1),
          ]),
        );
    }
  }

  /** A frame the server should accept, from the set the SDKs send. */
  valid(msgSerial: () => number): Record<string, unknown> {
    const channel = this.pick(CHANNELS);
    switch (this.int(9)) {
      case 0:
      case 1:
        return {
          action: 10,
          channel,
          flags: this.pick([0, 0xf0000, 0x40000, 0x2f0000, 0x36f0020]),
          params: this.pick([
            {},
            { occupancy: 'metrics' },
            { occupancy: 'metrics.presenceMembers' },
            { agent: 'fuzz' },
            { rewind: this.pick(['1', '0', '1s', 'x']) },
          ]),
        };
      case 2:
        return { action: 12, channel };
      case 3:
      case 4:
        return {
          action: 14,
          channel,
          msgSerial: msgSerial(),
          presence: [{ action: this.pick([2, 3, 4]), clientId: `fz${this.int(5)}`, data: this.junk(3) }],
        };
      case 5:
        return { action: 15, channel, msgSerial: msgSerial(), messages: [{ name: 'n', data: this.junk(3) }] };
      case 6:
        return { action: 16, channel };
      case 7:
        return { action: 0, id: String(this.int(1e6)) };
      default:
        return { action: this.pick([5, 7, 17]), auth: { accessToken: 'not-a-token' } };
    }
  }

  /** A valid frame with one to three things wrong with it. */
  mutated(msgSerial: () => number): Record<string, unknown> {
    const frame = this.valid(msgSerial);
    for (let count = 1 + this.int(3); count > 0; count--) {
      const keys = Object.keys(frame);
      const key = this.pick(keys);
      switch (this.int(6)) {
        case 0:
          delete frame[key];
          break;
        case 1:
          frame[key] = this.junk();
          break;
        case 2:
          frame.action = this.pick([-1, 1.5, 3, 4, 9, 11, 18, 19, 20, 21, 22, 255, 2 ** 40]);
          break;
        case 3:
          frame[this.pick(['presence', 'messages', 'params', 'flags', 'msgSerial', 'channelSerial', 'auth'])] =
            this.junk();
          break;
        case 4: {
          const list = frame.presence ?? frame.messages;
          const item: unknown = Array.isArray(list) ? list[0] : undefined;
          if (item && typeof item === 'object')
            (item as Record<string, unknown>)[
              this.pick(['action', 'clientId', 'id', 'data', 'encoding', 'extras', 'connectionId'])
            ] = this.junk();
          break;
        }
        default:
          frame.msgSerial = this.pick([-1, 0, 2 ** 53, 1e308, 0.5, '1']);
      }
    }
    return frame;
  }

  bytes(): Buffer {
    return Buffer.from(Array.from({ length: 1 + this.int(200) }, () => this.int(256)));
  }
}

describe('fuzzing the realtime socket', () => {
  it(`survives ${FRAMES} random and mutated frames; well-behaved clients keep working`, async () => {
    const seed = fuzzSeed('FUZZ_SEED', DEFAULT_SEED);
    try {
      await fuzz(seed);
    } catch (error) {
      console.error(`fuzz failed with FUZZ_SEED=${seed}; rerun with that environment variable to reproduce`);
      throw error;
    }
  }, 90_000); // CPU-bound: 6,000 frames took 20 s with the machine busy, and over 30 s under heavier load
});

async function fuzz(seed: number): Promise<void> {
  const f = new Fuzzer(prng(seed));
  const h = await startHarness({ presenceLeaveDelayMs: 100, connectionStateTtlMs: 600 });
  const alice = await h.room(h.chat('alice'), 'calm', { occupancy: { enableEvents: true } });
  await alice.presence.enter({ ok: 1 });
  const bob = await h.room(h.chat('bob'), 'calm', { occupancy: { enableEvents: true } });
  await eventually(async () => expect(await bob.presence.get()).toHaveLength(1));
  const seen: PresenceEvent[] = [];
  bob.presence.subscribe((event) => seen.push(event));

  const sockets: Array<RawSocket | undefined> = [];
  const serials = Array.from({ length: SOCKETS }, () => 0);
  let reconnects = 0;
  const opened: RawSocket[] = [];
  const socketAt = async (slot: number): Promise<RawSocket> => {
    const current = sockets[slot];
    if (current?.isOpen) return current;
    reconnects++;
    serials[slot] = 0;
    const socket = await RawSocket.open(h.server, {
      format: slot % 2 === 0 ? 'json' : 'msgpack',
      ...(slot % 3 === 0 ? {} : { clientId: `fz${slot}` }),
    });
    // Attach everywhere first, so most presence and message frames get past "not attached" into the services.
    for (const channel of CHANNELS) socket.send({ action: 10, channel, params: { occupancy: 'metrics' } });
    sockets[slot] = socket;
    opened.push(socket);
    return socket;
  };

  const allFrames = () => opened.flatMap((socket) => socket.frames);
  for (let sent = 0; sent < FRAMES; sent++) {
    const slot = f.int(SOCKETS);
    const socket = await socketAt(slot);
    const nextSerial = () => {
      const serial = serials[slot] ?? 0;
      serials[slot] = serial + 1;
      return serial;
    };
    const roll = f.random();
    socket.send(roll < 0.3 ? f.valid(nextSerial) : roll < 0.9 ? f.mutated(nextSerial) : f.bytes());
    // Let the server catch up now and then, so the fuzz exercises processing rather than socket buffers.
    if (sent % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
  }
  if (process.env.FUZZ_VERBOSE) {
    const histogram: Record<string, number> = {};
    for (const frame of allFrames())
      histogram[`${frame.action}${frame.channel ? 'c' : ''}`] =
        (histogram[`${frame.action}${frame.channel ? 'c' : ''}`] ?? 0) + 1;
    console.log({ seed, reconnects, histogram });
  }
  const fatalErrors = sockets.flatMap((socket) => socket?.frames ?? []).filter((frame) => frame.action === 9);
  expect(reconnects).toBeGreaterThan(SOCKETS); // the fuzz did provoke fatal errors ...
  expect(fatalErrors.every((frame) => typeof frame.error?.message === 'string' && frame.error.code >= 40000)).toBe(
    true,
  );

  // ... yet every socket that is still open still answers a ping.
  for (const socket of sockets) {
    if (!socket?.isOpen) continue;
    const from = socket.frames.length;
    socket.send({ action: 0, id: 'alive?' });
    await socket
      .next((frame) => frame.action === 0 && frame.id === 'alive?', from)
      .catch((error: unknown) => {
        if (socket.isOpen) throw error;
      });
  }
  for (const socket of sockets) socket?.close();

  // Dropped fuzz connections expire (short TTL here); only the well-behaved pair remains.
  await eventually(() => expect(h.server.stats()).toEqual({ connections: 2, channels: 1, members: 1 }), 10_000);
  expect(seen).toEqual([]);
  expect(await bob.occupancy.get()).toEqual({ connections: 2, presenceMembers: 1 });

  // A new pair works end to end.
  const carol = await h.room(h.chat('carol'), 'after-fuzz', { occupancy: { enableEvents: true } });
  const dave = await h.room(h.chat('dave'), 'after-fuzz', { occupancy: { enableEvents: true } });
  const daveSeen: string[] = [];
  const daveOccupancy: OccupancyData[] = [];
  dave.presence.subscribe((event) => daveSeen.push(`${event.type}:${event.member.clientId}`));
  dave.occupancy.subscribe((event) => daveOccupancy.push(event.occupancy));
  await carol.presence.enter();
  await eventually(() => expect(daveSeen).toEqual(['enter:carol']));
  await eventually(() => expect(daveOccupancy.at(-1)).toEqual({ connections: 2, presenceMembers: 1 }));
  await alice.presence.update({ ok: 2 });
  await eventually(() => expect(seen.map((event) => event.type)).toEqual(['update']));
}
