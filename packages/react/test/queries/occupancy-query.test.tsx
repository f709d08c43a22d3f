import { skipToken } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { PresenceKitError, PresenceKitErrorCode } from '../../src/errors.js';
import { occupancyKeys } from '../../src/queries/query-keys.js';
import { useChannelOccupancyQuery, useOccupancyQuery } from '../../src/query.js';
import { startQueryHarness } from './query-harness.js';

describe('useOccupancyQuery', () => {
  it('fetches connections and presence members over REST, the numbers room.occupancy.get() reports', async () => {
    const h = await startQueryHarness();
    const alice = h.chat('alice');
    const bob = h.chat('bob');
    const aliceRoom = await h.room(alice, 'lobby');
    await h.room(bob, 'lobby');
    await aliceRoom.presence.enter({ status: 'here' });
    const observer = h.chat('observer');

    const { result } = h.renderQueryHook(() => useOccupancyQuery({ room: 'lobby' }), { client: observer });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual({ connections: 2, presenceMembers: 1 });
    // The same numbers the SDK's own call reads, so the two can never disagree.
    expect(await aliceRoom.occupancy.get()).toEqual(result.current.data);
  });

  it('reads the room from the enclosing <PresenceRoom> scope and caches under occupancyKeys.counts', async () => {
    const h = await startQueryHarness();
    const observer = h.chat('observer');
    await h.room(h.chat('alice'), 'scoped');

    const { result, queryClient } = h.renderQueryHook(() => useOccupancyQuery(), { client: observer, room: 'scoped' });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(queryClient.getQueryData(occupancyKeys.counts('scoped'))).toBe(result.current.data);
    // <PresenceRoom> attaches the observer too; a refetch once it has counts both connections.
    await waitFor(async () => {
      await result.current.refetch();
      expect(result.current.data).toEqual({ connections: 2, presenceMembers: 0 });
    });
  });

  it('refetches to see a change, and applies select', async () => {
    const h = await startQueryHarness();
    const observer = h.chat('observer');
    const { result } = h.renderQueryHook(() => useOccupancyQuery({ room: 'later', select: (o) => o.connections }), {
      client: observer,
    });
    await waitFor(() => expect(result.current.data).toBe(0));

    await h.room(h.chat('alice'), 'later');
    await result.current.refetch();
    await waitFor(() => expect(result.current.data).toBe(1));
  });

  it('passes an Ably error through as the query error, with its code', async () => {
    const h = await startQueryHarness();
    const badKey = h.chat('observer', { key: 'local.dev:wrong-secret', autoConnect: false });

    const { result } = h.renderQueryHook(() => useOccupancyQuery({ room: 'lobby' }), { client: badKey });

    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ code: 40101, statusCode: 401 });
  });

  it('throws at render, naming the hook, without a provider or without a room', async () => {
    const h = await startQueryHarness();
    const observer = h.chat('observer');
    expect(() => renderHook(() => useOccupancyQuery({ room: 'lobby' }))).toThrow(
      new PresenceKitError(
        PresenceKitErrorCode.MissingProvider,
        'useOccupancyQuery must be used within <PresenceKitProvider>: wrap your app in <PresenceKitProvider client={chatClient}>.',
      ),
    );
    expect(() => h.renderQueryHook(() => useOccupancyQuery(), { client: observer })).toThrow(
      expect.objectContaining({
        code: PresenceKitErrorCode.MissingRoom,
        message: expect.stringMatching(/^useOccupancyQuery needs a room: render it inside <PresenceRoom/),
      }),
    );
  });

  it("waits, with no request, for room '' or skipToken (even inside a <PresenceRoom>)", async () => {
    const h = await startQueryHarness();
    await h.room(h.chat('alice'), 'lobby');
    const observer = h.chat('observer');
    const requests = h.recordRequests(observer);
    const { result } = h.renderQueryHook(
      () => ({
        empty: useOccupancyQuery({ room: '' }),
        skipped: useOccupancyQuery({ room: skipToken }),
        emptyMetrics: useChannelOccupancyQuery({ room: '' }),
        // Answered by the same client: by then the waiting queries had every chance to fetch.
        control: useOccupancyQuery({ room: 'lobby' }),
      }),
      // '' means "no room yet", not "the scope's room": nothing is read for the enclosing room either.
      { client: observer, room: 'scope' },
    );
    await waitFor(() => expect(result.current.control.isSuccess).toBe(true));
    const { empty, skipped, emptyMetrics } = result.current;
    for (const waiting of [empty, skipped, emptyMetrics]) {
      expect(waiting).toMatchObject({ status: 'pending', fetchStatus: 'idle', data: undefined, error: null });
    }
    expect(requests()).toEqual(['GET /chat/v4/rooms/lobby/occupancy']);
  });
});

describe('useChannelOccupancyQuery', () => {
  it('returns all eight metrics of the room channel', async () => {
    const h = await startQueryHarness();
    const alice = h.chat('alice');
    const aliceRoom = await h.room(alice, 'metrics');
    await aliceRoom.presence.enter({});
    await h.room(h.chat('bob'), 'metrics');
    const observer = h.chat('observer');

    const { result } = h.renderQueryHook(() => useChannelOccupancyQuery({ room: 'metrics' }), { client: observer });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    // Chat attaches with PRESENCE|PUBLISH|SUBSCRIBE|PRESENCE_SUBSCRIBE (+ annotation publish): every mode count is 2.
    expect(result.current.data).toEqual({
      room: 'metrics',
      isActive: true,
      metrics: {
        connections: 2,
        publishers: 2,
        subscribers: 2,
        presenceConnections: 2,
        presenceMembers: 1,
        presenceSubscribers: 2,
        objectPublishers: 0,
        objectSubscribers: 0,
      },
    });
    // The SDK's own channel.status() (REST) agrees.
    const details = await new Ably.Rest({ ...h.server.clientOptions(), logLevel: 0 }).channels
      .get('metrics::$chat')
      .status();
    expect(details.status.occupancy.metrics).toMatchObject(result.current.data?.metrics ?? {});
  });

  it('reports an unused room as inactive with zero metrics', async () => {
    const h = await startQueryHarness();
    const { result } = h.renderQueryHook(() => useChannelOccupancyQuery({ room: 'nobody-here' }), {
      client: h.chat('o'),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.isActive).toBe(false);
    expect(Object.values(result.current.data?.metrics ?? { x: 1 }).every((n) => n === 0)).toBe(true);
  });
});
