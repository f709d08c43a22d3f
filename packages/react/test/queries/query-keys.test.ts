import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { occupancyKeys, presenceKeys, presenceKitKeys, roomsKeys } from '../../src/queries/query-keys.js';

describe('query-key factories', () => {
  it('are stable: equal arguments give deep-equal keys, undefined fields dropped', () => {
    expect(presenceKeys.members('lobby', { clientId: 'alice' })).toEqual(
      presenceKeys.members('lobby', { clientId: 'alice', connectionId: undefined }),
    );
    expect(presenceKeys.members('lobby', { clientId: 'alice', connectionId: undefined })[4]).toStrictEqual({
      clientId: 'alice',
    });
    expect(presenceKeys.history('lobby', { limit: 5, direction: 'forwards' })).toStrictEqual(
      presenceKeys.history('lobby', { direction: 'forwards', limit: 5, start: undefined }),
    );
    expect(presenceKeys.batch(['b', 'a', 'b'])).toStrictEqual(presenceKeys.batch(['a', 'b']));
    expect(roomsKeys.active({})).toStrictEqual(roomsKeys.active());
  });

  it('are hierarchical under one root, with exactly the documented shapes', () => {
    expect(presenceKitKeys.all).toEqual(['presence-kit']);
    expect(presenceKeys.members('lobby', { clientId: 'alice' })).toEqual([
      'presence-kit',
      'presence',
      'lobby',
      'members',
      { clientId: 'alice' },
    ]);
    expect(presenceKeys.history('lobby', { limit: 5 })).toEqual([
      'presence-kit',
      'presence',
      'lobby',
      'history',
      { limit: 5 },
    ]);
    expect(presenceKeys.batch(['b', 'a'])).toEqual(['presence-kit', 'presence', { rooms: ['a', 'b'] }]);
    expect(occupancyKeys.counts('lobby')).toEqual(['presence-kit', 'occupancy', 'lobby', 'counts']);
    expect(occupancyKeys.metrics('lobby')).toEqual(['presence-kit', 'occupancy', 'lobby', 'metrics']);
    expect(roomsKeys.active({ prefix: 'support-', limit: 10 })).toEqual([
      'presence-kit',
      'rooms',
      'active',
      { prefix: 'support-', limit: 10 },
    ]);
  });

  it('let a prefix invalidate exactly one room’s queries, and the root invalidate all', async () => {
    const queryClient = new QueryClient();
    const keys = {
      lobbyMembers: presenceKeys.members('lobby'),
      lobbyAlice: presenceKeys.members('lobby', { clientId: 'alice' }),
      lobbyHistory: presenceKeys.history('lobby', { limit: 5 }),
      otherMembers: presenceKeys.members('other'),
      // A room literally named like a segment never collides with the batch key's object.
      batch: presenceKeys.batch(['lobby', 'other']),
      lobbyCounts: occupancyKeys.counts('lobby'),
      lobbyMetrics: occupancyKeys.metrics('lobby'),
      rooms: roomsKeys.active({ prefix: 'l' }),
    };
    for (const key of Object.values(keys)) queryClient.setQueryData(key, 1);
    const invalidated = () =>
      Object.entries(keys)
        .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
        .map(([name]) => name);

    await queryClient.invalidateQueries({ queryKey: presenceKeys.room('lobby') });
    expect(invalidated()).toEqual(['lobbyMembers', 'lobbyAlice', 'lobbyHistory']);

    await queryClient.invalidateQueries({ queryKey: occupancyKeys.room('lobby') });
    expect(invalidated()).toEqual(['lobbyMembers', 'lobbyAlice', 'lobbyHistory', 'lobbyCounts', 'lobbyMetrics']);

    await queryClient.invalidateQueries({ queryKey: presenceKeys.all });
    expect(invalidated()).toContain('batch');
    expect(invalidated()).not.toContain('rooms');

    await queryClient.invalidateQueries({ queryKey: presenceKitKeys.all });
    expect(invalidated()).toEqual(Object.keys(keys));
    queryClient.clear();
  });
});
