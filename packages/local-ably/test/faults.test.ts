import type { PresenceEvent, Room } from '@ably/chat';
import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { eventually, type Harness, sleep, startHarness } from './support/harness.js';

/** Client options that make the SDK retry quickly after a refused connection (its default waits 15 s). */
const FAST_RETRY: Partial<Ably.ClientOptions> = { disconnectedRetryTimeout: 300 };

function record(room: Room): PresenceEvent[] {
  const seen: PresenceEvent[] = [];
  room.presence.subscribe((event) => seen.push(event));
  return seen;
}

function states(realtime: Ably.Realtime): string[] {
  const seen: string[] = [];
  realtime.connection.on((change) => seen.push(change.current));
  return seen;
}

/** Alice entered in `lobby`, Bob observing; both rooms report attach changes and discontinuities. */
async function lobby(h: Harness, options: Partial<Ably.ClientOptions> = {}) {
  const aliceChat = h.chat('alice', options);
  const alice = await h.room(aliceChat, 'lobby');
  await alice.presence.enter({ status: 'here' });
  const bobChat = h.chat('bob', options);
  const bob = await h.room(bobChat, 'lobby');
  await eventually(async () => expect((await bob.presence.get()).map((m) => m.clientId)).toEqual(['alice']));
  const discontinuities: unknown[] = [];
  alice.onDiscontinuity((error) => discontinuities.push(error));
  bob.onDiscontinuity((error) => discontinuities.push(error));
  const resumedFlags: boolean[] = [];
  alice.channel.on('attached', (change) => resumedFlags.push(change.resumed));
  return {
    alice,
    bob,
    aliceRealtime: aliceChat.realtime,
    bobRealtime: bobChat.realtime,
    seen: record(bob),
    discontinuities,
    resumedFlags,
  };
}

