import type { Room } from '@ably/chat';
import { describe, expect, it } from 'vitest';
import { eventually, startHarness } from './support/harness.js';
import { RawSocket } from './support/raw-socket.js';

const CLIENTS = 50;
const PAGE = 7;

async function memberKeys(room: Room): Promise<string[]> {
  const members = await room.presence.get();
  return members.map((member) => `${member.clientId}:${member.connectionId}`).sort();
}

describe('presence at scale through the real @ably/chat SDK', () => {
  it(`${CLIENTS} clients in one room converge on the same member set, and SYNC pages of ${PAGE} reach a late joiner`, async () => {
    const h = await startHarness({ syncPageSize: PAGE });
    const clients = Array.from({ length: CLIENTS }, (_, index) => h.chat(`user-${index}`));
    const rooms = await Promise.all(clients.map((client) => h.room(client, 'big-room')));
    await Promise.all(rooms.map((room, index) => room.presence.enter({ index })));

    const expected = clients.map((client) => `${client.clientId}:${client.realtime.connection.id}`).sort();
    expect(new Set(expected).size).toBe(CLIENTS);
    await eventually(async () => {
      for (const room of rooms) expect(await memberKeys(room)).toEqual(expected);
    }, 15_000);
    expect(h.server.stats().members).toBe(CLIENTS);

    const late = await h.room(h.chat('late'), 'big-room');
    expect(await memberKeys(late)).toEqual(expected);
    const data = (await late.presence.get()).map((member) => (member.data as { index: number }).index);
    expect(data.sort((a, b) => a - b)).toEqual(Array.from({ length: CLIENTS }, (_, index) => index));

    // The late joiner's set arrived in pages: check the wire directly.
    const raw = await RawSocket.connect(h.server);
    const attached = await raw.attach('big-room::$chat');
    expect((attached.flags ?? 0) & 1).toBe(1);
    const pages = await eventually(() => {
      const syncs = raw.frames.filter((frame) => frame.action === 16);
      expect(syncs.at(-1)?.channelSerial).toMatch(/^[\w-]+:$/);
      return syncs;
    });
    expect(pages).toHaveLength(Math.ceil(CLIENTS / PAGE));
    expect(pages.slice(0, -1).every((page) => /^[\w-]+:.+$/.test(page.channelSerial ?? ''))).toBe(true);
    expect(pages.map((page) => page.presence?.length ?? 0).reduce((a, b) => a + b, 0)).toBe(CLIENTS);
    raw.close();
  });
});
