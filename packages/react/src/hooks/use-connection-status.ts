'use client';
import { ConnectionStatus } from '@ably/chat';
import type * as Ably from 'ably';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';

/** What {@link useConnectionStatus} returns. */
export interface UseConnectionStatusResult {
  /** `connected`, `connecting`, `disconnected`, `suspended`, `failed`, … */
  status: ConnectionStatus;
  /** The error of the current status, if any (e.g. why the connection was lost). */
  error: Ably.ErrorInfo | undefined;
}

/**
 * The chat client's connection status. Kept out of the presence and occupancy hooks, so a count does not re-render
 * on a network blip; use it where you show connectivity.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000).
 * @example
 * const { status } = useConnectionStatus();
 * return status === 'connected' ? null : <Banner>Reconnecting…</Banner>;
 */
export function useConnectionStatus(): UseConnectionStatusResult {
  const { client } = usePresenceKitContext('useConnectionStatus');
  const subscribe = useCallback((listener: () => void) => client.connection.onStatusChange(listener).off, [client]);
  const status = useSyncExternalStore(
    subscribe,
    () => client.connection.status,
    () => ConnectionStatus.Initialized,
  );
  const error = useSyncExternalStore(
    subscribe,
    () => client.connection.error,
    () => undefined,
  );
  return useMemo(() => ({ status, error }), [status, error]);
}
