import type { PresenceEvent } from '@ably/chat';
import { describe, expect, it } from 'vitest';
import type { SimulatedMemberData } from '../src/index.js';
import { eventually, startHarness } from './support/harness.js';

describe('simulated members seen through the real SDKs', () => {
  it('10,000 members in one room reach a chat subscriber, a late joiner, occupancy and REST; removal leaves zero', async () => {
    const h = await startHarness();
    const watcher = await h.room(h.chat('watcher'), 'big', { occupancy: { enableEvents: true } });
    let events = 0;
    watcher.presence.subscribe(() => events++);
    const occupancyEvents: number[] = [];
    watcher.occupancy.subscribe((event) => occupancyEvents.push(event.occupancy.presenceMembers));

    const startedAt = Date.now();
    const status = h.server.simulation.start({ room: 'big' }, { count: 10_000, seed: 42 });
    expect(status).toMatchObject({ channel: 'big::$chat', room: 'big', count: 10_000, present: 10_000 });

    await eventually(() => expect(events).toBe(10_000), 15_000, 50);
    const deliveredMs = Date.now() - startedAt;
    const members = await watcher.presence.get();
    expect(members).toHaveLength(10_000);
    expect(new Set(members.map((m) => m.clientId)).size).toBe(10_000);
    const data = members[0]?.data as SimulatedMemberData;
    expect(data.name).toMatch(/^\w+ \w+$/);
    expect(data.avatarUrl).toMatch(/^data:image\/svg\+xml,/);
    expect(typeof data.status).toBe('string');
    // Simulated members count as members, not as connections: only the watcher is connected.
    await eventually(() => expect(watcher.occupancy.current).toEqual({ connections: 1, presenceMembers: 10_000 }));
    expect(await watcher.occupancy.get()).toEqual({ connections: 1, presenceMembers: 10_000 });
    // Ten thousand enters coalesce into one occupancy update rather than one each.
    // (The zero is the initial event after attach, when it arrives after subscribing.)
    expect(occupancyEvents.filter((count) => count > 0)).toEqual([10_000]);

    // A client attaching now gets them all through SYNC.
    const late = await h.room(h.chat('late'), 'big');
    await eventually(async () => expect(await late.presence.get()).toHaveLength(10_000), 15_000, 100);
    console.info(`10,000 simulated members delivered to a chat subscriber in ${deliveredMs} ms`);

    h.server.simulation.stop({ room: 'big' });
    await eventually(async () => expect(await watcher.presence.get()).toHaveLength(0), 15_000, 100);
    await eventually(() => expect(watcher.occupancy.current?.presenceMembers).toBe(0));
    await eventually(async () => expect(await late.presence.get()).toHaveLength(0), 15_000, 100);
    expect(h.server.stats().members).toBe(0);
  });

  it('churn delivers updates, leaves and re-enters that keep the subscriber in step with the server', async () => {
    const h = await startHarness();
    const watcher = await h.room(h.chat('watcher'), 'busy');
    const seen: PresenceEvent[] = [];
    watcher.presence.subscribe((event) => seen.push(event));

    h.server.simulation.start({ room: 'busy' }, { count: 20, churnPerSecond: 60, seed: 3 });

    await eventually(() => {
      const types = new Set(seen.slice(20).map((event) => event.type));
      expect([...types].sort()).toEqual(['enter', 'leave', 'update']);
    }, 8_000);
    const status = h.server.simulation.get({ room: 'busy' });
    expect(status?.events.update).toBeGreaterThan(0);
    expect(status?.events.leave).toBeGreaterThan(0);
    expect(status?.events.enter).toBeGreaterThan(20);

    h.server.simulation.stop({ room: 'busy' });
    await eventually(async () => expect(await watcher.presence.get()).toEqual([]));
    expect(h.server.simulation.list()).toEqual([]);
  });

  it('is deterministic: the same seed gives the same members and the same churn sequence', async () => {
    const runs = await Promise.all(
      [1, 2].map(async () => {
        const h = await startHarness();
        const watcher = await h.room(h.chat('watcher'), 'same');
        const seen: string[] = [];
        watcher.presence.subscribe((event) => {
          const data = event.member.data as SimulatedMemberData;
          seen.push(`${event.type} ${event.member.clientId} ${data.name} ${data.status}`);
        });
        h.server.simulation.start({ room: 'same' }, { count: 8, churnPerSecond: 80, seed: 1234 });
        await eventually(() => expect(seen.length).toBeGreaterThanOrEqual(40), 8_000);
        return seen.slice(0, 40);
      }),
    );
    expect(runs[0]).toEqual(runs[1]);
    const other = await startHarness();
    const profiles = (seed: number) => {
      other.server.simulation.start({ channel: `seed-${seed}` }, { count: 8, seed });
      return other.server.inspect.members(`seed-${seed}`).members.map((m) => JSON.stringify(m.data));
    };
    expect(profiles(1234)).toEqual(profiles(1234 + 0)); // same channel restarted: same profiles
    expect(profiles(99)).not.toEqual(profiles(1234));
  });

  it('works on a raw channel with the plain ably SDK and counts members, not connections', async () => {
    const h = await startHarness();
    const client = h.realtime('observer');
    const channel = client.channels.get('raw-updates');
    await channel.attach();
    h.server.simulation.start({ channel: 'raw-updates' }, { count: 250, batchSize: 50, seed: 5 });

    await eventually(async () => expect(await channel.presence.get()).toHaveLength(250));
    const details = await h.rest().channels.get('raw-updates').status();
    expect(details.status.occupancy.metrics).toMatchObject({ connections: 1, presenceMembers: 250 });
    const listed = h.server.inspect.members('raw-updates', 10);
    expect(listed.total).toBe(250);
    expect(listed.members).toHaveLength(10);
    expect(listed.members.every((m) => m.simulated && /^[A-Za-z0-9_-]+$/.test(m.connectionId))).toBe(true);

    h.server.simulation.stop({ channel: 'raw-updates' });
    await eventually(async () => expect(await channel.presence.get()).toEqual([]));
  });

  it('replacing a simulation swaps its members for new ones on new connectionIds', async () => {
    const h = await startHarness();
    const watcher = await h.room(h.chat('watcher'), 'swap');
    h.server.simulation.start({ room: 'swap' }, { count: 5, seed: 7 });
    const first = await eventually(async () => {
      const members = await watcher.presence.get();
      expect(members).toHaveLength(5);
      return new Set(members.map((m) => m.connectionId));
    });

    h.server.simulation.start({ room: 'swap' }, { count: 3, seed: 7 });

    await eventually(async () => {
      const members = await watcher.presence.get();
      expect(members).toHaveLength(3);
      expect(members.filter((m) => first.has(m.connectionId))).toEqual([]);
    });
    expect(h.server.stats().members).toBe(3);
  });

  it('rejects settings it cannot honour with 40003 and a message that says what to send', async () => {
    const h = await startHarness();
    const attempt = (start: () => unknown) => {
      try {
        start();
      } catch (error) {
        return error;
      }
      throw new Error('expected the simulation to be rejected');
    };
    expect(attempt(() => h.server.simulation.start({ room: 'x' }, { count: 0 }))).toMatchObject({
      code: 40003,
      statusCode: 400,
      message: expect.stringMatching(/"count" must be a whole number from 1 to 50000, got 0/),
    });
    expect(attempt(() => h.server.simulation.start({ room: 'x' }, { count: 1.5 }))).toMatchObject({ code: 40003 });
    expect(attempt(() => h.server.simulation.start({ room: '' }, { count: 1 }))).toMatchObject({
      message: expect.stringMatching(/non-empty room name/),
    });
    expect(attempt(() => h.server.simulation.start({ room: 'x' }, { count: 1, churnPerSecond: -1 }))).toMatchObject({
      message: expect.stringMatching(/"churnPerSecond" must be a number from 0/),
    });
    expect(h.server.stats().members).toBe(0);
  });
});
