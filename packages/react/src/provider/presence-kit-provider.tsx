'use client';
import type { ChatClient } from '@ably/chat';
import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { PresenceKitError, PresenceKitErrorCode } from '../errors.js';
import { PresenceKitContext, type PresenceKitContextValue } from '../internal/presence-kit-context.js';
import { animationFrameScheduler, type FrameScheduler } from '../store/frame-scheduler.js';
import { RoomRegistry } from './room-registry.js';

export interface PresenceKitProviderProps {
  /** Your `ChatClient` (one per app). On the server it may be a client that never connects. */
  client: ChatClient;
  /**
   * The `QueryClient` for one-off REST queries. Defaults to the app's (from a `QueryClientProvider` above), else a
   * client this provider creates once.
   */
  queryClient?: QueryClient;
  /** When stores notify React. Defaults to once per animation frame; tests inject a manual scheduler. */
  scheduler?: FrameScheduler;
  children?: ReactNode;
}

/**
 * Shares a chat client, a query client and the provider's rooms with every presence-kit hook below it.
 * Rooms are held by `<PresenceRoom>` and hooks by reference count; the provider never connects during render.
 *
 * @example
 * const chat = new ChatClient(new Ably.Realtime({ authUrl: '/token', clientId }));
 * <PresenceKitProvider client={chat}>
 *   <PresenceRoom name="lobby"><Avatars /></PresenceRoom>
 * </PresenceKitProvider>
 */
export function PresenceKitProvider({ client, queryClient, scheduler, children }: PresenceKitProviderProps) {
  if (!client) {
    throw new PresenceKitError(
      PresenceKitErrorCode.InvalidArgument,
      '<PresenceKitProvider> needs a client: pass client={new ChatClient(realtime)}.',
    );
  }
  const appQueryClient = useContext(QueryClientContext);
  // Created once, and only when neither the props nor the app supply one.
  const [ownQueryClient] = useState(() => (queryClient || appQueryClient ? null : new QueryClient()));
  const resolvedQueryClient = queryClient ?? appQueryClient ?? ownQueryClient ?? fallbackQueryClient();
  const [initialScheduler] = useState(() => scheduler ?? animationFrameScheduler);
  const registry = useMemo(() => new RoomRegistry(client, initialScheduler), [client, initialScheduler]);

  useEffect(() => {
    // A QueryClient we own must be mounted for refetch-on-focus/reconnect, as QueryClientProvider would do.
    if (resolvedQueryClient !== ownQueryClient) return;
    resolvedQueryClient.mount();
    return () => resolvedQueryClient.unmount();
  }, [resolvedQueryClient, ownQueryClient]);

  const value = useMemo<PresenceKitContextValue>(
    () => ({ client, queryClient: resolvedQueryClient, registry, scheduler: initialScheduler }),
    [client, resolvedQueryClient, registry, initialScheduler],
  );
  return <PresenceKitContext.Provider value={value}>{children}</PresenceKitContext.Provider>;
}

let lateQueryClient: QueryClient | undefined;
/** Only reached if a QueryClient prop or app client disappears after mount; keeps the value defined. */
function fallbackQueryClient(): QueryClient {
  lateQueryClient ??= new QueryClient();
  return lateQueryClient;
}
