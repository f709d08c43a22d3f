import type { PresenceEvent } from '@ably/chat';
import { describe, expect, it } from 'vitest';
import { eventually, startHarness } from './support/harness.js';
import { RawSocket } from './support/raw-socket.js';

describe('presence through the real @ably/chat SDK', () => {
  it('delivers enter, update and leave to a second client with the right types and data', async () => {
    const h = await startHarness();
    const alice = await h.room(h.chat('alice'), 'lobby');
    const bob = await h.room(h.chat('bob'), 'lobby');
    const seen: PresenceEvent[] = [];
    bob.presence.subscribe((event) => seen.push(event));

    await alice.presence.enter({ status: 'online' });
    await alice.presence.update({ status: 'busy' });
    await alice.presence.leave();

    await eventually(() => expect(seen.map((event) => event.type)).toEqual(['enter', 'update', 'leave']));
    expect(seen.map((event) => event.member.clientId)).toEqual(['alice', 'alice', 'alice']);
    expect(seen.map((event) => event.member.data)).toEqual([
      { status: 'online' },
      { status: 'busy' },
      { status: 'busy' },
    ]);
  });

  it('sends present events for members already there on attach, and get()/isUserPresent() see them', async () => {
    const h = await startHarness();
    const alice = await h.room(h.chat('alice'), 'lobby');
    await alice.presence.enter({ name: 'Alice' });

    const bobRoom = await h.chat('bob').rooms.get('lobby');
    const seen: PresenceEvent[] = [];
    bobRoom.presence.subscribe((event) => seen.push(event));
    await bobRoom.attach();

    await eventually(() =>
      expect(seen.map((event) => [event.type, event.member.clientId])).toEqual([['present', 'alice']]),
    );
    const members = await bobRoom.presence.get();
    expect(members.map((member) => [member.clientId, member.data])).toEqual([['alice', { name: 'Alice' }]]);
    expect(await bobRoom.presence.isUserPresent('alice')).toBe(true);
    expect(await bobRoom.presence.isUserPresent('carol')).toBe(false);
  });

  it('counts one clientId on two connections as two members', async () => {
    const h = await startHarness();
    const tab1 = await h.room(h.chat('alice'), 'lobby');
    const tab2 = await h.room(h.chat('alice'), 'lobby');
    await tab1.presence.enter();
    await tab2.presence.enter();
    const observer = await h.room(h.chat('bob'), 'lobby');
    const members = await eventually(async () => {
      const list = await observer.presence.get();
      expect(list).toHaveLength(2);
      return list;
    });
    expect(new Set(members.map((member) => member.connectionId)).size).toBe(2);
    expect(members.every((member) => member.clientId === 'alice')).toBe(true);
  });

  it('leaves at once on detach and on release', async () => {
    // A leave delay far longer than the test: only the detach and the release can explain the leaves.
    const h = await startHarness({ presenceLeaveDelayMs: 60_000 });
    const alice = await h.room(h.chat('alice'), 'lobby');
    const carolClient = h.chat('carol');
    const carol = await h.room(carolClient, 'lobby');
    const bob = await h.room(h.chat('bob'), 'lobby');
    const seen: string[] = [];
    bob.presence.subscribe((event) => seen.push(`${event.type}:${event.member.clientId}`));
    await alice.presence.enter();
    await carol.presence.enter();
    await eventually(async () => expect(await bob.presence.get()).toHaveLength(2));

    await alice.detach();
    await eventually(async () => expect((await bob.presence.get()).map((m) => m.clientId)).toEqual(['carol']));
    expect(h.server.stats().members).toBe(1);

    // Releasing the room detaches its channel: carol leaves at once, without calling leave().
    await carolClient.rooms.release('lobby');
    expect(carol.status).toBe('released');
    await eventually(async () => expect(await bob.presence.get()).toEqual([]));
    expect(h.server.stats().members).toBe(0);
    expect(seen).toEqual(['enter:alice', 'enter:carol', 'leave:alice', 'leave:carol']);
  });

  it('sends the echo before the ACK (presence and messages), so isUserPresent() right after enter() is true', async () => {
    const h = await startHarness();
    for (const format of ['json', 'msgpack'] as const) {
      const raw = await RawSocket.connect(h.server, { clientId: 'alice', format });
      await raw.attach('ordered');
      const from = raw.frames.length;
      raw.send({ action: 14, channel: 'ordered', msgSerial: 0, presence: [{ action: 2, data: 'hi' }] });
      raw.send({ action: 15, channel: 'ordered', msgSerial: 1, messages: [{ name: 'n', data: 'hi' }] });
      await raw.next((f) => f.action === 1 && f.msgSerial === 1, from);
      expect(raw.frames.slice(from).map((f) => [f.action, f.msgSerial])).toEqual([
        [14, undefined],
        [1, 0],
        [15, undefined],
        [1, 1],
      ]);
      raw.close();
    }
    const chat = h.chat('carol');
    for (let attempt = 0; attempt < 5; attempt++) {
      const room = await h.room(chat, `order-${attempt}`);
      await room.presence.enter();
      expect(await room.presence.isUserPresent('carol')).toBe(true);
    }
  });
});
