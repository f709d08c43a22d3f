import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { eventually, type Harness, startHarness } from './support/harness.js';
import { RawSocket } from './support/raw-socket.js';

const CONNECTIONS = 200;
const ROOMS = 20;
const BATCH = 25;
const EMPTY = { connections: 0, channels: 0, members: 0 };

/** `count` SDK clients, each attached to one of ROOMS channels and entered. */
async function populate(h: Harness, count: number): Promise<Ably.Realtime[]> {
  const clients: Ably.Realtime[] = [];
  // In batches: 200 handshakes at once on a busy 2-core machine can outlast the SDK's request timeout, and a
  // client that retries leaves a second, abandoned connection on the server for its state TTL.
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) =>
      h.realtime(`user-${start + offset}`),
    );
    await Promise.all(
      batch.map((client, offset) =>
        client.channels.get(`room-${(start + offset) % ROOMS}`).presence.enter({ index: start + offset }),
      ),
    );
    clients.push(...batch);
  }
  expect(h.server.stats()).toEqual({ connections: count, channels: ROOMS, members: count });
  return clients;
}

describe('server state is freed', () => {
  it(`returns to empty after ${CONNECTIONS} connections across ${ROOMS} rooms close`, async () => {
    const h = await startHarness();
    const clients = await populate(h, CONNECTIONS);
    for (const client of clients) client.close();
    await eventually(() => expect(h.server.stats()).toEqual(EMPTY), 10_000);
  });

  it('returns to empty after abrupt drops, once the connection state TTL passes', async () => {
    const h = await startHarness({ presenceLeaveDelayMs: 100, connectionStateTtlMs: 400 });
    const clients = await populate(h, CONNECTIONS);
    // Raw sockets that vanish without a word, and one that detaches first, take the same path.
    const raws = await Promise.all(
      Array.from({ length: 10 }, (_, index) => RawSocket.connect(h.server, { clientId: `raw-${index}` })),
    );
    for (const raw of raws) {
      await raw.attach('room-0');
      raw.send({ action: 14, channel: 'room-0', msgSerial: 0, presence: [{ action: 2 }] });
    }
    await eventually(() => expect(h.server.stats().members).toBe(CONNECTIONS + raws.length));

    h.server.faults.refuseConnections(60_000); // the SDKs cannot come back
    for (const client of clients) h.server.faults.drop(client.connection.id ?? '');
    for (const raw of raws) raw.close();

    // Members go after the leave delay, but the connections (and so their channels) wait for the TTL.
    await eventually(() => expect(h.server.stats().members).toBe(0), 5_000);
    await eventually(() => expect(h.server.stats()).toEqual(EMPTY), 10_000);
  });

  it('keeps only the two newest resume keys of a connection that resumes again and again', async () => {
    const h = await startHarness();
    let socket = await RawSocket.connect(h.server, { clientId: 'dora' });
    const { connectionId } = socket;
    const keys = [socket.connectionKey];
    for (let resume = 0; resume < 20; resume++) {
      socket.close();
      socket = await RawSocket.connect(h.server, { clientId: 'dora', resume: keys[keys.length - 1] });
      expect(socket.connectionId).toBe(connectionId);
      keys.push(socket.connectionKey);
    }
    socket.close();
    // The first key, and every key but the newest two, no longer resume: the server forgot them. Each failed resume
    // is a new connection, closed again so it does not count below.
    for (const stale of [keys[0], keys[10], keys[keys.length - 3]]) {
      const fresh = await RawSocket.connect(h.server, { clientId: 'dora', resume: stale });
      expect(fresh.connectionId).not.toBe(connectionId);
      expect(fresh.frames.find((frame) => frame.action === 4)?.error?.code).toBe(80008);
      fresh.send({ action: 7 });
      await fresh.waitClosed();
    }
    // The one before the newest still resumes (its CONNECTED might have been lost), and then the newest does.
    for (const kept of [keys[keys.length - 2], keys[keys.length - 1]]) {
      const again = await RawSocket.connect(h.server, { clientId: 'dora', resume: kept });
      expect(again.connectionId).toBe(connectionId);
      again.close();
    }
    await eventually(() => expect(h.server.stats().connections).toBe(1));
  });
});
