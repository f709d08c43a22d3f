'use client';
import { type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';
import { useQueryRoomName } from '../internal/use-query-room-name.js';
import { buildChannelOccupancyQuery, type ChannelOccupancy } from '../queries/channel-occupancy-query.js';
import type { occupancyKeys } from '../queries/query-keys.js';

/** react-query options for {@link useChannelOccupancyQuery}. */
export type UseChannelOccupancyQueryOptions<TData = ChannelOccupancy> = Omit<
  UseQueryOptions<ChannelOccupancy, Ably.ErrorInfo, TData, ReturnType<typeof occupancyKeys.metrics>>,
  'queryKey' | 'queryFn'
>;

/** react-query's result, with Ably's `ErrorInfo` as `error`. */
export type UseChannelOccupancyQueryResult<TData = ChannelOccupancy> = UseQueryResult<TData, Ably.ErrorInfo>;

/**
 * All eight occupancy metrics of a room (connections, publishers, subscribers, presence connections, members and
 * subscribers, object publishers and subscribers), fetched once from its channel's status over REST.
 *
 * @param room The room; defaults to the nearest `<PresenceRoom>`.
 * @throws PresenceKitError at render when there is no provider or no room.
 * @example
 * const { data } = useChannelOccupancyQuery('lobby', { select: (o) => o.metrics.publishers });
 */
export function useChannelOccupancyQuery<TData = ChannelOccupancy>(
  room?: string,
  options: UseChannelOccupancyQueryOptions<TData> = {},
): UseChannelOccupancyQueryResult<TData> {
  const { client, queryClient } = usePresenceKitContext('useChannelOccupancyQuery');
  const name = useQueryRoomName('useChannelOccupancyQuery', room);
  const { queryKey, queryFn } = buildChannelOccupancyQuery(client, name, 'useChannelOccupancyQuery');
  return useQuery<ChannelOccupancy, Ably.ErrorInfo, TData, ReturnType<typeof occupancyKeys.metrics>>(
    { ...options, queryKey, queryFn },
    queryClient,
  );
}
