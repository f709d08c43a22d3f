import type { OccupancyData, Room } from '@ably/chat';
import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { eventually, startHarness } from './support/harness.js';

const EVENTS = { occupancy: { enableEvents: true } } as const;

/** The counts `room` sees three ways: the latest event, `current`, and a REST `get()`; all three must agree. */
async function expectOccupancy(room: Room, events: OccupancyData[], expected: OccupancyData): Promise<void> {
  await eventually(() => expect(events.at(-1)).toEqual(expected));
  expect(room.occupancy.current).toEqual(expected);
  expect(await room.occupancy.get()).toEqual(expected);
}

/** Collects `[meta]occupancy` metrics from a raw `ably` channel. */
function metricsOf(channel: Ably.RealtimeChannel): Array<Record<string, number>> {
  const seen: Array<Record<string, number>> = [];
  channel.subscribe('[meta]occupancy', (message) => {
    seen.push((message.data as { metrics: Record<string, number> }).metrics);
  });
  return seen;
}

describe('occupancy through the real SDKs', () => {
  it('counts connections and presence members exactly as clients attach, enter, leave, detach and close', async () => {
    const h = await startHarness();
    const alice = await h.room(h.chat('alice'), 'hall', EVENTS);
    const events: OccupancyData[] = [];
    alice.occupancy.subscribe((event) => events.push(event.occupancy));
    await expectOccupancy(alice, events, { connections: 1, presenceMembers: 0 });

    const bob = await h.room(h.chat('bob'), 'hall', EVENTS);
    const bobEvents: OccupancyData[] = [];
    bob.occupancy.subscribe((event) => bobEvents.push(event.occupancy));
    await expectOccupancy(alice, events, { connections: 2, presenceMembers: 0 });
    await bob.presence.enter();
    await expectOccupancy(alice, events, { connections: 2, presenceMembers: 1 });
    await alice.presence.enter();
    await expectOccupancy(alice, events, { connections: 2, presenceMembers: 2 });
    await alice.presence.leave();
    await expectOccupancy(alice, events, { connections: 2, presenceMembers: 1 });
    await bob.detach();
    await expectOccupancy(alice, events, { connections: 1, presenceMembers: 0 });

    const carolClient = h.chat('carol');
    const carol = await h.room(carolClient, 'hall');
    await carol.presence.enter({ hi: true });
    await expectOccupancy(alice, events, { connections: 2, presenceMembers: 1 });
    carolClient.realtime.close();
    await expectOccupancy(alice, events, { connections: 1, presenceMembers: 0 });

    // A reattached room gets a fresh event at once, and both rooms agree with REST.
    await bob.attach();
    await expectOccupancy(bob, bobEvents, { connections: 2, presenceMembers: 0 });
    await expectOccupancy(alice, events, { connections: 2, presenceMembers: 0 });
  });

  it('returns zeros from REST for a room nobody is in', async () => {
    const h = await startHarness();
    const room = await h.chat('alice').rooms.get('empty-room');
    expect(await room.occupancy.get()).toEqual({ connections: 0, presenceMembers: 0 });
  });

  it('sends all eight metrics to a raw channel with occupancy=metrics, counted from the granted modes', async () => {
    const h = await startHarness();
    const watcher = h.realtime('watcher');
    const channel = watcher.channels.get('metrics-room', { params: { occupancy: 'metrics' }, modes: ['SUBSCRIBE'] });
    const seen = metricsOf(channel);
    await channel.attach();
    await eventually(() =>
      expect(seen.at(-1)).toEqual({
        connections: 1,
        publishers: 0,
        subscribers: 1,
        presenceConnections: 0,
        presenceMembers: 0,
        presenceSubscribers: 0,
        objectPublishers: 0,
        objectSubscribers: 0,
      }),
    );
    expect(channel.modes).toEqual(['subscribe']);

    const dave = h.realtime('dave').channels.get('metrics-room');
    await dave.presence.enter('here'); // default modes: presence, publish, subscribe, presence_subscribe
    const objects = h.realtime('olga').channels.get('metrics-room', { modes: ['OBJECT_SUBSCRIBE', 'OBJECT_PUBLISH'] });
    await objects.attach();
    const expected = {
      connections: 3,
      publishers: 1,
      subscribers: 2,
      presenceConnections: 1,
      presenceMembers: 1,
      presenceSubscribers: 1,
      objectPublishers: 1,
      objectSubscribers: 1,
    };
    await eventually(() => expect(seen.at(-1)).toEqual(expected));

    const status = await h.rest().channels.get('metrics-room').status();
    expect(status.status.occupancy.metrics).toMatchObject(expected);
    expect(status.status.isActive).toBe(true);

    await objects.detach();
    await dave.presence.leave();
    await eventually(() =>
      expect(seen.at(-1)).toEqual({
        ...expected,
        connections: 2,
        presenceMembers: 0,
        objectPublishers: 0,
        objectSubscribers: 0,
      }),
    );
  });

  it('sends only the chosen metric for occupancy=metrics.connections', async () => {
    const h = await startHarness();
    const channel = h.realtime('watcher').channels.get('one-metric', { params: { occupancy: 'metrics.connections' } });
    const seen = metricsOf(channel);
    await channel.attach();
    expect(channel.params).toEqual({ occupancy: 'metrics.connections' });
    await eventually(() => expect(seen).toEqual([{ connections: 1 }]));
    const other = h.realtime('other').channels.get('one-metric');
    await other.presence.enter();
    await eventually(() => expect(seen).toEqual([{ connections: 1 }, { connections: 2 }]));
    // Entering changed presenceMembers only, which this subscriber did not ask for: nothing more arrives.
    await other.presence.leave();
    await other.presence.enter();
    await other.detach();
    await eventually(() => expect(seen.at(-1)).toEqual({ connections: 1 }));
    expect(seen.every((metrics) => Object.keys(metrics).join() === 'connections')).toBe(true);
  });
});
