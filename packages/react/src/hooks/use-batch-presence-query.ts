'use client';
import { type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';
import { type BatchPresenceResult, buildBatchPresenceQuery } from '../queries/batch-presence-query.js';
import type { presenceKeys } from '../queries/query-keys.js';
import type { DefaultPresenceData } from '../store/types.js';

/** react-query options for {@link useBatchPresenceQuery}. */
export type UseBatchPresenceQueryOptions<
  TPresence = DefaultPresenceData,
  TData = BatchPresenceResult<TPresence>,
> = Omit<
  UseQueryOptions<BatchPresenceResult<TPresence>, Ably.ErrorInfo, TData, ReturnType<typeof presenceKeys.batch>>,
  'queryKey' | 'queryFn'
>;

/** react-query's result; `error` is set only when the whole request failed. */
export type UseBatchPresenceQueryResult<TData> = UseQueryResult<TData, Ably.ErrorInfo>;

/**
 * The presence members of many rooms in one REST request, by room. A room that fails (e.g. 40160 when the key
 * lacks capability for it) is reported as `{ status: 'error', error }` for that room only; `error` on the result is
 * set only when the whole request fails. Order and duplicates in `rooms` do not matter.
 *
 * @param rooms 1–100 room names.
 * @throws PresenceKitError at render when there is no provider, or `rooms` is empty, too long, or has an empty name.
 * @example
 * const { data } = useBatchPresenceQuery(['lobby', 'support']);
 * const lobby = data?.lobby;
 * if (lobby?.status === 'success') return <span>{lobby.members.length} in the lobby</span>;
 */
export function useBatchPresenceQuery<TPresence = DefaultPresenceData, TData = BatchPresenceResult<TPresence>>(
  rooms: readonly string[],
  options: UseBatchPresenceQueryOptions<TPresence, TData> = {},
): UseBatchPresenceQueryResult<TData> {
  const { client, queryClient } = usePresenceKitContext('useBatchPresenceQuery');
  const { queryKey, queryFn } = buildBatchPresenceQuery<TPresence>(client, rooms, 'useBatchPresenceQuery');
  return useQuery<BatchPresenceResult<TPresence>, Ably.ErrorInfo, TData, ReturnType<typeof presenceKeys.batch>>(
    { ...options, queryKey, queryFn },
    queryClient,
  );
}
