import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { eventually, type Harness, sleep, startHarness } from './support/harness.js';
import { allItems, restFetch } from './support/rest-fetch.js';

/** `count` presence events (enter, then updates) by one client, each in its own millisecond. */
async function updates(h: Harness, channelName: string, count: number): Promise<Ably.RealtimeChannel> {
  const channel = h.realtime('alice').channels.get(channelName);
  await channel.presence.enter({ step: 0 });
  for (let step = 1; step < count; step++) {
    await sleep(2); // distinct timestamps make the time-window assertions meaningful
    await channel.presence.update({ step });
  }
  return channel;
}

const summary = (item: Ably.PresenceMessage) => [item.action, item.clientId, item.data];

describe.each([
  ['JSON', { useBinaryProtocol: false }],
  ['msgpack', {}],
] as const)('GET /channels/:channel/presence/history via the real ably Rest client (%s)', (_name, protocol) => {
  it('returns enter, update and leave newest first by default, oldest first with direction=forwards', async () => {
    const h = await startHarness();
    const client = h.realtime('alice');
    const channel = client.channels.get('lobby');
    await channel.presence.enter('in');
    await channel.presence.update('busy');
    await channel.presence.leave();
    const history = h.rest(protocol).channels.get('lobby').presence;

    const backwards = await eventually(async () => {
      const page = await history.history();
      expect(page.items).toHaveLength(3);
      return page;
    });
    expect(backwards.items.map(summary)).toEqual([
      ['leave', 'alice', 'busy'],
      ['update', 'alice', 'busy'],
      ['enter', 'alice', 'in'],
    ]);
    const forwards = await history.history({ direction: 'forwards' });
    expect(forwards.items.map(summary)).toEqual([
      ['enter', 'alice', 'in'],
      ['update', 'alice', 'busy'],
      ['leave', 'alice', 'busy'],
    ]);
    expect(forwards.items.every((item) => item.connectionId === client.connection.id)).toBe(true);
  });

  it('pages 25 events 10 at a time in both directions, each page continuing where the last stopped', async () => {
    const h = await startHarness();
    const channel = h.realtime().channels.get('busy');
    await channel.attach();
    for (let index = 0; index < 25; index++) await channel.presence.enterClient(`user-${index}`, { index });
    const history = h.rest(protocol).channels.get('busy').presence;

    const backwards = await allItems(await history.history({ limit: 10 }));
    expect(backwards.pages).toBe(3);
    const indexes = (items: Ably.PresenceMessage[]) => items.map((item) => (item.data as { index: number }).index);
    expect(indexes(backwards.items)).toEqual(Array.from({ length: 25 }, (_, index) => 24 - index));

    const forwards = await allItems(await history.history({ limit: 10, direction: 'forwards' }));
    expect(forwards.pages).toBe(3);
    expect(indexes(forwards.items)).toEqual(Array.from({ length: 25 }, (_, index) => index));
  });

  it('applies start and end as an inclusive time window', async () => {
    const h = await startHarness();
    await updates(h, 'window', 6);
    const history = h.rest(protocol).channels.get('window').presence;
    const all = (await history.history({ direction: 'forwards' })).items;
    expect(all).toHaveLength(6);
    const start = all[1]?.timestamp ?? 0;
    const end = all[3]?.timestamp ?? 0;

    const window = await history.history({ start, end, direction: 'forwards' });
    const expected = all.filter((item) => item.timestamp >= start && item.timestamp <= end);
    expect(window.items.map((item) => item.data)).toEqual(expected.map((item) => item.data));
    expect(window.items.length).toBeGreaterThanOrEqual(3);
    expect(window.items.length).toBeLessThan(6);
    expect((await history.history({ start: end + 1_000_000 })).items).toEqual([]);
  });

  it('rejects a bad direction, a non-numeric start and start after end with 40003 naming the parameter', async () => {
    const h = await startHarness();
    const history = h.rest(protocol).channels.get('lobby').presence;
    const failure = (params: Record<string, unknown>) =>
      history.history(params).then(
        () => undefined,
        (error: Ably.ErrorInfo) => error,
      );
    const direction = await failure({ direction: 'sideways' });
    expect([direction?.code, direction?.statusCode]).toEqual([40003, 400]);
    expect(direction?.message).toContain('"direction"');
    const start = await failure({ start: 'yesterday' });
    expect([start?.code, start?.message.includes('"start"')]).toEqual([40003, true]);
    const order = await failure({ start: 2000, end: 1000 });
    expect([order?.code, order?.message.includes('"end"')]).toEqual([40003, true]);
  });
});

