'use client';
import {
  type InfiniteData,
  type SkipToken,
  skipToken,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query';
import type * as Ably from 'ably';
import { useQueryContext, useQueryRoom, waitingKey } from '../internal/use-query-context.js';
import {
  buildPresenceHistoryQuery,
  type PresenceHistoryPage,
  type PresenceHistoryPageParam,
} from '../queries/presence-history-query.js';
import type { PresenceHistoryParams, presenceKeys } from '../queries/query-keys.js';
import type { DefaultPresenceData } from '../store/types.js';

type HistoryData<TPresence> = InfiniteData<PresenceHistoryPage<TPresence>, PresenceHistoryPageParam>;

/** History parameters plus react-query options for {@link usePresenceHistoryQuery}. */
export type UsePresenceHistoryQueryOptions<TPresence = DefaultPresenceData> = PresenceHistoryParams & {
  /** The room; defaults to the nearest `<PresenceRoom>`. `''` or `skipToken` makes the query wait. */
  room?: string | SkipToken;
} & Omit<
    UseInfiniteQueryOptions<
      PresenceHistoryPage<TPresence>,
      Ably.ErrorInfo,
      HistoryData<TPresence>,
      ReturnType<typeof presenceKeys.history>,
      PresenceHistoryPageParam
    >,
    'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam' | 'getPreviousPageParam' | 'select'
  >;

/** react-query's infinite result, with Ably's `ErrorInfo` as `error`. */
export type UsePresenceHistoryQueryResult<TPresence = DefaultPresenceData> = UseInfiniteQueryResult<
  HistoryData<TPresence>,
  Ably.ErrorInfo
>;

/**
 * A room's presence history (enters, updates, leaves) as an infinite query over the paginated REST history:
 * `data.pages[i].events`, `hasNextPage` and `fetchNextPage()` follow the server's pages.
 *
 * @throws PresenceKitError at render when there is no provider or room, or a parameter is invalid
 * (limit outside 1–1000, start after end, unknown direction).
 * @example
 * const { data, hasNextPage, fetchNextPage } = usePresenceHistoryQuery({ room: 'lobby', limit: 50 });
 * const events = data?.pages.flatMap((page) => page.events) ?? [];
 */
export function usePresenceHistoryQuery<TPresence = DefaultPresenceData>(
  options: UsePresenceHistoryQueryOptions<TPresence> = {},
): UsePresenceHistoryQueryResult<TPresence> {
  const { room, direction, limit, start, end, ...queryOptions } = options;
  const { client, queryClient } = useQueryContext('usePresenceHistoryQuery');
  const name = useQueryRoom('usePresenceHistoryQuery', room);
  const params = { direction, limit, start, end };
  const { queryKey, queryFn, initialPageParam, getNextPageParam } = buildPresenceHistoryQuery<TPresence>(
    client,
    name ?? 'skipped',
    params,
    'usePresenceHistoryQuery',
  );
  return useInfiniteQuery(
    {
      ...queryOptions,
      queryKey: name === undefined ? waitingKey<typeof queryKey>('usePresenceHistoryQuery') : queryKey,
      queryFn: name === undefined ? skipToken : queryFn,
      initialPageParam,
      getNextPageParam,
    },
    queryClient,
  );
}
