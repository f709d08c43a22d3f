'use client';
import type * as Ably from 'ably';
import { useEffect } from 'react';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';
import { useLatest } from '../internal/use-latest.js';

/** Options of {@link useConnectionErrorListener}. */
export interface UseConnectionErrorListenerOptions {
  /** Called with each error a connection status change carries (a failed resume, a disconnection, …). */
  listener: (error: Ably.ErrorInfo) => void;
}

/**
 * Calls `listener` with the error of each connection status change that carries one. Never re-renders the
 * component; the latest `listener` is called, so it need not be memoized.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000).
 * @example
 * useConnectionErrorListener({ listener: (error) => report(error.code, error.message) });
 */
export function useConnectionErrorListener(options: UseConnectionErrorListenerOptions): void {
  const { client } = usePresenceKitContext('useConnectionErrorListener');
  const latest = useLatest(options.listener);
  useEffect(
    () =>
      client.connection.onStatusChange((change) => {
        if (change.error) latest.current(change.error);
      }).off,
    [client, latest],
  );
}