describe('presence history contents and bounds', () => {
  it('records synthesized leaves (close and detach) with ids not prefixed by the connectionId', async () => {
    const h = await startHarness();
    const closer = h.realtime('closer');
    await closer.channels.get('room').presence.enter('c');
    const detacher = h.realtime('detacher').channels.get('room');
    await detacher.presence.enter('d');
    closer.close();
    await detacher.detach();

    const history = h.rest().channels.get('room').presence;
    const leaves = await eventually(async () => {
      const items = (await history.history()).items.filter((item) => item.action === 'leave');
      expect(items.map((item) => item.clientId).sort()).toEqual(['closer', 'detacher']);
      return items;
    });
    for (const leave of leaves) {
      expect(leave.id?.startsWith(leave.connectionId ?? '?')).toBe(false);
      expect(leave.data).toBe(leave.clientId?.[0]);
    }
  });

  it('outlives the channel: history is still there after everyone left and the channel was freed', async () => {
    const h = await startHarness();
    const client = h.realtime('alice');
    await client.channels.get('gone').presence.enter();
    client.close();
    await eventually(() => expect(h.server.stats().channels).toBe(0));
    const items = (await h.rest().channels.get('gone').presence.history({ direction: 'forwards' })).items;
    expect(items.map((item) => item.action)).toEqual(['enter', 'leave']);
  });

  it('keeps only presenceHistoryLimit events per channel, newest kept', async () => {
    const h = await startHarness({ presenceHistoryLimit: 5 });
    await updates(h, 'bounded', 12);
    const items = (await h.rest().channels.get('bounded').presence.history({ limit: 100 })).items;
    expect(items.map((item) => (item.data as { step: number }).step)).toEqual([11, 10, 9, 8, 7]);
  });

  it('keeps history for at most presenceHistoryChannels channels, forgetting the least recently written', async () => {
    const h = await startHarness({ presenceHistoryChannels: 2 });
    const client = h.realtime('alice');
    for (const name of ['one', 'two', 'three']) await client.channels.get(name).presence.enter(name);
    const rest = h.rest();
    const count = async (name: string) => (await rest.channels.get(name).presence.history()).items.length;
    expect([await count('one'), await count('two'), await count('three')]).toEqual([0, 1, 1]);
  });

  it('keeps nothing with presenceHistoryLimit 0', async () => {
    const h = await startHarness({ presenceHistoryLimit: 0 });
    await h.realtime('alice').channels.get('off').presence.enter();
    expect((await h.rest().channels.get('off').presence.history()).items).toEqual([]);
  });

  it('is reachable from a realtime client (channel.presence.history) and follows pages in envelope mode', async () => {
    const h = await startHarness();
    await updates(h, 'env', 3);
    const realtime = h.realtime('reader', { useBinaryProtocol: false });
    const page = await realtime.channels.get('env').presence.history({ limit: 2 });
    expect(page.items.map((item) => (item.data as { step: number }).step)).toEqual([2, 1]);
    expect(page.hasNext()).toBe(true);

    const enveloped = await restFetch(h.server, '/channels/env/presence/history?limit=2&envelope=json');
    const body = enveloped.body as { statusCode: number; response: unknown[]; headers: { link: string } };
    expect([enveloped.status, body.statusCode, body.response.length]).toEqual([200, 200, 2]);
    expect(body.headers.link).toMatch(/<\.\/history\?[^>]*cursor=\d+[^>]*>; rel="next"/);
  });

  it('answers errors inside the envelope too, and a missing history capability path is a 4xx body', async () => {
    const h = await startHarness();
    const response = await restFetch(h.server, '/channels/x/presence/history?direction=up&envelope=json');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ statusCode: 400, response: { error: { code: 40003 } } });
  });
});
