'use client';
import { usePeopleSelector } from '../internal/use-people-selector.js';
import type { RoomHookOptions } from '../internal/use-room-entry.js';

/** Options of {@link useIsPresent}. */
export interface UseIsPresentOptions extends RoomHookOptions {
  /** The client to look for. */
  clientId: string;
}

/**
 * Whether `clientId` is present in the room on any connection. Re-renders only when that answer changes.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * const online = useIsPresent({ clientId: 'bob' });
 */
export function useIsPresent(options: UseIsPresentOptions): boolean {
  const { clientId } = options;
  return usePeopleSelector<boolean, boolean>('useIsPresent', { room: options.room }, (snapshot) =>
    snapshot.peopleByClientId.has(clientId),
  );
}
