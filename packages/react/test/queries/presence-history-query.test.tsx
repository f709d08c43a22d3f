import { skipToken } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PresenceKitErrorCode } from '../../src/errors.js';
import { presenceKeys } from '../../src/queries/query-keys.js';
import { usePresenceHistoryQuery } from '../../src/query.js';
import { type QueryHarness, startQueryHarness } from './query-harness.js';

interface Mood {
  mood: string;
}

/** alice enters, updates; bob enters; alice leaves: 4 events, returned newest first by default. */
async function playHistory(h: QueryHarness, roomName: string): Promise<{ afterEnter: number; afterUpdate: number }> {
  const alice = await h.room(h.chat('alice'), roomName);
  await alice.presence.enter({ mood: 'happy' });
  const afterEnter = Date.now();
  await clockPast(afterEnter + 1);
  await alice.presence.update({ mood: 'busy' });
  const afterUpdate = Date.now();
  await clockPast(afterUpdate + 1);
  const bob = await h.room(h.chat('bob'), roomName);
  await bob.presence.enter({ mood: 'calm' });
  await alice.presence.leave({ mood: 'gone' });
  return { afterEnter, afterUpdate };
}

/**
 * Waits until the wall clock (which local-ably stamps events with) is past `ms`, so the next event's timestamp is
 * strictly later: a clock boundary for the start/end assertions, not a wait for something to happen.
 */
async function clockPast(ms: number): Promise<void> {
  while (Date.now() <= ms) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('usePresenceHistoryQuery', () => {
  it('pages through the history with fetchNextPage until hasNextPage is false', async () => {
    const h = await startQueryHarness();
    await playHistory(h, 'story');
    const observer = h.chat('observer');

    const { result, queryClient } = h.renderQueryHook(
      () => usePresenceHistoryQuery<Mood>({ room: 'story', limit: 3 }),
      {
        client: observer,
      },
    );

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.pages).toHaveLength(1);
    expect(result.current.data?.pages[0]?.events).toHaveLength(3);
    expect(result.current.hasNextPage).toBe(true);

    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    expect(result.current.hasNextPage).toBe(false);

    const events = result.current.data?.pages.flatMap((page) => page.events) ?? [];
    expect(events.map((e) => [e.action, e.clientId, e.data])).toEqual([
      ['leave', 'alice', { mood: 'gone' }],
      ['enter', 'bob', { mood: 'calm' }],
      ['update', 'alice', { mood: 'busy' }],
      ['enter', 'alice', { mood: 'happy' }],
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(4);
    expect(events.every((e, i) => i === 0 || e.updatedAt.getTime() <= (events[i - 1]?.updatedAt.getTime() ?? 0))).toBe(
      true,
    );
    // The cursor is plain data (dehydratable), kept as the second page's param.
    expect(result.current.data?.pageParams[0]).toBeNull();
    expect(result.current.data?.pageParams[1]).toEqual(expect.objectContaining({ limit: '3' }));
    expect(queryClient.getQueryData(presenceKeys.history('story', { limit: 3 }))).toBe(result.current.data);

    // A refetch re-reads both pages through the cursors, and sees the same events.
    await act(() => result.current.refetch());
    expect(result.current.data?.pages.flatMap((page) => page.events).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('reads forwards, and honours start and end', async () => {
    const h = await startQueryHarness();
    const { afterEnter, afterUpdate } = await playHistory(h, 'window');
    const observer = h.chat('observer');

    const { result } = h.renderQueryHook(
      () => ({
        forwards: usePresenceHistoryQuery({ room: 'window', direction: 'forwards' }),
        untilUpdate: usePresenceHistoryQuery({ room: 'window', direction: 'forwards', end: afterUpdate }),
        fromUpdate: usePresenceHistoryQuery({ room: 'window', start: afterEnter + 1 }),
      }),
      { client: observer },
    );

    await waitFor(() => expect(result.current.fromUpdate.isSuccess && result.current.untilUpdate.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.forwards.isSuccess).toBe(true));
    const actions = (pages: { events: { action: string; clientId: string }[] }[] | undefined) =>
      pages?.flatMap((page) => page.events.map((e) => `${e.clientId}:${e.action}`));
    expect(actions(result.current.forwards.data?.pages)).toEqual([
      'alice:enter',
      'alice:update',
      'bob:enter',
      'alice:leave',
    ]);
    expect(actions(result.current.untilUpdate.data?.pages)).toEqual(['alice:enter', 'alice:update']);
    // The enter happened at or before afterEnter; everything later is newer.
    expect(actions(result.current.fromUpdate.data?.pages)).toEqual(['alice:leave', 'bob:enter', 'alice:update']);
    expect(result.current.forwards.hasNextPage).toBe(false);
  });

  it('throws at render for invalid parameters', async () => {
    const h = await startQueryHarness();
    const client = h.chat('observer');
    const render = (options: NonNullable<Parameters<typeof usePresenceHistoryQuery>[0]>) => () =>
      h.renderQueryHook(() => usePresenceHistoryQuery({ room: 'r', ...options }), { client });
    expect(render({ limit: 0 })).toThrow('usePresenceHistoryQuery: limit must be an integer from 1 to 1000, got 0.');
    expect(render({ limit: 2.5 })).toThrow(/limit must be an integer from 1 to 1000/);
    expect(render({ start: 10, end: 5 })).toThrow('usePresenceHistoryQuery: start (10) must not be after end (5).');
    expect(render({ direction: 'sideways' as 'forwards' })).toThrow(
      expect.objectContaining({ code: PresenceKitErrorCode.InvalidArgument }),
    );
  });

  it("waits, with no request, for room '' or skipToken", async () => {
    const h = await startQueryHarness();
    await playHistory(h, 'told');
    const observer = h.chat('observer');
    const requests = h.recordRequests(observer);
    const { result } = h.renderQueryHook(
      () => ({
        empty: usePresenceHistoryQuery({ room: '', limit: 2 }),
        skipped: usePresenceHistoryQuery({ room: skipToken }),
        // Answered by the same client: by then the waiting queries had every chance to fetch.
        control: usePresenceHistoryQuery({ room: 'told', limit: 10 }),
      }),
      { client: observer },
    );
    await waitFor(() => expect(result.current.control.isSuccess).toBe(true));
    expect(result.current.control.data?.pages[0]?.events).toHaveLength(4);
    for (const waiting of [result.current.empty, result.current.skipped]) {
      expect(waiting).toMatchObject({ status: 'pending', fetchStatus: 'idle', data: undefined, error: null });
    }
    expect(requests()).toEqual([`GET /channels/${encodeURIComponent('told::$chat')}/presence/history`]);
  });
});
