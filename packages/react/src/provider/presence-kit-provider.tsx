'use client';
import type { ChatClient } from '@ably/chat';
import type { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { CODE_INVALID_ARGUMENT, PresenceKitError } from '../errors.js';
import { PresenceKitContext, type PresenceKitContextValue } from '../internal/presence-kit-context.js';
import { animationFrameScheduler, type FrameScheduler } from '../store/frame-scheduler.js';
import { registryFor } from './room-registry.js';

export interface PresenceKitProviderProps {
  /** Your `ChatClient` (one per app). On the server it may be a client that never connects. */
  client: ChatClient;
  /**
   * The `QueryClient` the query hooks of `@presence-kit/react/query` use. Defaults to the app's (from a
   * `QueryClientProvider` above), else one made per chat client. The live hooks never need it.
   */
  queryClient?: QueryClient;
  /** When stores notify React. Defaults to once per animation frame; tests inject a manual scheduler. */
  scheduler?: FrameScheduler;
  children?: ReactNode;
}

/**
 * Shares a chat client with every presence-kit hook below it. Rooms are held by `<PresenceRoom>` and hooks by
 * reference count, never during render. Providers on the same client share their rooms, and a room the app also
 * holds through `@ably/chat/react` is never released from under it.
 *
 * @throws PresenceKitError (104002) when `client` is missing.
 * @example
 * const chat = new ChatClient(new Ably.Realtime({ authUrl: '/api/ably-token', clientId }));
 * <PresenceKitProvider client={chat}>
 *   <PresenceRoom name="lobby"><Avatars /></PresenceRoom>
 * </PresenceKitProvider>
 */
export function PresenceKitProvider({ client, queryClient, scheduler, children }: PresenceKitProviderProps) {
  if (!client) {
    throw new PresenceKitError(
      CODE_INVALID_ARGUMENT,
      '<PresenceKitProvider> needs a client: pass client={new ChatClient(realtime)}.',
    );
  }
  const [initialScheduler] = useState(() => scheduler ?? animationFrameScheduler);
  const registry = useMemo(() => registryFor(client, initialScheduler), [client, initialScheduler]);
  const value = useMemo<PresenceKitContextValue>(
    () => ({ client, queryClient, registry }),
    [client, queryClient, registry],
  );
  return <PresenceKitContext.Provider value={value}>{children}</PresenceKitContext.Provider>;
}
