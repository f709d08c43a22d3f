'use client';
import type { ChatClient } from '@ably/chat';
import type { QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';

/** What {@link usePresenceKit} returns. */
export interface UsePresenceKitResult {
  /** The provider's `ChatClient`. */
  client: ChatClient;
  /** The provider's `queryClient` prop, if one was given. */
  queryClient: QueryClient | undefined;
}

/**
 * The provider's chat client (and query client, when one was passed), for calls the hooks do not cover.
 *
 * @throws PresenceKitError (104000) outside `<PresenceKitProvider>`.
 * @example
 * const { client } = usePresenceKit();
 * const room = await client.rooms.get('lobby');
 */
export function usePresenceKit(): UsePresenceKitResult {
  const { client, queryClient } = usePresenceKitContext('usePresenceKit');
  return useMemo(() => ({ client, queryClient }), [client, queryClient]);
}
