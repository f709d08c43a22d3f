import type { PresenceEvent, Room } from '@ably/chat';
import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { eventually, type Harness, sleep, startHarness } from './support/harness.js';
import { RawSocket } from './support/raw-socket.js';

interface Observed {
  data?: unknown;
  type: string;
  clientId: string;
  connectionId: string;
  at: number;
}

/** Subscribes an observer room and records every presence event with the time it arrived. */
function record(room: Room): Observed[] {
  const seen: Observed[] = [];
  room.presence.subscribe((event: PresenceEvent) => {
    seen.push({
      data: event.member.data,
      type: event.type,
      clientId: event.member.clientId,
      connectionId: event.member.connectionId,
      at: Date.now(),
    });
  });
  return seen;
}

/** Alice (entered) and an observer Bob in one room; Bob has already seen Alice. */
async function aliceAndObserver(h: Harness) {
  const aliceChat = h.chat('alice');
  const alice = await h.room(aliceChat, 'lobby');
  await alice.presence.enter({ mood: 'calm' });
  const bob = await h.room(h.chat('bob'), 'lobby');
  await eventually(async () => expect((await bob.presence.get()).map((m) => m.clientId)).toEqual(['alice']));
  return { realtime: aliceChat.realtime, alice, bob, seen: record(bob) };
}

function connectedAgain(realtime: Ably.Realtime): Promise<Ably.ConnectionStateChange> {
  return new Promise((resolve) => {
    realtime.connection.on((change) => {
      if (change.previous !== 'connected' && change.current === 'connected') resolve(change);
    });
  });
}

