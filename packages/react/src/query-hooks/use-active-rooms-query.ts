'use client';
import {
  type InfiniteData,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query';
import type * as Ably from 'ably';
import { useQueryContext } from '../internal/use-query-context.js';
import {
  type ActiveRoomsPage,
  type ActiveRoomsPageParam,
  buildActiveRoomsQuery,
} from '../queries/active-rooms-query.js';
import type { ActiveRoomsParams, roomsKeys } from '../queries/query-keys.js';

type ActiveRoomsData = InfiniteData<ActiveRoomsPage, ActiveRoomsPageParam>;

/** Filter plus react-query options for {@link useActiveRoomsQuery}. */
export type UseActiveRoomsQueryOptions = ActiveRoomsParams &
  Omit<
    UseInfiniteQueryOptions<
      ActiveRoomsPage,
      Ably.ErrorInfo,
      ActiveRoomsData,
      ReturnType<typeof roomsKeys.active>,
      ActiveRoomsPageParam
    >,
    'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam' | 'getPreviousPageParam' | 'select'
  >;

/** react-query's infinite result; `error` is the Ably `ErrorInfo` (e.g. 40160 without `channel-metadata`). */
export type UseActiveRoomsQueryResult = UseInfiniteQueryResult<ActiveRoomsData, Ably.ErrorInfo>;

/**
 * The chat rooms active now (optionally those whose names start with `prefix`), each with all eight occupancy
 * metrics, paginated: `data.pages[i].rooms`, `hasNextPage`, `fetchNextPage()`. Uses channel enumeration, which needs
 * the `channel-metadata` capability.
 *
 * @throws PresenceKitError at render when there is no provider, or `limit` is outside 1–1000. An empty `prefix` lists every room.
 * @example
 * const { data } = useActiveRoomsQuery({ prefix: 'support-', refetchInterval: 15_000 });
 * const rooms = data?.pages.flatMap((page) => page.rooms) ?? [];
 */
export function useActiveRoomsQuery(options: UseActiveRoomsQueryOptions = {}): UseActiveRoomsQueryResult {
  const { client, queryClient } = useQueryContext('useActiveRoomsQuery');
  const { prefix, limit, ...queryOptions } = options;
  const { queryKey, queryFn, initialPageParam, getNextPageParam } = buildActiveRoomsQuery(
    client,
    // An empty prefix (a cleared search box) means every room, not an error.
    { prefix: prefix || undefined, limit },
    'useActiveRoomsQuery',
  );
  return useInfiniteQuery({ ...queryOptions, queryKey, queryFn, initialPageParam, getNextPageParam }, queryClient);
}
