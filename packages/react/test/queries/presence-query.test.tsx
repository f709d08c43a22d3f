import { skipToken } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { presenceKeys } from '../../src/queries/query-keys.js';
import { useIsUserPresentQuery, usePresenceQuery } from '../../src/query.js';
import { startQueryHarness } from './query-harness.js';

interface Status {
  status: string;
}

describe('usePresenceQuery', () => {
  it('returns every member with decoded data, without entering or attaching', async () => {
    const h = await startQueryHarness();
    const alice = h.chat('alice');
    const aliceRoom = await h.room(alice, 'lobby');
    await aliceRoom.presence.enter({ status: 'available' });
    const bobRoom = await h.room(h.chat('bob'), 'lobby');
    await bobRoom.presence.enter({ status: 'away' });
    const observer = h.chat('observer');

    const { result } = h.renderQueryHook(() => usePresenceQuery<Status>({ room: 'lobby' }), { client: observer });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const members = [...(result.current.data ?? [])].sort((a, b) => a.clientId.localeCompare(b.clientId));
    expect(members.map((m) => [m.clientId, m.data])).toEqual([
      ['alice', { status: 'available' }],
      ['bob', { status: 'away' }],
    ]);
    // Same identity fields as the live hooks' members: key, connectionId, updatedAt.
    expect(members[0]).toMatchObject({
      key: `alice:${alice.realtime.connection.id}`,
      connectionId: alice.realtime.connection.id,
      extras: undefined,
      userClaim: undefined,
    });
    expect(members[0]?.updatedAt).toBeInstanceOf(Date);
    expect(Math.abs((members[0]?.updatedAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    // The same members the realtime SDK sees after a SYNC.
    const live = await aliceRoom.presence.get();
    expect(live.map((m) => m.connectionId).sort()).toEqual(members.map((m) => m.connectionId).sort());
    // Nothing attached on the observer's side: a REST read does not count as occupancy.
    expect(observer.realtime.channels.get('lobby::$chat').state).toBe('initialized');
  });

  it('decodes the same over the JSON protocol (the browser default) as over msgpack', async () => {
    const h = await startQueryHarness();
    const aliceRoom = await h.room(h.chat('alice'), 'formats');
    await aliceRoom.presence.enter({ status: 'available', nested: { n: 1 } });

    const { result: msgpackResult } = h.renderQueryHook(() => usePresenceQuery({ room: 'formats' }), {
      client: h.chat('observer'),
    });
    const { result: jsonResult } = h.renderQueryHook(() => usePresenceQuery({ room: 'formats' }), {
      client: h.chat('json-observer', { useBinaryProtocol: false }),
    });

    await waitFor(() => expect(msgpackResult.current.isSuccess && jsonResult.current.isSuccess).toBe(true));
    expect(jsonResult.current.data?.map((m) => m.data)).toEqual([{ status: 'available', nested: { n: 1 } }]);
    expect(msgpackResult.current.data?.map((m) => m.data)).toEqual(jsonResult.current.data?.map((m) => m.data));
  });

  it('filters by clientId (one person, two connections) and caches under presenceKeys.members', async () => {
    const h = await startQueryHarness();
    for (const client of [h.chat('alice'), h.chat('alice'), h.chat('bob')]) {
      const room = await h.room(client, 'tabs');
      await room.presence.enter({ status: client.realtime.connection.id ?? '' });
    }
    const observer = h.chat('observer');

    const { result, queryClient } = h.renderQueryHook(() => usePresenceQuery({ room: 'tabs', clientId: 'alice' }), {
      client: observer,
    });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.map((m) => m.clientId)).toEqual(['alice', 'alice']);
    expect(new Set(result.current.data?.map((m) => m.connectionId)).size).toBe(2);
    expect(queryClient.getQueryData(presenceKeys.members('tabs', { clientId: 'alice' }))).toBe(result.current.data);
  });

  it('follows every page of a room larger than one REST page (1,000 members)', async () => {
    const h = await startQueryHarness();
    h.server.simulation.start({ room: 'big' }, { count: 1_150, seed: 3 });
    const observer = h.chat('observer');

    const { result } = h.renderQueryHook(() => usePresenceQuery({ room: 'big' }), { client: observer });

    await waitFor(() => expect(result.current.isSuccess).toBe(true), { timeout: 10_000 });
    expect(result.current.data).toHaveLength(1_150);
    expect(new Set(result.current.data?.map((m) => m.key)).size).toBe(1_150);
  });

  it('reads the room from the <PresenceRoom> scope, and an empty room has no members', async () => {
    const h = await startQueryHarness();
    const { result } = h.renderQueryHook(() => usePresenceQuery(), { client: h.chat('observer'), room: 'empty' });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual([]);
  });

  it('passes the server’s error code through as the query error', async () => {
    const h = await startQueryHarness();
    // "[bogus]" is not a valid channel qualifier, so the server rejects the channel name with 40010.
    const { result } = h.renderQueryHook(() => usePresenceQuery({ room: '[bogus]room' }), {
      client: h.chat('observer'),
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ code: 40010, statusCode: 400 });
  });

  it("waits, with no request, for room '' or skipToken", async () => {
    const h = await startQueryHarness();
    const aliceRoom = await h.room(h.chat('alice'), 'lobby');
    await aliceRoom.presence.enter({ status: 'here' });
    const observer = h.chat('observer');
    const requests = h.recordRequests(observer);
    const { result } = h.renderQueryHook(
      () => ({
        emptyRoom: usePresenceQuery({ room: '' }),
        skipped: usePresenceQuery({ room: skipToken, clientId: 'alice' }),
        // Answered by the same client: by then the waiting queries had every chance to fetch.
        control: usePresenceQuery({ room: 'lobby', clientId: 'alice' }),
      }),
      // '' means "no room yet", not "the scope's room": nothing is read for the enclosing room either.
      { client: observer, room: 'scope' },
    );
    await waitFor(() => expect(result.current.control.isSuccess).toBe(true));
    for (const waiting of [result.current.emptyRoom, result.current.skipped]) {
      expect(waiting).toMatchObject({ status: 'pending', fetchStatus: 'idle', data: undefined, error: null });
    }
    expect(requests()).toEqual([`GET /channels/${encodeURIComponent('lobby::$chat')}/presence`]);
  });

  it('waits, with no request, for an empty clientId filter (not a read of every member)', async () => {
    const h = await startQueryHarness();
    const aliceRoom = await h.room(h.chat('alice'), 'lobby');
    await aliceRoom.presence.enter({ status: 'here' });
    const observer = h.chat('observer');
    const requests = h.recordRequests(observer);
    const { result } = h.renderQueryHook(
      () => ({
        emptyClientId: usePresenceQuery({ room: 'lobby', clientId: '' }),
        // Answered by the same client: by then the waiting query had every chance to fetch.
        control: usePresenceQuery({ room: 'lobby', clientId: 'alice' }),
      }),
      { client: observer },
    );
    await waitFor(() => expect(result.current.control.isSuccess).toBe(true));
    expect(result.current.emptyClientId).toMatchObject({
      status: 'pending',
      fetchStatus: 'idle',
      data: undefined,
      error: null,
    });
    expect(requests()).toEqual([`GET /channels/${encodeURIComponent('lobby::$chat')}/presence`]);
  });
});

describe('useIsUserPresentQuery', () => {
  it('is true for a present client and false for an absent one, and updates on refetch after a leave', async () => {
    const h = await startQueryHarness();
    const aliceRoom = await h.room(h.chat('alice'), 'desk');
    await aliceRoom.presence.enter({ status: 'on' });
    const observer = h.chat('observer');

    const { result } = h.renderQueryHook(
      () => ({
        alice: useIsUserPresentQuery({ room: 'desk', clientId: 'alice' }),
        carol: useIsUserPresentQuery({ room: 'desk', clientId: 'carol' }),
      }),
      { client: observer },
    );

    await waitFor(() => expect([result.current.alice.data, result.current.carol.data]).toEqual([true, false]));

    await aliceRoom.presence.leave();
    await result.current.alice.refetch();
    await waitFor(() => expect(result.current.alice.data).toBe(false));
  });

  it('shares one cache entry with usePresenceQuery({ room, clientId })', async () => {
    const h = await startQueryHarness();
    const aliceRoom = await h.room(h.chat('alice'), 'shared');
    await aliceRoom.presence.enter({ status: 'on' });
    const observer = h.chat('observer');

    const { result, queryClient } = h.renderQueryHook(
      () => ({
        present: useIsUserPresentQuery({ clientId: 'alice' }),
        members: usePresenceQuery({ clientId: 'alice' }),
      }),
      { client: observer, room: 'shared' },
    );

    await waitFor(() => expect(result.current.present.data).toBe(true));
    expect(result.current.members.data).toHaveLength(1);
    const cached = queryClient.getQueryCache().findAll({ queryKey: presenceKeys.room('shared') });
    expect(cached.map((query) => query.queryKey)).toEqual([presenceKeys.members('shared', { clientId: 'alice' })]);
    expect(cached[0]?.state.dataUpdateCount).toBe(1);
  });

  it('waits, with no request, for an empty clientId or room, or skipToken', async () => {
    const h = await startQueryHarness();
    const deskRoom = await h.room(h.chat('alice'), 'desk');
    await deskRoom.presence.enter({ status: 'on' });
    const observer = h.chat('observer');
    const requests = h.recordRequests(observer);
    const { result } = h.renderQueryHook(
      () => ({
        emptyClientId: useIsUserPresentQuery({ room: 'desk', clientId: '' }),
        skippedClientId: useIsUserPresentQuery({ room: 'desk', clientId: skipToken }),
        emptyRoom: useIsUserPresentQuery({ room: '', clientId: 'alice' }),
        skippedRoom: useIsUserPresentQuery({ room: skipToken, clientId: 'alice' }),
        // Answered by the same client: by then the waiting queries had every chance to fetch.
        control: useIsUserPresentQuery({ room: 'desk', clientId: 'alice' }),
      }),
      { client: observer },
    );
    await waitFor(() => expect(result.current.control.data).toBe(true));
    const { control: _, ...waiting } = result.current;
    for (const query of Object.values(waiting)) {
      expect(query).toMatchObject({ status: 'pending', fetchStatus: 'idle', data: undefined, error: null });
    }
    expect(requests()).toEqual([`GET /channels/${encodeURIComponent('desk::$chat')}/presence`]);
  });

  it('while waiting for a clientId shows no data, even when the room’s unfiltered members are cached', async () => {
    const h = await startQueryHarness();
    const deskRoom = await h.room(h.chat('alice'), 'desk');
    await deskRoom.presence.enter({ status: 'on' });
    const { result } = h.renderQueryHook(
      () => ({
        everyone: usePresenceQuery({ room: 'desk' }),
        waiting: useIsUserPresentQuery({ room: 'desk', clientId: '' }),
      }),
      { client: h.chat('observer') },
    );
    await waitFor(() => expect(result.current.everyone.data).toHaveLength(1));
    // "Is nobody-yet present?" has no answer: not `true` because someone else is.
    expect(result.current.waiting).toMatchObject({ status: 'pending', fetchStatus: 'idle', data: undefined });
  });
});
