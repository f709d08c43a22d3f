'use client';
import type { ChatClient } from '@ably/chat';
import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { PresenceKitError, PresenceKitErrorCode } from '../errors.js';
import type { RoomRegistry } from '../provider/room-registry.js';
import type { FrameScheduler } from '../store/frame-scheduler.js';

/**
 * What `<PresenceKitProvider>` shares. A stable instance per provider, never an object literal built during render.
 */
export interface PresenceKitContextValue {
  client: ChatClient;
  queryClient: QueryClient;
  /**
   * The rooms this provider holds, shared by every `<PresenceRoom>` and hook below it. Always set by
   * `<PresenceKitProvider>`; optional only so query-only test wrappers can provide `{ client, queryClient }`.
   */
  registry?: RoomRegistry;
  /** When stores notify React (once per animation frame unless a test injects its own). */
  scheduler?: FrameScheduler;
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
