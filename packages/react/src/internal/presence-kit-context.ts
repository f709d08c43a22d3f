'use client';
import type { ChatClient } from '@ably/chat';
import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { PresenceKitError, PresenceKitErrorCode } from '../errors.js';

/**
 * What `<PresenceKitProvider>` shares. A stable instance per provider, never an object literal built during render.
 * (The room store registry and other fields are added here as the provider grows.)
 */
export interface PresenceKitContextValue {
  client: ChatClient;
  queryClient: QueryClient;
}

export const PresenceKitContext = createContext<PresenceKitContextValue | null>(null);

export function usePresenceKitContextOrNull(): PresenceKitContextValue | null {
  return useContext(PresenceKitContext);
}

/** For hooks: the provider's value, or a misuse error naming the hook and the provider it needs. */
export function usePresenceKitContext(hookName: string): PresenceKitContextValue {
  const value = useContext(PresenceKitContext);
  if (!value) {
    throw new PresenceKitError(
      PresenceKitErrorCode.MissingProvider,
      `${hookName} must be used within <PresenceKitProvider>. Wrap your app (or this part of it) in <PresenceKitProvider client={chatClient}>.`,
    );
  }
  return value;
}
