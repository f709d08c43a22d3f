'use client';
import type { SkipToken, UseQueryOptions, UseQueryResult } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { isSkipped, useQueryContext, useQueryRoom } from '../internal/use-query-context.js';
import { useQueryOrWait } from '../internal/use-query-or-wait.js';
import { buildPresenceQuery } from '../queries/presence-query.js';
import type { presenceKeys } from '../queries/query-keys.js';
import type { DefaultPresenceData, PresenceKitMember } from '../store/types.js';

/** Options of {@link usePresenceQuery}: the room, filters, and react-query options. */
export type UsePresenceQueryOptions<TPresence = DefaultPresenceData, TSelected = PresenceKitMember<TPresence>[]> = {
  /** Only this client's connections. `''` or `skipToken` makes the query wait. */
  clientId?: string | SkipToken;
  /** Only this connection. `''` or `skipToken` makes the query wait. */
  connectionId?: string | SkipToken;
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
  // An empty filter value means "not chosen yet": wait, rather than read every member.
  const waiting = name === undefined || isSkipped(clientId) || isSkipped(connectionId);
  const query = waiting
    ? undefined
    : buildPresenceQuery<TPresence>(
        client,
        name,
        { clientId: clientId as string | undefined, connectionId: connectionId as string | undefined },
        'usePresenceQuery',
      );
  return useQueryOrWait<PresenceKitMember<TPresence>[], TSelected, ReturnType<typeof presenceKeys.members>>(
    'usePresenceQuery',
    query,
    queryOptions,
    queryClient,
  );
}
