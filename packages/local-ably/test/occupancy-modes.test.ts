import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { eventually, startHarness } from './support/harness.js';

const ZERO = {
  connections: 0,
  publishers: 0,
  subscribers: 0,
  presenceConnections: 0,
  presenceMembers: 0,
  presenceSubscribers: 0,
  objectPublishers: 0,
  objectSubscribers: 0,
};

/** A subscribe-only watcher of all eight metrics (it counts as one connection and one subscriber). */
async function watch(h: Awaited<ReturnType<typeof startHarness>>, channelName: string) {
  const channel = h.realtime('watcher').channels.get(channelName, {
    params: { occupancy: 'metrics' },
    modes: ['SUBSCRIBE'],
  });
  const seen: Array<Record<string, number>> = [];
  channel.subscribe('[meta]occupancy', (message: Ably.InboundMessage) => {
    seen.push((message.data as { metrics: Record<string, number> }).metrics);
  });
  await channel.attach();
  return seen;
}

const WATCHER = { connections: 1, subscribers: 1 };

describe('occupancy: one clientId on two connections', () => {
  it('counts two connections and two presence members, then one of each as the tabs go', async () => {
    const h = await startHarness();
    const seen = await watch(h, 'tabs');
    const alice1 = h.realtime('alice');
    const alice2 = h.realtime('alice');
    const tab1 = alice1.channels.get('tabs');
    const tab2 = alice2.channels.get('tabs');
    await tab1.presence.enter({ tab: 1 });
    await tab2.presence.enter({ tab: 2 });
    // Default modes: presence, publish, subscribe, presence_subscribe on each tab.
    const both = {
      ...ZERO,
      connections: 3,
      publishers: 2,
      subscribers: 3,
      presenceConnections: 2,
      presenceMembers: 2,
      presenceSubscribers: 2,
    };
    await eventually(() => expect(seen.at(-1)).toEqual(both));
    const rest = await h.rest().channels.get('tabs').status();
    expect(rest.status.occupancy.metrics).toMatchObject(both);
    // One person, two members: a member is a clientId on one connection.
    expect((await tab1.presence.get()).map((m) => [m.clientId, m.connectionId]).sort()).toEqual(
      [
        ['alice', alice1.connection.id],
        ['alice', alice2.connection.id],
      ].sort(),
    );

    await tab1.presence.leave();
    await eventually(() => expect(seen.at(-1)).toEqual({ ...both, presenceMembers: 1 }));
    await tab1.detach();
    await eventually(() =>
      expect(seen.at(-1)).toEqual({
        ...ZERO,
        connections: 2,
        publishers: 1,
        subscribers: 2,
        presenceConnections: 1,
        presenceMembers: 1,
        presenceSubscribers: 1,
      }),
    );
    await tab2.detach();
    await eventually(() => expect(seen.at(-1)).toEqual({ ...ZERO, ...WATCHER }));
  });

  it('entering twice on the same connection is still one member', async () => {
    const h = await startHarness();
    const seen = await watch(h, 'twice');
    const tab = h.realtime('alice').channels.get('twice');
    await tab.presence.enter({ n: 1 });
    await tab.presence.enter({ n: 2 });
    await eventually(() => expect(seen.at(-1)).toMatchObject({ presenceMembers: 1, connections: 2 }));
    expect(await tab.presence.get()).toHaveLength(1);
  });
});

describe('occupancy: presence and presence-subscribe modes apart', () => {
  it("counts presence connections and presence subscribers separately; others' presence goes only to subscribers", async () => {
    const h = await startHarness();
    const seen = await watch(h, 'modes');
    // May enter, but hears nobody else's presence.
    const speaker = h.realtime('speaker').channels.get('modes', { modes: ['PRESENCE'] });
    // Hears presence, but may not enter.
    const listener = h.realtime('listener').channels.get('modes', { modes: ['PRESENCE_SUBSCRIBE'] });
    const heardBySpeaker: string[] = [];
    const heardByListener: string[] = [];
    await speaker.presence.subscribe((m) => heardBySpeaker.push(`${m.action}:${m.clientId}`));
    await listener.presence.subscribe((m) => heardByListener.push(`${m.action}:${m.clientId}`));
    expect(speaker.modes).toEqual(['presence']);
    expect(listener.modes).toEqual(['presence_subscribe']);

    await speaker.presence.enter({ talking: true });
    const expected = {
      ...ZERO,
      connections: 3,
      subscribers: 1,
      presenceConnections: 1,
      presenceMembers: 1,
      presenceSubscribers: 1,
    };
    await eventually(() => expect(seen.at(-1)).toEqual(expected));
    await eventually(() => expect(heardByListener).toEqual(['enter:speaker']));

    const refused = await listener.presence.enter().then(
      () => null,
      (error: Ably.ErrorInfo) => error,
    );
    expect(refused?.code).toBe(40160);
    // A third client with Ably Chat's default modes: the listener hears it, the speaker does not.
    const other = h.realtime('other').channels.get('modes');
    await other.presence.enter();
    await eventually(() => expect(heardByListener).toEqual(['enter:speaker', 'enter:other']));
    await other.detach();
    await speaker.presence.leave();
    await eventually(() =>
      expect(heardByListener).toEqual(['enter:speaker', 'enter:other', 'leave:other', 'leave:speaker']),
    );
    await eventually(() => expect(seen.at(-1)).toEqual({ ...expected, presenceMembers: 0 }));
    // Only its own echoes, which the SDK needs to track its own member.
    expect(heardBySpeaker).toEqual(['enter:speaker', 'leave:speaker']);
  });
});