describe('reconnects through the real SDKs', () => {
  it('resumes after a dropped transport: same connection, RESUMED attach, no discontinuity, no presence noise', async () => {
    const h = await startHarness({ presenceLeaveDelayMs: 5_000 });
    const { realtime, alice, bob, seen } = await aliceAndObserver(h);
    const discontinuities: unknown[] = [];
    alice.onDiscontinuity((error) => discontinuities.push(error));
    const attached: Ably.ChannelStateChange[] = [];
    alice.channel.on('attached', (change) => attached.push(change));
    const id = realtime.connection.id ?? '';

    const reconnected = connectedAgain(realtime);
    h.server.faults.drop(id);
    await reconnected;
    await eventually(() => expect(attached).toHaveLength(1));

    expect(realtime.connection.id).toBe(id);
    expect(realtime.connection.errorReason?.code).not.toBe(80008);
    expect(attached[0]?.resumed).toBe(true);
    // The SDK re-enters after every reattach; the server must treat the same-id re-entry as a no-op.
    await sleep(500);
    expect(seen).toEqual([]);
    expect(discontinuities).toEqual([]);
    expect((await bob.presence.get()).map((m) => [m.clientId, m.connectionId])).toEqual([['alice', id]]);
    expect(h.server.stats().members).toBe(1);

    // Presence still flows both ways on the resumed connection.
    await alice.presence.update({ mood: 'back' });
    await eventually(() => expect(seen.map((event) => event.type)).toEqual(['update']));
  });

  it("never reverts a member to stale data when an update's echo is lost in a drop", async () => {
    const h = await startHarness({ presenceLeaveDelayMs: 5_000 });
    const { realtime, alice, bob, seen } = await aliceAndObserver(h);
    const id = realtime.connection.id ?? '';
    h.server.faults.delay(id, 60_000); // the server applies the update, but its ACK and echo never leave
    const updated = alice.presence.update({ mood: 'new' });
    await eventually(() => expect(seen.map((e) => e.type)).toEqual(['update']));

    const reconnected = connectedAgain(realtime);
    h.server.faults.drop(id);
    await reconnected;
    await updated; // ably-js requeues the unacknowledged update and sends it again after the reattach
    await sleep(300);
    expect(realtime.connection.id).toBe(id);
    // ably-js also re-enters from its own record, which still says "calm": the server must not apply that.
    expect(seen.map((e) => [e.type, e.data])).not.toContainEqual(['update', { mood: 'calm' }]);
    expect((await bob.presence.get()).map((m) => m.data)).toEqual([{ mood: 'new' }]);
  });

  it("does not bring back a member that left when the leave's echo is lost in a drop", async () => {
    const h = await startHarness({ presenceLeaveDelayMs: 5_000 });
    const { realtime, alice, bob, seen } = await aliceAndObserver(h);
    const id = realtime.connection.id ?? '';
    h.server.faults.delay(id, 60_000);
    const left = alice.presence.leave();
    await eventually(() => expect(seen.map((e) => e.type)).toEqual(['leave']));

    const reconnected = connectedAgain(realtime);
    h.server.faults.drop(id);
    await reconnected;
    await left;
    await sleep(300);
    expect(seen.map((e) => e.type)).toEqual(['leave']);
    expect(await bob.presence.get()).toEqual([]);
    expect(h.server.stats().members).toBe(0);
  });

  it('on a failed resume (80008) re-enters on the new connection; the old one leaves after the delay', async () => {
    const delay = 800;
    const h = await startHarness({ presenceLeaveDelayMs: delay });
    const { realtime, alice, seen } = await aliceAndObserver(h);
    const oldId = realtime.connection.id ?? '';
    const discontinuities: unknown[] = [];
    alice.onDiscontinuity((error) => discontinuities.push(error));

    const reconnected = connectedAgain(realtime);
    const droppedAt = Date.now();
    h.server.faults.drop(oldId, { loseState: true });
    await reconnected;

    const newId = realtime.connection.id ?? '';
    expect(newId).not.toBe(oldId);
    expect(realtime.connection.errorReason?.code).toBe(80008);
    await eventually(() =>
      expect(seen.map((e) => [e.type, e.connectionId])).toEqual([
        ['enter', newId],
        ['leave', oldId],
      ]),
    );
    expect(seen.every((event) => event.clientId === 'alice')).toBe(true);
    const leave = seen[1];
    expect(leave && leave.at - droppedAt).toBeGreaterThanOrEqual(delay - 50);
    expect(h.server.stats().members).toBe(1);
    // Continuity really was lost, and chat says so.
    expect(discontinuities).toHaveLength(1);
  });

  it('resumes after the leave delay has passed: the member left, and re-enters on the same connection', async () => {
    const h = await startHarness({ presenceLeaveDelayMs: 200 });
    const aliceChat = h.chat('alice', { disconnectedRetryTimeout: 300 });
    const alice = await h.room(aliceChat, 'lobby');
    await alice.presence.enter({ mood: 'sleepy' });
    const bob = await h.room(h.chat('bob'), 'lobby');
    await eventually(async () => expect(await bob.presence.get()).toHaveLength(1));
    const seen = record(bob);
    const id = aliceChat.realtime.connection.id ?? '';

    h.server.faults.refuseConnections(1_000); // a laptop lid closed for a second
    h.server.faults.drop(id);
    await eventually(() => expect(seen.map((e) => [e.type, e.connectionId])).toEqual([['leave', id]]));
    await eventually(
      () =>
        expect(seen.map((e) => [e.type, e.connectionId])).toEqual([
          ['leave', id],
          ['enter', id],
        ]),
      10_000,
    );
    expect(aliceChat.realtime.connection.id).toBe(id);
    expect((await bob.presence.get()).map((m) => [m.clientId, m.data])).toEqual([['alice', { mood: 'sleepy' }]]);
  });

  it('an abrupt drop with no return leaves only after presenceLeaveDelayMs', async () => {
    const delay = 1_500;
    const h = await startHarness({ presenceLeaveDelayMs: delay });
    const { realtime, bob, seen } = await aliceAndObserver(h);
    const id = realtime.connection.id ?? '';

    h.server.faults.refuseConnections(30_000);
    const droppedAt = Date.now();
    h.server.faults.drop(id);
    await eventually(() => expect(realtime.connection.state).toBe('disconnected'));

    await eventually(() => expect(seen.map((e) => [e.type, e.connectionId])).toEqual([['leave', id]]), delay + 5_000);
    const waited = (seen[0]?.at ?? 0) - droppedAt;
    expect(waited).toBeGreaterThanOrEqual(delay - 50);
    expect(await bob.presence.get()).toEqual([]);
    expect(h.server.stats().members).toBe(0);
    // Until the connection state expires, its attachment still counts (a documented design point).
    expect(h.server.stats().connections).toBe(2);
  });

  it('keeps state after a DISCONNECT frame, so a resume restores the same connection and members', async () => {
    const h = await startHarness({ presenceLeaveDelayMs: 5_000 });
    const bob = await h.room(h.chat('bob'), 'lobby');
    const seen = record(bob);

    const raw = await RawSocket.connect(h.server, { clientId: 'carol' });
    expect((await raw.attach('lobby::$chat')).action).toBe(11);
    raw.send({ action: 14, channel: 'lobby::$chat', msgSerial: 0, presence: [{ action: 2, data: 'hi' }] });
    await raw.next((frame) => frame.action === 1);
    await eventually(() => expect(seen.map((e) => e.type)).toEqual(['enter']));

    raw.send({ action: 5 });
    await raw.waitClosed();
    await sleep(300);
    expect(h.server.stats()).toMatchObject({ connections: 2, members: 1 });

    const again = await RawSocket.connect(h.server, { clientId: 'carol', resume: raw.connectionKey });
    const connected = again.frames.find((frame) => frame.action === 4);
    expect(connected?.connectionId).toBe(raw.connectionId);
    expect(connected?.error).toBeUndefined();
    const attached = await again.attach('lobby::$chat', { channelSerial: 'whatever' });
    expect((attached.flags ?? 0) & 4).toBe(4); // RESUMED
    expect((attached.flags ?? 0) & 1).toBe(1); // HAS_PRESENCE: carol is still there
    await sleep(300);
    expect(seen.map((e) => e.type)).toEqual(['enter']);
    expect((await bob.presence.get()).map((m) => [m.clientId, m.connectionId])).toEqual([['carol', raw.connectionId]]);
    again.close();
  });
});
