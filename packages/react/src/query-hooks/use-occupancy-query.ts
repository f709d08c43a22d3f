'use client';
import type { SkipToken, UseQueryOptions, UseQueryResult } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { useQueryContext, useQueryRoom } from '../internal/use-query-context.js';
import { useQueryOrWait } from '../internal/use-query-or-wait.js';
import { buildOccupancyQuery, type OccupancyCounts } from '../queries/occupancy-query.js';
import type { occupancyKeys } from '../queries/query-keys.js';

/** Options of {@link useOccupancyQuery}: the room, plus react-query options (all but the key and fetcher). */
export type UseOccupancyQueryOptions<TSelected = OccupancyCounts> = {
  /** The room; defaults to the nearest `<PresenceRoom>`. `''` or `skipToken` makes the query wait. */
  room?: string | SkipToken;
} & Omit<
  UseQueryOptions<OccupancyCounts, Ably.ErrorInfo, TSelected, ReturnType<typeof occupancyKeys.counts>>,
  'queryKey' | 'queryFn'
>;

/** react-query's result, with Ably's `ErrorInfo` as `error`. */
export type UseOccupancyQueryResult<TSelected = OccupancyCounts> = UseQueryResult<TSelected, Ably.ErrorInfo>;

/**
 * A room's occupancy counts (`connections`, `presenceMembers`) fetched once over REST, as `room.occupancy.get()`
 * does, without attaching. For live counts use `useOccupancy`; for all eight metrics `useChannelOccupancyQuery`.
 *
 * @throws PresenceKitError at render when there is no provider (104000), or no room and no scope (104001).
 * @example
 * const { data, error } = useOccupancyQuery({ room: 'lobby', refetchInterval: 10_000 });
 * return <span>{data?.connections ?? '…'} connected</span>;
 */
export function useOccupancyQuery<TSelected = OccupancyCounts>(
  options: UseOccupancyQueryOptions<TSelected> = {},
): UseOccupancyQueryResult<TSelected> {
  const { room, ...queryOptions } = options;
  const { client, queryClient } = useQueryContext('useOccupancyQuery');
  const name = useQueryRoom('useOccupancyQuery', room);
  const query = name === undefined ? undefined : buildOccupancyQuery(client, name, 'useOccupancyQuery');
  return useQueryOrWait<OccupancyCounts, TSelected, ReturnType<typeof occupancyKeys.counts>>(
    'useOccupancyQuery',
    query,
    queryOptions,
    queryClient,
  );
}
