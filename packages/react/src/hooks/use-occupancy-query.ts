'use client';
import { type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';
import { useQueryRoomName } from '../internal/use-query-room-name.js';
import { buildOccupancyQuery, type OccupancyCounts } from '../queries/occupancy-query.js';
import type { occupancyKeys } from '../queries/query-keys.js';

/** react-query options for {@link useOccupancyQuery} (all but the key and fetcher, which the hook owns). */
export type UseOccupancyQueryOptions<TData = OccupancyCounts> = Omit<
  UseQueryOptions<OccupancyCounts, Ably.ErrorInfo, TData, ReturnType<typeof occupancyKeys.counts>>,
  'queryKey' | 'queryFn'
>;

/** react-query's result, with Ably's `ErrorInfo` as `error`. */
export type UseOccupancyQueryResult<TData = OccupancyCounts> = UseQueryResult<TData, Ably.ErrorInfo>;

/**
 * A room's occupancy counts (`connections`, `presenceMembers`) fetched once over REST, as `room.occupancy.get()`
 * does, without attaching. For live counts use `useOccupancy`; for all eight metrics `useChannelOccupancyQuery`.
 *
 * @param room The room; defaults to the nearest `<PresenceRoom>`.
 * @throws PresenceKitError at render when there is no provider or no room.
 * @example
 * const { data, error } = useOccupancyQuery('lobby', { refetchInterval: 10_000 });
 * return <span>{data?.connections ?? '…'} connected</span>;
 */
export function useOccupancyQuery<TData = OccupancyCounts>(
  room?: string,
  options: UseOccupancyQueryOptions<TData> = {},
): UseOccupancyQueryResult<TData> {
  const { client, queryClient } = usePresenceKitContext('useOccupancyQuery');
  const name = useQueryRoomName('useOccupancyQuery', room);
  const { queryKey, queryFn } = buildOccupancyQuery(client, name, 'useOccupancyQuery');
  return useQuery<OccupancyCounts, Ably.ErrorInfo, TData, ReturnType<typeof occupancyKeys.counts>>(
    { ...options, queryKey, queryFn },
    queryClient,
  );
}
