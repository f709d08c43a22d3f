'use client';
import type { ChatClient } from '@ably/chat';
import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { CODE_MISSING_PROVIDER, PresenceKitError } from '../errors.js';
import type { RoomRegistry } from '../provider/room-registry.js';

/** What `<PresenceKitProvider>` shares. A stable instance per provider, never an object literal built during render. */
export interface PresenceKitContextValue {
  client: ChatClient;
  /** The `queryClient` prop, if given (query hooks fall back to the app's, then to one per chat client). */
  queryClient: QueryClient | undefined;
  /** The rooms held on this client, shared by every provider, `<PresenceRoom>` and hook on it. */
  registry: RoomRegistry;
}

export const PresenceKitContext = createContext<PresenceKitContextValue | null>(null);

/** For hooks: the provider's value, or a misuse error naming the hook and the provider it needs. */
export function usePresenceKitContext(hookName: string): PresenceKitContextValue {
  const value = useContext(PresenceKitContext);
  if (!value) {
    throw new PresenceKitError(
      CODE_MISSING_PROVIDER,
      `${hookName} must be used within <PresenceKitProvider>: wrap your app in <PresenceKitProvider client={chatClient}>.`,
    );
  }
  return value;
}
