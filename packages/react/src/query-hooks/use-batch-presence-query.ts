'use client';
import { type SkipToken, skipToken, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { useQueryContext } from '../internal/use-query-context.js';
import { useQueryOrWait } from '../internal/use-query-or-wait.js';
import { type BatchPresenceResult, buildBatchPresenceQuery } from '../queries/batch-presence-query.js';
import type { presenceKeys } from '../queries/query-keys.js';
import type { DefaultPresenceData } from '../store/types.js';

/** Options of {@link useBatchPresenceQuery}. */
export type UseBatchPresenceQueryOptions<
  TPresence = DefaultPresenceData,
  TSelected = BatchPresenceResult<TPresence>,
> = {
  /** The rooms to read (at most 100). `[]` or `skipToken` makes the query wait. */
  rooms: readonly string[] | SkipToken;
} & Omit<
  UseQueryOptions<BatchPresenceResult<TPresence>, Ably.ErrorInfo, TSelected, ReturnType<typeof presenceKeys.batch>>,
  'queryKey' | 'queryFn'
>;

/** react-query's result, with Ably's `ErrorInfo` as `error`. */
export type UseBatchPresenceQueryResult<TSelected> = UseQueryResult<TSelected, Ably.ErrorInfo>;

/**
 * The presence members of several rooms in one REST request, each room's result or failure reported separately.
 *
 * @throws PresenceKitError at render when there is no provider (104000), or a room name is invalid (104002).
 * @example
 * const { data } = useBatchPresenceQuery({ rooms: ['lobby', 'stage'] });
 * if (data?.lobby?.status === 'success') console.log(data.lobby.members.length);
 */
export function useBatchPresenceQuery<TPresence = DefaultPresenceData, TSelected = BatchPresenceResult<TPresence>>(
  options: UseBatchPresenceQueryOptions<TPresence, TSelected>,
): UseBatchPresenceQueryResult<TSelected> {
  const { rooms, ...queryOptions } = options;
  const { client, queryClient } = useQueryContext('useBatchPresenceQuery');
  const query =
    rooms === skipToken || rooms.length === 0
      ? undefined
      : buildBatchPresenceQuery<TPresence>(client, rooms, 'useBatchPresenceQuery');
  return useQueryOrWait<BatchPresenceResult<TPresence>, TSelected, ReturnType<typeof presenceKeys.batch>>(
    'useBatchPresenceQuery',
    query,
    queryOptions,
    queryClient,
  );
}
