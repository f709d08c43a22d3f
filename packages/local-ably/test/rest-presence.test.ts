import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { eventually, type Harness, startHarness } from './support/harness.js';
import { parseLinks, restFetch } from './support/rest-fetch.js';

/** Follows `next()` until the last page, as an app paging through results would. */
async function allPages<T>(first: Ably.PaginatedResult<T>): Promise<Ably.PaginatedResult<T>[]> {
  const pages = [first];
  for (let page = first; page.hasNext(); ) {
    const next = await page.next();
    if (!next) break;
    pages.push(next);
    page = next;
  }
  return pages;
}

/** One anonymous realtime connection that enters `count` members (user-0…) on `channelName`. */
async function enterMany(h: Harness, channelName: string, count: number): Promise<Ably.RealtimeChannel> {
  const channel = h.realtime().channels.get(channelName);
  await channel.attach();
  await Promise.all(
    Array.from({ length: count }, (_, index) => channel.presence.enterClient(`user-${index}`, { index })),
  );
  return channel;
}

describe.each([
  ['JSON', { useBinaryProtocol: false }],
  ['msgpack', {}],
] as const)('GET /channels/:channel/presence via the real ably Rest client (%s)', (_name, protocol) => {
  it('pages 25 members 10 at a time: three pages, every member exactly once, as PRESENT with data', async () => {
    const h = await startHarness();
    await enterMany(h, 'lobby', 25);
    const rest = h.rest(protocol);

    const pages = await allPages(await rest.channels.get('lobby').presence.get({ limit: 10 }));

    expect(pages.map((page) => page.items.length)).toEqual([10, 10, 5]);
    expect(pages.map((page) => page.hasNext())).toEqual([true, true, false]);
    const members = pages.flatMap((page) => page.items);
    expect(new Set(members.map((member) => member.clientId)).size).toBe(25);
    for (const member of members) {
      expect(member.action).toBe('present');
      expect(member.data).toEqual({ index: Number(member.clientId?.slice('user-'.length)) });
      expect(member.id?.startsWith(`${member.connectionId}:`)).toBe(true);
      expect(typeof member.timestamp).toBe('number');
    }
  });

  it('filters by clientId and by connectionId', async () => {
    const h = await startHarness();
    await enterMany(h, 'lobby', 3);
    const second = h.realtime('solo').channels.get('lobby');
    await second.presence.enter('hi');
    const rest = h.rest(protocol);
    const presence = rest.channels.get('lobby').presence;
    await eventually(async () => expect((await presence.get()).items).toHaveLength(4));

    const byClient = await presence.get({ clientId: 'user-1' });
    expect(byClient.items.map((member) => member.clientId)).toEqual(['user-1']);

    const secondConnection = (await presence.get({ clientId: 'solo' })).items[0]?.connectionId;
    expect(secondConnection).toBeDefined();
    const byConnection = await presence.get({ connectionId: secondConnection });
    expect(byConnection.items.map((member) => [member.clientId, member.data])).toEqual([['solo', 'hi']]);

    expect((await presence.get({ clientId: 'nobody' })).items).toEqual([]);
  });

  it('returns an empty list for a channel nobody is on', async () => {
    const h = await startHarness();
    const page = await h.rest(protocol).channels.get('empty').presence.get();
    expect(page.items).toEqual([]);
    expect(page.hasNext()).toBe(false);
  });

  it('rejects a limit over 1000 with 40003 naming the parameter', async () => {
    const h = await startHarness();
    const error = await h
      .rest(protocol)
      .channels.get('lobby')
      .presence.get({ limit: 1001 })
      .then(
        () => undefined,
        (caught: Ably.ErrorInfo) => caught,
      );
    expect(error?.code).toBe(40003);
    expect(error?.statusCode).toBe(400);
    expect(error?.message).toContain('"limit"');
  });
});

describe('GET /channels/:channel/presence on the wire', () => {
  it('carries binary data entered by a msgpack client to a JSON client as bytes', async () => {
    const h = await startHarness();
    const channel = h.realtime('bin').channels.get('bytes');
    await channel.presence.enter(Buffer.from([1, 2, 3, 250]));
    const page = await h.rest({ useBinaryProtocol: false }).channels.get('bytes').presence.get();
    expect(Buffer.from(page.items[0]?.data as Uint8Array)).toEqual(Buffer.from([1, 2, 3, 250]));
  });

  it('writes first/current/next links with every parameter carried over and commas percent-encoded', async () => {
    const h = await startHarness();
    await enterMany(h, 'lobby', 3);
    const response = await restFetch(h.server, '/channels/lobby/presence?limit=2&connectionId=a%2Cb');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]); // no connection is called "a,b"
    const header = response.headers.get('link') ?? '';
    expect(header).toContain('connectionId=a%2Cb');
    expect(Object.keys(parseLinks(header)).sort()).toEqual(['current', 'first']);

    const paged = await restFetch(h.server, '/channels/lobby/presence?limit=2');
    const links = parseLinks(paged.headers.get('link'));
    expect(links.first).toEqual({ limit: '2' });
    expect(links.next?.limit).toBe('2');
    const second = await restFetch(h.server, `/channels/lobby/presence?${new URLSearchParams(links.next)}`);
    expect((paged.body as unknown[]).length + (second.body as unknown[]).length).toBe(3);
    expect(parseLinks(second.headers.get('link')).next).toBeUndefined();
  });

  it('puts the Link inside the envelope for browsers (envelope=json)', async () => {
    const h = await startHarness();
    await enterMany(h, 'lobby', 3);
    const response = await restFetch(h.server, '/channels/lobby/presence?limit=2&envelope=json');
    expect(response.status).toBe(200);
    const envelope = response.body as { statusCode: number; response: unknown[]; headers: Record<string, string> };
    expect(envelope.statusCode).toBe(200);
    expect(envelope.response).toHaveLength(2);
    const links = parseLinks(envelope.headers.link);
    expect(links.next?.cursor).toBeDefined();
    expect(links.next?.envelope).toBeUndefined(); // the SDK adds envelope itself on every request

    const next = await restFetch(h.server, `/channels/lobby/presence?${new URLSearchParams(links.next)}&envelope=json`);
    expect((next.body as { response: unknown[] }).response).toHaveLength(1);
  });

  it('answers an invalid channel name with 40010 and a zero limit with 40003', async () => {
    const h = await startHarness();
    const invalid = await restFetch(h.server, `/channels/${encodeURIComponent('[bogus]x')}/presence`);
    expect(invalid.status).toBe(400);
    expect((invalid.body as { error: { code: number } }).error.code).toBe(40010);
    const zero = await restFetch(h.server, '/channels/lobby/presence?limit=0');
    expect((zero.body as { error: { code: number; message: string } }).error).toMatchObject({ code: 40003 });
  });

  it('answers 40160 to credentials without subscribe or presence on the channel', async () => {
    const h = await startHarness({
      keys: ['app.full:full-secret', 'app.meta:meta-secret'],
      keyCapabilities: { 'app.meta': { lobby: ['channel-metadata'] } },
    });
    const response = await fetch(`${h.server.url}/channels/lobby/presence`, {
      headers: { authorization: `Basic ${Buffer.from('app.meta:meta-secret').toString('base64')}` },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: number } }).error.code).toBe(40160);
  });
});
