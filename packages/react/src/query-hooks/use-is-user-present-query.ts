'use client';
import type { SkipToken, UseQueryOptions, UseQueryResult } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { isSkipped, useQueryContext, useQueryRoom } from '../internal/use-query-context.js';
import { useQueryOrWait } from '../internal/use-query-or-wait.js';
import { buildPresenceQuery } from '../queries/presence-query.js';
import type { presenceKeys } from '../queries/query-keys.js';
import type { PresenceKitMember } from '../store/types.js';

/** Options of {@link useIsUserPresentQuery}. */
export type UseIsUserPresentQueryOptions = {
  /** The room; defaults to the nearest `<PresenceRoom>`. `''` or `skipToken` makes the query wait. */
  room?: string | SkipToken;
  /** The client to look for. `''` or `skipToken` makes the query wait. */
  clientId: string | SkipToken;
} & Omit<
  UseQueryOptions<PresenceKitMember[], Ably.ErrorInfo, boolean, ReturnType<typeof presenceKeys.members>>,
  'queryKey' | 'queryFn' | 'select'
>;

/** react-query's result: `data` is whether the client is present. */
export type UseIsUserPresentQueryResult = UseQueryResult<boolean, Ably.ErrorInfo>;

/**
 * Whether a client has at least one connection present in a room, fetched once over REST. It shares its cache entry
 * with `usePresenceQuery({ room, clientId })`, so the two never fetch twice.
 *
 * @throws PresenceKitError at render when there is no provider (104000), or no room and no scope (104001).
 * @example
 * const { data: isOnline } = useIsUserPresentQuery({ room: 'support', clientId: agentId ?? skipToken });
 */
export function useIsUserPresentQuery(options: UseIsUserPresentQueryOptions): UseIsUserPresentQueryResult {
  const { room, clientId, ...queryOptions } = options;
  const { client, queryClient } = useQueryContext('useIsUserPresentQuery');
  const name = useQueryRoom('useIsUserPresentQuery', room);
  const query =
    name === undefined || isSkipped(clientId)
      ? undefined
      : buildPresenceQuery(client, name, { clientId }, 'useIsUserPresentQuery');
  return useQueryOrWait<PresenceKitMember[], boolean, ReturnType<typeof presenceKeys.members>>(
    'useIsUserPresentQuery',
    query,
    { ...queryOptions, select: hasMembers },
    queryClient,
  );
}

/** Module-level, so react-query keeps the selected value between renders. */
function hasMembers(members: readonly PresenceKitMember[]): boolean {
  return members.length > 0;
}
