'use client';
import type { ConnectionStatusChange } from '@ably/chat';
import { useEffect } from 'react';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';
import { useLatest } from '../internal/use-latest.js';

/**
 * Calls `listener` with each connection status change that carries an error (e.g. a failed resume, 80008, or
 * disconnection). Never re-renders the component.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>`.
 * @example
 * useConnectionErrorListener((change) => report(change.error));
 */
export function useConnectionErrorListener(listener: (change: ConnectionStatusChange) => void): void {
  const { client } = usePresenceKitContext('useConnectionErrorListener');
  const latest = useLatest(listener);
  useEffect(
    () =>
      client.connection.onStatusChange((change) => {
        if (change.error) latest.current(change);
      }).off,
    [client, latest],
  );
}
