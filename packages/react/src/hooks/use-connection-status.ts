'use client';
import { ConnectionStatus } from '@ably/chat';
import { useCallback, useSyncExternalStore } from 'react';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';

/**
 * The chat client's connection status (`connected`, `disconnected`, …). Kept out of the presence and occupancy hooks,
 * so a count does not re-render on a network blip; use it where you show connectivity.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>`.
 * @example
 * const status = useConnectionStatus();
 * return status === 'connected' ? null : <Banner>Reconnecting…</Banner>;
 */
export function useConnectionStatus(): ConnectionStatus {
  const { client } = usePresenceKitContext('useConnectionStatus');
  const subscribe = useCallback((listener: () => void) => client.connection.onStatusChange(listener).off, [client]);
  return useSyncExternalStore(
    subscribe,
    () => client.connection.status,
    () => ConnectionStatus.Initialized,
  );
}