describe('fault injection against the real SDKs', () => {
  it('drop: the SDK resumes on the same connection and observers see no presence events', async () => {
    const h = await startHarness({ presenceLeaveDelayMs: 5_000 });
    const { aliceRealtime, seen, discontinuities, resumedFlags } = await lobby(h);
    const id = aliceRealtime.connection.id ?? '';
    const aliceStates = states(aliceRealtime);

    h.server.faults.drop(id);

    await eventually(() => expect(resumedFlags).toEqual([true]));
    expect(aliceStates).toContain('connecting');
    expect(aliceRealtime.connection.id).toBe(id);
    await sleep(300);
    expect(seen).toEqual([]);
    expect(discontinuities).toEqual([]);
  });

  it('stall: the SDK notices the silence through its idle timer, then resumes', async () => {
    const h = await startHarness({ maxIdleIntervalMs: 400, keepAliveIntervalMs: 150, presenceLeaveDelayMs: 5_000 });
    const { aliceRealtime, seen, resumedFlags } = await lobby(h, { realtimeRequestTimeout: 800 });
    const id = aliceRealtime.connection.id ?? '';
    const aliceStates = states(aliceRealtime);
    const stalledAt = Date.now();

    h.server.faults.stall(id);
    expect(h.server.inspect.connectionList().find((c) => c.id === id)?.stalled).toBe(true);

    await eventually(() => expect(aliceStates).toContain('disconnected'), 8_000);
    // Idle timeout = maxIdleInterval + realtimeRequestTimeout; before that the SDK cannot know anything is wrong.
    expect(Date.now() - stalledAt).toBeGreaterThanOrEqual(1_000);
    await eventually(() => expect(resumedFlags).toEqual([true]), 8_000);
    expect(aliceRealtime.connection.id).toBe(id);
    expect(aliceRealtime.connection.state).toBe('connected');
    expect(seen).toEqual([]);
  });

  it('delay: frames arrive late but complete and in order', async () => {
    const h = await startHarness();
    const { alice, bobRealtime, seen } = await lobby(h);
    const delayMs = 800;
    h.server.faults.delay(bobRealtime.connection.id ?? '', delayMs);
    expect(h.server.inspect.connectionList().find((c) => c.id === bobRealtime.connection.id)?.delayMs).toBe(delayMs);

    const sentAt = Date.now();
    await alice.presence.update({ status: 'one' });
    await alice.presence.update({ status: 'two' });
    await alice.presence.update({ status: 'three' });
    await alice.presence.leave({ status: 'gone' });
    // Alice's own ACKs are not delayed, so all four were applied long before Bob hears of the first one.
    expect(Date.now() - sentAt).toBeLessThan(delayMs);
    expect(seen).toEqual([]);

    await eventually(() => expect(seen).toHaveLength(4));
    const firstArrival = Date.now();
    expect(firstArrival - sentAt).toBeGreaterThanOrEqual(delayMs * 0.9);
    expect(seen.map((event) => [event.type, (event.member.data as { status: string }).status])).toEqual([
      ['update', 'one'],
      ['update', 'two'],
      ['update', 'three'],
      ['leave', 'gone'],
    ]);
  });

  it('refuse: dropped and new clients retry and connect once the window passes', async () => {
    const h = await startHarness({ presenceLeaveDelayMs: 10_000 });
    const { aliceRealtime, resumedFlags } = await lobby(h, FAST_RETRY);
    const id = aliceRealtime.connection.id ?? '';
    const aliceStates = states(aliceRealtime);
    const refuseMs = 1_200;
    const refusedAt = Date.now();

    h.server.faults.refuseConnections(refuseMs);
    h.server.faults.drop(id);
    const late = h.realtime('carol', FAST_RETRY);
    const lateStates = states(late);

    await eventually(() => expect(aliceStates).toContain('disconnected'));
    await eventually(() => expect(late.connection.state).toBe('connected'), 8_000);
    await eventually(() => expect(resumedFlags).toEqual([true]), 8_000);
    expect(Date.now() - refusedAt).toBeGreaterThanOrEqual(refuseMs);
    expect(lateStates).toContain('disconnected');
    expect(aliceRealtime.connection.id).toBe(id);
  });

  it('restart keeping state: every client resumes (RESUMED), members stay, observers see nothing', async () => {
    const h = await startHarness({ presenceLeaveDelayMs: 5_000 });
    const { aliceRealtime, bobRealtime, bob, seen, discontinuities, resumedFlags } = await lobby(h, FAST_RETRY);
    const ids = [aliceRealtime.connection.id, bobRealtime.connection.id];
    const port = h.server.port;

    h.server.faults.restart({ keepState: true, downMs: 400 });

    await eventually(() => expect(resumedFlags).toEqual([true]), 8_000);
    await eventually(() => expect(bobRealtime.connection.state).toBe('connected'), 8_000);
    expect([aliceRealtime.connection.id, bobRealtime.connection.id]).toEqual(ids);
    expect(aliceRealtime.connection.errorReason?.code).not.toBe(80008);
    expect(h.server.port).toBe(port);
    await sleep(300);
    expect(seen).toEqual([]);
    expect(discontinuities).toEqual([]);
    expect((await bob.presence.get()).map((m) => m.connectionId)).toEqual([ids[0]]);
    expect(h.server.stats().members).toBe(1);
  });

  it('restart losing state: resumes fail with 80008, SDKs re-enter on new connections, simulations are gone', async () => {
    const h = await startHarness({ presenceLeaveDelayMs: 5_000 });
    const { aliceRealtime, bob, discontinuities, resumedFlags } = await lobby(h, FAST_RETRY);
    h.server.simulation.start({ room: 'lobby' }, { count: 5, churnPerSecond: 20 });
    await eventually(async () => expect(await bob.presence.get()).toHaveLength(6));
    const oldId = aliceRealtime.connection.id;

    h.server.faults.restart({ keepState: false, downMs: 300 });
    expect(h.server.stats()).toEqual({ connections: 0, channels: 0, members: 0 });
    expect(h.server.simulation.list()).toEqual([]);

    await eventually(() => expect(resumedFlags).toEqual([false]), 8_000);
    expect(aliceRealtime.connection.errorReason?.code).toBe(80008);
    expect(aliceRealtime.connection.id).not.toBe(oldId);
    // Alice's SDK re-entered her on the new connection; Bob's SDK re-synced and dropped the simulated members.
    await eventually(async () =>
      expect((await bob.presence.get()).map((m) => [m.clientId, m.connectionId])).toEqual([
        ['alice', aliceRealtime.connection.id],
      ]),
    );
    expect(h.server.stats().members).toBe(1);
    expect(discontinuities.length).toBeGreaterThanOrEqual(2);
  });
});
