'use client';
import { type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';
import { useQueryRoomName } from '../internal/use-query-room-name.js';
import { buildPresenceQuery } from '../queries/presence-query.js';
import type { presenceKeys } from '../queries/query-keys.js';
import { requireNonEmptyString } from '../queries/validate.js';
import type { PresenceKitMember } from '../store/types.js';

/** react-query options for {@link useIsUserPresentQuery}. */
export type UseIsUserPresentQueryOptions = Omit<
  UseQueryOptions<PresenceKitMember[], Ably.ErrorInfo, boolean, ReturnType<typeof presenceKeys.members>>,
  'queryKey' | 'queryFn' | 'select'
>;

/** react-query's result: `data` is whether the client is present, `error` Ably's `ErrorInfo`. */
export type UseIsUserPresentQueryResult = UseQueryResult<boolean, Ably.ErrorInfo>;

/**
 * Whether a client has at least one connection present in a room, fetched once over REST. It shares its cache entry
 * with `usePresenceQuery(room, { clientId })`, so the two never fetch twice.
 *
 * @param room The room; `undefined` means the nearest `<PresenceRoom>`.
 * @param clientId The client to look for.
 * @throws PresenceKitError at render when there is no provider or room, or `clientId` is empty.
 * @example
 * const { data: isOnline } = useIsUserPresentQuery('support', 'agent-7');
 */
export function useIsUserPresentQuery(
  room: string | undefined,
  clientId: string,
  options: UseIsUserPresentQueryOptions = {},
): UseIsUserPresentQueryResult {
  const { client, queryClient } = usePresenceKitContext('useIsUserPresentQuery');
  const name = useQueryRoomName('useIsUserPresentQuery', room);
  requireNonEmptyString('useIsUserPresentQuery', 'clientId', clientId);
  const { queryKey, queryFn } = buildPresenceQuery(client, name, { clientId }, 'useIsUserPresentQuery');
  return useQuery<PresenceKitMember[], Ably.ErrorInfo, boolean, ReturnType<typeof presenceKeys.members>>(
    { ...options, queryKey, queryFn, select: hasMembers },
    queryClient,
  );
}

/** Module-level, so react-query keeps the selected value between renders. */
function hasMembers(members: readonly PresenceKitMember[]): boolean {
  return members.length > 0;
}
