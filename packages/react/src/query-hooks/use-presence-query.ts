'use client';
import { type SkipToken, skipToken, type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { useQueryContext, useQueryRoom } from '../internal/use-query-context.js';
import { buildPresenceQuery } from '../queries/presence-query.js';
import { type PresenceMembersFilter, presenceKeys } from '../queries/query-keys.js';
import type { DefaultPresenceData, PresenceKitMember } from '../store/types.js';

/** Options of {@link usePresenceQuery}: the room, filters, and react-query options. */
export type UsePresenceQueryOptions<
  TPresence = DefaultPresenceData,
  TSelected = PresenceKitMember<TPresence>[],
> = PresenceMembersFilter & {
  /** The room; defaults to the nearest `<PresenceRoom>`. `''` or `skipToken` makes the query wait. */
  room?: string | SkipToken;
} & Omit<
    UseQueryOptions<PresenceKitMember<TPresence>[], Ably.ErrorInfo, TSelected, ReturnType<typeof presenceKeys.members>>,
    'queryKey' | 'queryFn'
  >;

/** react-query's result, with Ably's `ErrorInfo` as `error`. */
export type UsePresenceQueryResult<TSelected> = UseQueryResult<TSelected, Ably.ErrorInfo>;

/**
 * A room's presence members fetched once over REST (every page), optionally filtered by `clientId` or
 * `connectionId`, without attaching: for rooms you are not in. For live members use `usePresenceListener`.
 *
 * @throws PresenceKitError at render when there is no provider (104000), or no room and no scope (104001).
 * @example
 * const { data: members } = usePresenceQuery({ room: 'support' });
 */
export function usePresenceQuery<TPresence = DefaultPresenceData, TSelected = PresenceKitMember<TPresence>[]>(
  options: UsePresenceQueryOptions<TPresence, TSelected> = {},
): UsePresenceQueryResult<TSelected> {
  const { room, clientId, connectionId, ...queryOptions } = options;
  const { client, queryClient } = useQueryContext('usePresenceQuery');
  const name = useQueryRoom('usePresenceQuery', room);
  const filter = { clientId: clientId || undefined, connectionId: connectionId || undefined };
  const query =
    name === undefined ? undefined : buildPresenceQuery<TPresence>(client, name, filter, 'usePresenceQuery');
  return useQuery<PresenceKitMember<TPresence>[], Ably.ErrorInfo, TSelected, ReturnType<typeof presenceKeys.members>>(
    {
      ...queryOptions,
      queryKey: query?.queryKey ?? presenceKeys.members('', filter),
      queryFn: query?.queryFn ?? skipToken,
    },
    queryClient,
  );
}
