'use client';
import { type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';
import { useQueryRoomName } from '../internal/use-query-room-name.js';
import { buildPresenceQuery } from '../queries/presence-query.js';
import type { PresenceMembersFilter, presenceKeys } from '../queries/query-keys.js';
import type { DefaultPresenceData, PresenceKitMember } from '../store/types.js';

/** Filters plus react-query options for {@link usePresenceQuery}. */
export type UsePresenceQueryOptions<
  TPresence = DefaultPresenceData,
  TData = PresenceKitMember<TPresence>[],
> = PresenceMembersFilter &
  Omit<
    UseQueryOptions<PresenceKitMember<TPresence>[], Ably.ErrorInfo, TData, ReturnType<typeof presenceKeys.members>>,
    'queryKey' | 'queryFn'
  >;

/** react-query's result, with Ably's `ErrorInfo` as `error`. */
export type UsePresenceQueryResult<TData> = UseQueryResult<TData, Ably.ErrorInfo>;

/**
 * A room's presence members fetched once over REST (optionally one client's or one connection's), without entering
 * or attaching: for rooms you are not in, or a snapshot on demand. For a live list use `usePresenceListener`.
 *
 * @param room The room; defaults to the nearest `<PresenceRoom>`.
 * @throws PresenceKitError at render when there is no provider or no room, or a filter is an empty string.
 * @example
 * const { data: members = [] } = usePresenceQuery<{ status: string }>('lobby', { clientId: 'alice' });
 * return <ul>{members.map((m) => <li key={m.connectionId}>{m.data?.status}</li>)}</ul>;
 */
export function usePresenceQuery<TPresence = DefaultPresenceData, TData = PresenceKitMember<TPresence>[]>(
  room?: string,
  options: UsePresenceQueryOptions<TPresence, TData> = {},
): UsePresenceQueryResult<TData> {
  const { client, queryClient } = usePresenceKitContext('usePresenceQuery');
  const name = useQueryRoomName('usePresenceQuery', room);
  const { clientId, connectionId, ...queryOptions } = options;
  const { queryKey, queryFn } = buildPresenceQuery<TPresence>(
    client,
    name,
    { clientId, connectionId },
    'usePresenceQuery',
  );
  return useQuery<PresenceKitMember<TPresence>[], Ably.ErrorInfo, TData, ReturnType<typeof presenceKeys.members>>(
    { ...queryOptions, queryKey, queryFn },
    queryClient,
  );
}
