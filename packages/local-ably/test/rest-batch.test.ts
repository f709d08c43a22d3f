import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './support/harness.js';
import { restFetch } from './support/rest-fetch.js';

type BatchResult = Ably.BatchResult<Ably.BatchPresenceSuccessResult | Ably.BatchPresenceFailureResult>;

/** ably-js 2.28 types batchPresence() as returning an array, but at runtime it returns the server's body as-is. */
const asBatchResult = (value: unknown) => value as BatchResult;

async function populate(h: Harness): Promise<void> {
  const client = h.realtime();
  const a = client.channels.get('room-a');
  const b = client.channels.get('room-b');
  await Promise.all([a.attach(), b.attach()]);
  await Promise.all([
    a.presence.enterClient('alice', { seat: 1 }),
    a.presence.enterClient('bob', { seat: 2 }),
    b.presence.enterClient('carol', 'hello'),
  ]);
}

const INVALID = '[bogus]room';

describe.each([
  ['JSON', { useBinaryProtocol: false }],
  ['msgpack', {}],
] as const)('GET /presence (batch) via the real ably Rest client (%s)', (_name, protocol) => {
  it('returns every channel’s members, and an empty list for an empty channel', async () => {
    const h = await startHarness();
    await populate(h);
    const result = asBatchResult(await h.rest(protocol).batchPresence(['room-a', 'room-b', 'room-empty']));

    expect([result.successCount, result.failureCount]).toEqual([3, 0]);
    const byChannel = Object.fromEntries(
      result.results.map((entry) => [
        entry.channel,
        'presence' in entry
          ? entry.presence.map((member) => [member.clientId, member.action, member.data, member.encoding])
          : entry,
      ]),
    );
    // batchPresence() hands back the body as sent, undecoded: action 1 (PRESENT), data still JSON-encoded.
    expect(byChannel).toEqual({
      'room-a': [
        ['alice', 1, '{"seat":1}', 'json'],
        ['bob', 1, '{"seat":2}', 'json'],
      ],
      'room-b': [['carol', 1, 'hello', undefined]],
      'room-empty': [],
    });
  });

  it('fails only the bad channel, and the SDK call still resolves with the per-channel results', async () => {
    const h = await startHarness();
    await populate(h);
    const result = asBatchResult(await h.rest(protocol).batchPresence(['room-a', INVALID]));

    expect([result.successCount, result.failureCount]).toEqual([1, 1]);
    const [good, bad] = result.results;
    expect(good && 'presence' in good ? good.presence.map((member) => member.clientId) : good).toEqual([
      'alice',
      'bob',
    ]);
    expect(bad).toMatchObject({ channel: INVALID, error: { code: 40010, statusCode: 400 } });
  });

  it('fails a channel the credentials cannot read with 40160, alone', async () => {
    const h = await startHarness({
      keys: ['app.full:full-secret', 'app.reader:reader-secret'],
      keyCapabilities: { 'app.reader': { 'room-a': ['subscribe'] } },
    });
    const writer = h.realtime(undefined, { key: 'app.full:full-secret' });
    await writer.channels.get('room-a').presence.enterClient('alice');
    await writer.channels.get('room-b').presence.enterClient('bob');
    const reader = h.rest({ ...protocol, key: 'app.reader:reader-secret' });
    const result = asBatchResult(await reader.batchPresence(['room-a', 'room-b']));
    expect([result.successCount, result.failureCount]).toEqual([1, 1]);
    const failed = result.results.find((entry) => entry.channel === 'room-b');
    expect(failed).toMatchObject({ error: { code: 40160, statusCode: 401 } });
    const ok = result.results.find((entry) => entry.channel === 'room-a');
    expect(ok && 'presence' in ok ? ok.presence.map((member) => member.clientId) : ok).toEqual(['alice']);
  });
});

describe('GET /presence on the wire', () => {
  it('splits on a custom separator', async () => {
    const h = await startHarness();
    await populate(h);
    const response = await restFetch(h.server, '/presence?channels=room-a|room-b&separator=|', {
      'x-ably-version': '6',
    });
    const body = response.body as { successCount: number; results: Array<{ channel: string }> };
    expect(response.status).toBe(200);
    expect(body.successCount).toBe(2);
    expect(body.results.map((entry) => entry.channel)).toEqual(['room-a', 'room-b']);
  });

  it('answers callers with no X-Ably-Version in the legacy shape: an array, or 400 40020 with batchResponse', async () => {
    const h = await startHarness();
    await populate(h);
    const ok = await restFetch(h.server, '/presence?channels=room-a,room-b');
    expect(ok.status).toBe(200);
    expect((ok.body as Array<{ channel: string }>).map((entry) => entry.channel)).toEqual(['room-a', 'room-b']);

    const mixed = await restFetch(h.server, `/presence?channels=room-a,${encodeURIComponent(INVALID)}`);
    expect(mixed.status).toBe(400);
    expect(mixed.headers.get('x-ably-errorcode')).toBe('40020');
    expect(mixed.body).toMatchObject({
      error: { code: 40020, statusCode: 400 },
      batchResponse: [{ channel: 'room-a' }, { channel: INVALID, error: { code: 40010 } }],
    });
  });

  it('rejects a request without channels (40000) or with more than 100 (40003)', async () => {
    const h = await startHarness();
    const missing = await restFetch(h.server, '/presence', { 'x-ably-version': '6' });
    expect([missing.status, (missing.body as { error: { code: number } }).error.code]).toEqual([400, 40000]);
    const names = Array.from({ length: 101 }, (_, index) => `c${index}`).join(',');
    const tooMany = await restFetch(h.server, `/presence?channels=${names}`, { 'x-ably-version': '6' });
    expect([tooMany.status, (tooMany.body as { error: { code: number } }).error.code]).toEqual([400, 40003]);
  });
});
