import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { roomsKeys } from '../../src/queries/query-keys.js';
import { useActiveRoomsQuery } from '../../src/query.js';
import { startQueryHarness } from './query-harness.js';

describe('useActiveRoomsQuery', () => {
  it('lists active chat rooms by prefix with their occupancy, page by page', async () => {
    const h = await startQueryHarness();
    const alice = h.chat('alice');
    const bob = h.chat('bob');
    const s1 = await h.room(alice, 'support-1');
    await s1.presence.enter({});
    await h.room(alice, 'support-2');
    await h.room(bob, 'support-2');
    await h.room(bob, 'support-3');
    await h.room(bob, 'sales-1');
    // A plain (non-chat) channel under the same prefix is not a room and is left out.
    await alice.realtime.channels.get('support-raw').attach();

    const { result, queryClient } = h.renderQueryHook(() => useActiveRoomsQuery({ prefix: 'support-', limit: 2 }), {
      client: h.chat('observer'),
    });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.pages[0]?.rooms.map((r) => r.room)).toEqual(['support-1', 'support-2']);
    expect(result.current.hasNextPage).toBe(true);

    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    expect(result.current.hasNextPage).toBe(false);

    const rooms = result.current.data?.pages.flatMap((page) => page.rooms) ?? [];
    expect(rooms.map((r) => [r.room, r.isActive, r.metrics.connections, r.metrics.presenceMembers])).toEqual([
      ['support-1', true, 1, 1],
      ['support-2', true, 2, 0],
      ['support-3', true, 1, 0],
    ]);
    expect(rooms[1]?.metrics).toMatchObject({ publishers: 2, subscribers: 2, presenceSubscribers: 2 });
    expect(queryClient.getQueryData(roomsKeys.active({ prefix: 'support-', limit: 2 }))).toBe(result.current.data);
  });

  it('without a prefix lists every active room, and a released room drops out on refetch', async () => {
    const h = await startQueryHarness();
    const alice = h.chat('alice');
    await h.room(alice, 'one');
    await h.room(alice, 'two');

    const { result } = h.renderQueryHook(() => useActiveRoomsQuery(), { client: h.chat('observer') });
    await waitFor(() => expect(result.current.data?.pages[0]?.rooms.map((r) => r.room)).toEqual(['one', 'two']));

    await alice.rooms.release('one');
    await act(() => result.current.refetch());
    await waitFor(() => expect(result.current.data?.pages[0]?.rooms.map((r) => r.room)).toEqual(['two']));
  });

  it('treats an empty prefix (a cleared search box) as every room, and throws at render for a limit out of range', async () => {
    const h = await startQueryHarness();
    await h.room(h.chat('alice'), 'one');
    const client = h.chat('observer');
    const { result } = h.renderQueryHook(() => useActiveRoomsQuery({ prefix: '' }), { client });
    await waitFor(() => expect(result.current.data?.pages[0]?.rooms.map((r) => r.room)).toEqual(['one']));
    expect(() => h.renderQueryHook(() => useActiveRoomsQuery({ limit: 1001 }), { client })).toThrow(
      /limit must be an integer from 1 to 1000, got 1001/,
    );
  });
});
