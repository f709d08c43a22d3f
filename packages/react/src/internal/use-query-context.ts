'use client';
import type { ChatClient } from '@ably/chat';
import { QueryClient, QueryClientContext, type SkipToken, skipToken } from '@tanstack/react-query';
import { useContext, useEffect } from 'react';
import { CODE_MISSING_ROOM, PresenceKitError } from '../errors.js';
import { usePresenceKitContext } from './presence-kit-context.js';
import { useRoomScopeOrNull } from './room-context.js';

/** Query clients made for chat clients whose app gave none (one per chat client, so caches are not shared). */
const defaultQueryClients = new WeakMap<ChatClient, QueryClient>();

/**
 * What a query hook needs: the chat client, and the query client to use: the provider's `queryClient` prop, else the
 * app's `QueryClientProvider`, else one made once per chat client (mounted while query hooks use it, as
 * `QueryClientProvider` would, for refetch on focus and reconnect).
 */
export function useQueryContext(hookName: string): { client: ChatClient; queryClient: QueryClient } {
  const { client, queryClient: given } = usePresenceKitContext(hookName);
  const appQueryClient = useContext(QueryClientContext);
  let queryClient = given ?? appQueryClient;
  const own = queryClient === undefined;
  if (!queryClient) {
    queryClient = defaultQueryClients.get(client);
    if (!queryClient) {
      queryClient = new QueryClient();
      defaultQueryClients.set(client, queryClient);
    }
  }
  useEffect(() => {
    if (!own) return;
    queryClient.mount();
    return () => queryClient.unmount();
  }, [own, queryClient]);
  return { client, queryClient };
}

/**
 * The room a query reads: `room` when given, else the nearest `<PresenceRoom>`'s. `undefined` when the query should
 * wait (`skipToken`, or an empty name while the app is still choosing one), as TanStack Query's `skipToken` pattern
 * expects. Throws a misuse error only when there is neither a room nor a scope.
 */
export function useQueryRoom(hookName: string, room: string | SkipToken | undefined): string | undefined {
  const scoped = useRoomScopeOrNull()?.name;
  if (room === skipToken) return undefined;
  const name = room ?? scoped;
  if (name === undefined) {
    throw new PresenceKitError(
      CODE_MISSING_ROOM,
      `${hookName} needs a room: render it inside <PresenceRoom name="…">, or pass { room: 'my-room' } (or skipToken to wait).`,
    );
  }
  return name === '' ? undefined : name;
}

/**
 * The key of a query that waits for its input. It must never be a real query's key: a waiting (`skipToken`) query
 * still shows whatever its key has cached, so "is '' present?" would answer with an unfiltered list's data.
 */
export function waitingKey<TKey>(hookName: string): TKey {
  return ['presence-kit', 'waiting', hookName] as unknown as TKey;
}

/** Whether a string input is missing (empty, or `skipToken`): the query then waits instead of throwing. */
export function isSkipped(value: string | SkipToken | undefined): value is '' | SkipToken {
  return value === '' || value === skipToken;
}
