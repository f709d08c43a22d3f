import { skipToken } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PresenceKitErrorCode } from '../../src/errors.js';
import { presenceKeys } from '../../src/queries/query-keys.js';
import { useBatchPresenceQuery } from '../../src/query.js';
import { startQueryHarness } from './query-harness.js';

describe('useBatchPresenceQuery', () => {
  it('returns each room’s members, decoded, in one request', async () => {
    const h = await startQueryHarness();
    const alice = await h.room(h.chat('alice'), 'a');
    await alice.presence.enter({ seat: 1 });
    const bob = await h.room(h.chat('bob'), 'b');
    await bob.presence.enter({ seat: 2 });
    const carol = await h.room(h.chat('carol'), 'b');
    await carol.presence.enter({ seat: 3 });

    const { result, queryClient } = h.renderQueryHook(
      () => useBatchPresenceQuery<{ seat: number }>({ rooms: ['b', 'a', 'empty'] }),
      {
        client: h.chat('observer'),
      },
    );

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const data = result.current.data ?? {};
    expect(Object.keys(data).sort()).toEqual(['a', 'b', 'empty']);
    const seats = (room: string) => {
      const entry = data[room];
      return entry?.status === 'success' ? entry.members.map((m) => [m.clientId, m.data?.seat]).sort() : entry;
    };
    expect(seats('a')).toEqual([['alice', 1]]);
    expect(seats('b')).toEqual([
      ['bob', 2],
      ['carol', 3],
    ]);
    expect(seats('empty')).toEqual([]);
    // Order and duplicates do not change the key.
    expect(queryClient.getQueryData(presenceKeys.batch(['a', 'empty', 'b', 'a']))).toBe(result.current.data);
  });

  it('reports a room the credentials may not read as a 40160 error for that room only', async () => {
    const h = await startQueryHarness({
      keys: ['app.full:full-secret', 'app.viewer:viewer-secret'],
      keyCapabilities: { 'app.viewer': { open: ['subscribe'] } },
    });
    const full = { key: 'app.full:full-secret' };
    await (await h.room(h.chat('alice', full), 'open')).presence.enter({ seat: 1 });
    await (await h.room(h.chat('bob', full), 'private')).presence.enter({ seat: 2 });

    const { result } = h.renderQueryHook(() => useBatchPresenceQuery({ rooms: ['open', 'private'] }), {
      client: h.chat('viewer', { key: 'app.viewer:viewer-secret' }),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.open).toMatchObject({ status: 'success', members: [{ clientId: 'alice' }] });
    expect(result.current.data?.private).toMatchObject({ status: 'error', error: { code: 40160 } });
  });

  it('reports a failing room on its own and still returns the others', async () => {
    const h = await startQueryHarness();
    const alice = await h.room(h.chat('alice'), 'open');
    await alice.presence.enter({ seat: 1 });

    // "[bogus]room::$chat" has an invalid channel qualifier, so the server fails that channel alone with 40010.
    const { result } = h.renderQueryHook(() => useBatchPresenceQuery({ rooms: ['open', '[bogus]room'] }), {
      client: h.chat('observer'),
    });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.error).toBeNull();
    expect(result.current.data?.open).toMatchObject({ status: 'success', members: [{ clientId: 'alice' }] });
    expect(result.current.data?.['[bogus]room']).toMatchObject({
      status: 'error',
      error: { code: 40010, statusCode: 400, message: expect.stringMatching(/channel/i) },
    });
  });

  it('fails the whole query only when the whole request fails (bad credentials)', async () => {
    const h = await startQueryHarness();
    const badKey = h.chat('observer', { key: 'local.dev:wrong-secret', autoConnect: false });
    const { result } = h.renderQueryHook(() => useBatchPresenceQuery({ rooms: ['a', 'b'] }), { client: badKey });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ code: 40101 });
  });

  it('waits, with no request, for an empty list or skipToken', async () => {
    const h = await startQueryHarness();
    await (await h.room(h.chat('alice'), 'a')).presence.enter({ seat: 1 });
    const client = h.chat('observer');
    const requests = h.recordRequests(client);
    const { result } = h.renderQueryHook(
      () => ({
        empty: useBatchPresenceQuery({ rooms: [] }),
        skipped: useBatchPresenceQuery({ rooms: skipToken }),
        // A live query on the same client: once it has its answer, the waiting ones had every chance to fetch.
        control: useBatchPresenceQuery({ rooms: ['a'] }),
      }),
      { client },
    );
    await waitFor(() => expect(result.current.control.isSuccess).toBe(true));
    for (const waiting of [result.current.empty, result.current.skipped]) {
      expect(waiting).toMatchObject({ status: 'pending', fetchStatus: 'idle', data: undefined, error: null });
    }
    expect(requests()).toEqual(['batchPresence a::$chat']);
  });

  it('throws at render for an empty name, a comma, or more than 100 rooms', async () => {
    const h = await startQueryHarness();
    const client = h.chat('observer');
    const render = (rooms: string[]) => () => h.renderQueryHook(() => useBatchPresenceQuery({ rooms }), { client });
    expect(render(['a', ''])).toThrow(expect.objectContaining({ code: PresenceKitErrorCode.InvalidArgument }));
    expect(render(['a,b'])).toThrow(/contains a comma/);
    expect(render(Array.from({ length: 101 }, (_, i) => `r${i}`))).toThrow(/at most 100 rooms per query, got 101/);
  });
});
