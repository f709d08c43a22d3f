'use client';
import type { SkipToken, UseQueryOptions, UseQueryResult } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { useQueryContext, useQueryRoom } from '../internal/use-query-context.js';
import { useQueryOrWait } from '../internal/use-query-or-wait.js';
import { buildChannelOccupancyQuery, type ChannelOccupancy } from '../queries/channel-occupancy-query.js';
import type { occupancyKeys } from '../queries/query-keys.js';

/** Options of {@link useChannelOccupancyQuery}: the room, plus react-query options. */
export type UseChannelOccupancyQueryOptions<TSelected = ChannelOccupancy> = {
  /** The room; defaults to the nearest `<PresenceRoom>`. `''` or `skipToken` makes the query wait. */
  room?: string | SkipToken;
} & Omit<
  UseQueryOptions<ChannelOccupancy, Ably.ErrorInfo, TSelected, ReturnType<typeof occupancyKeys.metrics>>,
  'queryKey' | 'queryFn'
>;

/** react-query's result, with Ably's `ErrorInfo` as `error`. */
export type UseChannelOccupancyQueryResult<TSelected = ChannelOccupancy> = UseQueryResult<TSelected, Ably.ErrorInfo>;

/**
 * All eight occupancy metrics of a room, from its channel's status over REST, without attaching.
 *
 * @throws PresenceKitError at render when there is no provider (104000), or no room and no scope (104001).
 * @example
 * const { data } = useChannelOccupancyQuery({ room: 'lobby', select: (c) => c.metrics.subscribers });
 */
export function useChannelOccupancyQuery<TSelected = ChannelOccupancy>(
  options: UseChannelOccupancyQueryOptions<TSelected> = {},
): UseChannelOccupancyQueryResult<TSelected> {
  const { room, ...queryOptions } = options;
  const { client, queryClient } = useQueryContext('useChannelOccupancyQuery');
  const name = useQueryRoom('useChannelOccupancyQuery', room);
  const query = name === undefined ? undefined : buildChannelOccupancyQuery(client, name, 'useChannelOccupancyQuery');
  return useQueryOrWait<ChannelOccupancy, TSelected, ReturnType<typeof occupancyKeys.metrics>>(
    'useChannelOccupancyQuery',
    query,
    queryOptions,
    queryClient,
  );
}
