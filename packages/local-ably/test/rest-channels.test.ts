import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { eventually, startHarness } from './support/harness.js';
import { allItems, parseLinks, restFetch } from './support/rest-fetch.js';

describe.each([
  ['JSON', { useBinaryProtocol: false }],
  ['msgpack', {}],
] as const)('GET /channels (enumeration) via rest.request() (%s)', (_name, protocol) => {
  it('lists active channel names sorted, filtered by prefix, and pages them', async () => {
    const h = await startHarness();
    const client = h.realtime();
    const names = [...Array.from({ length: 12 }, (_, index) => `game:${String(index).padStart(2, '0')}`), 'lobby'];
    await Promise.all(names.map((name) => client.channels.get(name).attach()));
    const rest = h.rest(protocol);

    const all = await rest.request('get', '/channels', 3);
    expect([all.success, all.statusCode]).toEqual([true, 200]);
    expect(all.items).toEqual([...names].sort());

    const games = await allItems(await rest.request<string>('get', '/channels', 3, { prefix: 'game:', limit: 5 }));
    expect(games.pages).toBe(3);
    expect(games.items).toEqual(names.slice(0, 12));
  });

  it('by=value returns ChannelDetails with occupancy, the same as GET /channels/:channel', async () => {
    const h = await startHarness();
    const alice = h.realtime('alice').channels.get('room');
    await alice.presence.enter();
    await h.realtime('bob').channels.get('room').attach();
    const rest = h.rest(protocol);

    const response = await rest.request('get', '/channels', 3, { by: 'value' });
    expect(response.items).toHaveLength(1);
    const details = response.items[0] as Ably.ChannelDetails;
    expect(details).toMatchObject({ channelId: 'room', status: { isActive: true } });
    expect(details.status.occupancy.metrics).toMatchObject({
      connections: 2,
      presenceMembers: 1,
      presenceConnections: 2,
    });
    expect(details).toEqual(await rest.channels.get('room').status());
  });

  it('lists only channels with attachments or members, so a detached channel disappears', async () => {
    const h = await startHarness();
    const client = h.realtime();
    const keep = client.channels.get('keep');
    const drop = client.channels.get('drop');
    await Promise.all([keep.attach(), drop.attach()]);
    const rest = h.rest(protocol);
    expect((await rest.request('get', '/channels', 3)).items).toEqual(['drop', 'keep']);
    await drop.detach();
    await eventually(async () => expect((await rest.request('get', '/channels', 3)).items).toEqual(['keep']));
  });

  it('reports a bad "by" or limit as 40003 in the response, as request() does for errors', async () => {
    const h = await startHarness();
    const rest = h.rest(protocol);
    const by = await rest.request('get', '/channels', 3, { by: 'size' });
    expect([by.success, by.statusCode, by.errorCode]).toEqual([false, 400, 40003]);
    expect(by.errorMessage).toContain('"by"');
    const limit = await rest.request('get', '/channels', 3, { limit: '5000' });
    expect([limit.success, limit.errorCode]).toEqual([false, 40003]);
  });
});

describe('GET /channels on the wire', () => {
  it('links pages with the prefix carried over and the cursor being the last name served', async () => {
    const h = await startHarness();
    const client = h.realtime();
    await Promise.all(['a,1', 'a,2', 'a,3'].map((name) => client.channels.get(name).attach()));
    const first = await restFetch(h.server, '/channels?prefix=a%2C&limit=2');
    expect(first.body).toEqual(['a,1', 'a,2']);
    const header = first.headers.get('link') ?? '';
    expect(header).toContain('prefix=a%2C'); // a raw comma would split the Link header
    const links = parseLinks(header);
    expect(links.next).toEqual({ prefix: 'a,', limit: '2', cursor: 'a,2' });
    const second = await restFetch(h.server, `/channels?${new URLSearchParams(links.next)}`);
    expect(second.body).toEqual(['a,3']);
    expect(parseLinks(second.headers.get('link')).next).toBeUndefined();
  });
});
